import { randomBytes } from 'node:crypto';
import { expect } from '@playwright/test';
import type { PaymentMethod } from '../support/labels/shop.ts';
import { generatedPassword } from '../support/secrets.ts';
import { type Brand, randomTestCard } from '../support/test-cards.ts';
import type { StepApi } from './api.ts';

/** F1's payment methods as the features name them (the guide's names). */
const METHOD_NAMES: Record<string, PaymentMethod> = {
  'bank card': 'card',
  'wallet balance': 'balance',
  'WebMoney USD': 'webMoneyUsd',
  'WebMoney RUB': 'webMoneyRub',
  QIWI: 'qiwi',
  'Western Union': 'westernUnion',
};

function methodsNamed(list: string): PaymentMethod[] {
  if (list.trim() === 'nothing else') return [];
  return list.split(/\s*,\s*|\s+and\s+/).map((name) => {
    const method = METHOD_NAMES[name.trim()];
    if (!method)
      throw new Error(`unknown payment method "${name}": use ${Object.keys(METHOD_NAMES).join(', ')}`);
    return method;
  });
}

export function registerCheckoutSteps({ Given, When, Then }: StepApi) {
  Given('the buyer has a linked {brand} card', async function (brand: Brand) {
    await this.linkCard(brand);
  });

  Given('the buyer has {int} linked cards, VISA and Mastercard', async function (count: number) {
    for (let i = 1; i <= count; i++) await this.linkCard(i % 2 ? 'VISA' : 'Mastercard', `linked card ${i}`);
  });

  Given('a buyer who signed up with the country {string}', async function (country: string) {
    const signUp = this.screens.signUp;
    if (!signUp.asks('country'))
      throw new Error(
        `the sign-up form of ${this.target.name} asks no country (profile forms.signUp): F1 cannot pick one`,
      );
    // A sandbox signs up per accounts.signUp (its address template, password and inbox domain).
    if (this.target.accounts.source === 'pool') {
      await this.signInFreshBuyer({ country });
      return;
    }
    const details = {
      email: `buyer-${randomBytes(6).toString('hex')}@cardwatch.test`,
      // this run's generated password: a Secret the runner's parent redacts (support/secrets.ts)
      password: generatedPassword().reveal(),
      name: 'Test Buyer',
      country,
    };
    await signUp.signUp(details);
    this.adoptBuyer({ email: details.email, password: details.password });
  });

  When('the buyer opens checkout', async function () {
    await this.screens.checkout.open();
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

  Then('the card is not offered as a saved card at the next checkout', async function () {
    const checkout = this.screens.checkout;
    await checkout.open();
    await expect(checkout.card(this.card().last4)).toHaveCount(0);
  });

  Then('the {int} linked cards are still offered at the next checkout', async function (count: number) {
    const checkout = this.screens.checkout;
    await checkout.open();
    for (let i = 1; i <= count; i++)
      await expect(checkout.card(this.card(`linked card ${i}`).last4)).toBeVisible();
  });

  // F1
  Then('the payment methods offered are bank card, wallet balance and {}', async function (list: string) {
    const expected = ['card', 'balance', ...methodsNamed(list)].sort();
    expect((await this.screens.checkout.offeredMethods()).sort()).toEqual(expected);
  });

  // F6
  Then('the checkout says the card was not linked because the wallet is full', async function () {
    await expect(this.screens.checkout.cardLimitMessage).toBeVisible();
  });

  // F9 / L3
  Given('the buyer has a linked {brand} card that has expired', async function (brand: Brand) {
    this.keepCard('the expired card', randomTestCard(brand, { expiresInYears: -1, holder: 'Ann Expired' }));
    await this.linkKeptCard('the expired card');
  });

  Then('the expired card is marked as expired and cannot be chosen', async function () {
    const expired = this.screens.checkout.expiredCard(this.card('the expired card').last4);
    await expect(expired).toBeVisible();
    await expect(expired).toBeDisabled();
  });

  When('the buyer enters the reissued card, unticks the "link card" box and pays', async function () {
    const old = this.card('the expired card');
    const reissued = this.keepCard('the card', randomTestCard(old.brand, { holder: old.holder }));
    const checkout = this.screens.checkout;
    await checkout.enterNewCard(reissued);
    await checkout.chooseLinkCard(false);
    await checkout.pay();
  });

  Then('the checkout says the reissued card replaces the expired one', async function () {
    const notice = this.screens.checkout.reissueNotice(this.card(), this.card('the expired card'));
    await expect(notice).toBeVisible();
  });

  Then('the expired card is no longer offered at checkout', async function () {
    const checkout = this.screens.checkout;
    await checkout.open();
    await expect(checkout.card(this.card('the expired card').last4)).toHaveCount(0);
  });
}
