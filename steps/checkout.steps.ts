import { expect } from '@playwright/test';
import type { Brand } from '../support/test-cards.ts';
import type { StepApi } from './api.ts';

export function registerCheckoutSteps({ Given, When, Then }: StepApi) {
  Given('the buyer has a linked {brand} card', async function (brand: Brand) {
    await this.linkCard(brand);
  });

  When('the buyer opens checkout and enters a new {brand} card', async function (brand: Brand) {
    const checkout = this.screens.checkout;
    await checkout.open();
    await checkout.enterNewCard(this.newCard(brand));
  });

  Then('the "link card" box is ticked', async function () {
    await expect(this.screens.checkout.linkCardBox).toBeChecked();
  });

  When('the buyer unticks the "link card" box', async function () {
    await this.screens.checkout.chooseLinkCard(false);
  });

  When('the buyer pays', async function () {
    await this.screens.checkout.pay();
  });

  Then('the order is placed', async function () {
    await expect(this.screens.checkout.orderPlaced).toBeVisible();
  });

  Then('the card is offered as a saved card at the next checkout', async function () {
    const checkout = this.screens.checkout;
    await checkout.open();
    await expect(checkout.card(this.card().last4)).toBeVisible();
  });
}
