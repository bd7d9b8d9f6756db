import { expect } from '@playwright/test';
import type { AccountEntry } from '../pages/shop/account-panel.ts';
import type { Brand } from '../support/test-cards.ts';
import type { StepApi } from './api.ts';

const ENTRIES: Record<string, AccountEntry> = {
  'My orders': 'orders',
  'My disputes': 'disputes',
  'Contact support': 'support',
};

/** F10's categories as the features name them -> the keys of labels.shop.support.categories. */
const SUPPORT_CATEGORIES: Record<string, string> = {
  'a payment problem': 'payment',
  'linking a card': 'linkCard',
  'removing a card': 'removeCard',
  'a refund or dispute': 'refund',
  'something else': 'other',
};

/** The shop's account area: the header panel, orders and disputes (F4), support (F10), privacy. */
export function registerAccountSteps({ Given, When, Then }: StepApi) {
  When('the buyer chooses {string} in the account panel', async function (entry: string) {
    const key = ENTRIES[entry];
    if (!key)
      throw new Error(
        `the account panel has no entry "${entry}" here: use ${Object.keys(ENTRIES).join(', ')}`,
      );
    await this.screens.accountPanel.goTo(key);
  });

  // F4
  Given(
    'the buyer paid an order with a new {brand} card, leaving "link card" ticked',
    async function (brand: Brand) {
      const checkout = this.screens.checkout;
      await checkout.open();
      await checkout.enterNewCard(this.newCard(brand));
      await checkout.chooseLinkCard(true);
      await checkout.pay();
    },
  );

  Given(
    'the buyer paid an order with a new {brand} card, unticking "link card"',
    async function (brand: Brand) {
      const checkout = this.screens.checkout;
      await checkout.open();
      await checkout.enterNewCard(this.newCard(brand));
      await checkout.chooseLinkCard(false);
      await checkout.pay();
    },
  );

  When('the buyer opens a dispute on that order because it did not arrive', async function () {
    await this.screens.orders.openDispute(this.card().last4, 'notReceived');
  });

  When('the seller loses the dispute', async function () {
    await this.sellerLosesOpenDispute();
  });

  Then('"My disputes" shows the refund went to the wallet balance', async function () {
    const disputes = this.screens.disputes;
    await disputes.open();
    await expect(disputes.refundedToBalance()).toHaveCount(1);
  });

  Then('"My disputes" shows the refund went back to the card', async function () {
    const disputes = this.screens.disputes;
    await disputes.open();
    await expect(disputes.refundedToCard(this.card().last4)).toHaveCount(1);
    await expect(disputes.refundedToBalance()).toHaveCount(0);
  });

  Then('the wallet balance pays for the next order at checkout', async function () {
    const checkout = this.screens.checkout;
    await checkout.open();
    await checkout.choose('balance');
    await checkout.pay();
  });

  Then('the wallet balance cannot pay for the next order', async function () {
    const checkout = this.screens.checkout;
    await checkout.open();
    await expect(checkout.method('balance')).toBeDisabled();
  });

  // F10
  When('the buyer describes a problem with {string} and sends it', async function (category: string) {
    const key = SUPPORT_CATEGORIES[category];
    if (!key)
      throw new Error(
        `unknown support category "${category}": use ${Object.keys(SUPPORT_CATEGORIES).join(', ')}`,
      );
    await this.screens.support.send(
      key,
      'The wallet said my card was removed, but checkout still offers it as a saved card.',
    );
  });

  Then('support answers with a ticket number', async function () {
    expect(await this.screens.support.ticketNumber()).toMatch(/\w*\d{4,}\w*/);
  });

  // Privacy
  Given(
    'another buyer, signed in on their own browser, with a linked {brand} card',
    async function (brand: Brand) {
      await this.signInAnotherBuyer(brand);
    },
  );

  Then("the other buyer's wallet direct page does not list the buyer's card", async function () {
    const other = this.other!;
    const direct = other.screens.walletDirect;
    await direct.open();
    await expect(direct.card(other.card.last4)).toBeVisible();
    await expect(direct.card(this.card().last4)).toHaveCount(0);
  });

  When("the other buyer aims their own delete form at the buyer's card and submits it", async function () {
    const address = await this.screens.tampering.deleteAddressOf(this.card().last4);
    const other = this.other!;
    await other.screens.tampering.submitOwnDeleteFormTo(
      other.card.last4,
      address,
    );
  });

  Then('the other buyer gets the "not found" page', async function () {
    const tampering = this.other!.screens.tampering;
    await expect(tampering.notFound).toBeVisible();
  });

  Then("the other buyer's own card is still linked", async function () {
    const other = this.other!;
    await other.screens.walletDirect.open();
    await expect(other.screens.walletDirect.card(other.card.last4)).toBeVisible();
  });
}
