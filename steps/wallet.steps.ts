import { expect } from '@playwright/test';
import type { StepApi } from './api.ts';

export function registerWalletSteps({ When, Then }: StepApi) {
  When("the buyer opens the wallet's direct page in a new tab", async function () {
    this.page = await this.page.context().newPage();
    await this.screens.walletDirect.open();
  });

  Then('the page asks for no personal data', async function () {
    await expect(this.screens.walletDirect.inputs).toHaveCount(0);
  });

  Then('the "Card information" block lists the card', async function () {
    await expect(this.screens.walletDirect.card(this.card().last4)).toBeVisible();
  });

  Then("the card is listed on the wallet's direct page", async function () {
    const direct = this.screens.walletDirect;
    await direct.open();
    await expect(direct.card(this.card().last4)).toBeVisible();
  });

  When('the buyer deletes the card on the direct page and confirms', async function () {
    const dialog = await this.screens.walletDirect.requestDelete(this.card().last4);
    await dialog.confirm();
  });
}
