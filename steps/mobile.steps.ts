import { expect } from '@playwright/test';
import type { StepApi } from './api.ts';

/** R5 (the mobile app) and R6 (the mobile version of the site on a desktop browser). */
export function registerMobileSteps({ When, Then }: StepApi) {
  When('the buyer opens the mobile app', async function () {
    await this.screens.mobileApp.open();
  });

  When('the buyer chooses "My Profile" in the main menu', async function () {
    await this.screens.mobileApp.chooseMyProfile();
  });

  When('the buyer opens the tab "My bank cards"', async function () {
    await this.screens.mobileAppCards.openTab();
  });

  Then("the card's number is listed", async function () {
    await expect(this.screens.mobileAppCards.card(this.card().last4)).toBeVisible();
  });

  When('the buyer presses "delete" next to the card', async function () {
    await this.screens.mobileAppCards.delete(this.card().last4);
  });

  Then('the list of bank cards is empty', async function () {
    const cards = this.screens.mobileAppCards;
    await expect(cards.emptyMessage).toBeVisible();
    await expect(cards.entries).toHaveCount(0);
  });

  When('the buyer opens the mobile site in a new tab', async function () {
    this.page = await this.page.context().newPage();
    await this.screens.mobileSite.open();
  });

  When('the buyer presses the three-bar menu and chooses "Help Center"', async function () {
    const site = this.screens.mobileSite;
    await site.openMenu();
    await site.chooseHelpCenter();
  });

  When('the buyer opens "How do I change my card information?"', async function () {
    await this.screens.mobileSiteHelp.openCardInformationQuestion();
  });

  When('the buyer follows the link that leads to removing the card', async function () {
    await this.screens.mobileSiteHelp.followRemoveCardLink();
  });

  Then('the page lists the card', async function () {
    await expect(this.screens.mobileSiteCards.card(this.card().last4)).toBeVisible();
  });

  When('the buyer deletes the card there and confirms', async function () {
    const dialog = await this.screens.mobileSiteCards.requestDelete(this.card().last4);
    await dialog.confirm();
  });
}
