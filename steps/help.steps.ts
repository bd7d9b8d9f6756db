import { expect } from '@playwright/test';
import type { StepApi } from './api.ts';

/** R4: the buyer centre's help page. */
export function registerHelpSteps({ When, Then }: StepApi) {
  When("the buyer opens the buyer centre's help page", async function () {
    await this.screens.helpCentre.open();
  });

  When('the buyer presses "check cards"', async function () {
    await this.screens.helpCentre.checkCards();
  });

  Then('the cards linked to the profile include the card', async function () {
    await expect(this.screens.helpCards.card(this.card().last4)).toBeVisible();
  });

  When('the buyer presses the "delete" icon opposite the card and confirms', async function () {
    const dialog = await this.screens.helpCards.requestDelete(this.card().last4);
    await dialog.confirm();
  });
}
