import type { Locator, Page } from '@playwright/test';
import type { PaymentMethod } from '../../support/labels/shop.ts';
import type { TargetProfile } from '../../support/target.ts';
import type { TestCard } from '../../support/test-cards.ts';
import { type CardListScreen, last4Pattern } from '../common/card-list.ts';
import { Finder } from '../common/find.ts';
import { gotoScreen } from '../common/goto-screen.ts';
import { fillSecret } from '../common/secret-field.ts';
import { escapeRegExp, templatePattern } from '../../support/text-pattern.ts';

/**
 * The checkout. Saved cards are radios, inside the payment-method group or in a group of their own
 * (labels.shop.savedCards): the page object looks for them anywhere in the main area, so a saved-cards
 * group it cannot name is never taken for "no saved card".
 */
export class CheckoutPage implements CardListScreen {
  readonly screen = 'checkout' as const;
  readonly where = 'checkout saved cards';
  readonly find: Finder;
  readonly heading: Locator;
  readonly paymentMethods: Locator;
  readonly linkCardBox: Locator;
  readonly orderPlaced: Locator;
  /** What the order page says about the card after paying (linked, refused, reissued...). */
  readonly linkNotice: Locator;
  /** F6: the sixth card's refusal. */
  readonly cardLimitMessage: Locator;
  readonly errorMessage: Locator;
  private readonly newCardOption: Locator;
  private readonly number: Locator;
  private readonly expiry: Locator;
  private readonly cvc: Locator;
  private readonly holder: Locator;
  private readonly payButton: Locator;

  constructor(
    private readonly page: Page,
    private readonly target: TargetProfile,
  ) {
    const { shop } = target.labels;
    const find = new Finder(page, target, this.screen, this.where);
    this.find = find;
    this.heading = find.heading('shop.checkout').locator;
    this.paymentMethods = find.container('shop.paymentMethod').locator;
    this.newCardOption = page.getByRole('main').getByRole('radio', { name: shop.newCard, exact: true });
    this.number = page.getByLabel(shop.cardNumber, { exact: true });
    this.expiry = page.getByLabel(shop.expiry, { exact: true });
    this.cvc = page.getByLabel(shop.cvc, { exact: true });
    this.holder = page.getByLabel(shop.holder, { exact: true });
    this.linkCardBox = page.getByRole('checkbox', { name: shop.linkCard });
    this.payButton = find.control('shop.pay', { roles: ['button'] }).locator;
    this.orderPlaced = page.getByRole('heading', { name: shop.orderPlaced, level: 1 });
    this.linkNotice = page.getByRole('main').getByRole('status');
    this.cardLimitMessage = this.linkNotice.filter({ hasText: templatePattern(shop.cardLimitReached) });
    this.errorMessage = page.getByRole('alert');
  }

  /** Opens the checkout; waits for the payment-method group (the saved cards, if any, are in the same form). */
  async open(): Promise<void> {
    await gotoScreen(this.page, this.target.urls.checkout, this.where);
    await this.find.need(this.find.container('shop.paymentMethod'));
  }

  /** The saved card's radio, wherever the page groups saved cards. */
  card(last4: string): Locator {
    return this.page.getByRole('main').getByRole('radio', { name: last4Pattern(last4) });
  }

  /** A saved card shown as expired (F9): marked, and not selectable. */
  expiredCard(last4: string): Locator {
    const { shop } = this.target.labels;
    return this.card(last4).and(this.page.getByRole('radio', { name: templatePattern(shop.expiredCard) }));
  }

  /** The option for one of F1's payment methods; `card` is the new-card option. */
  method(method: PaymentMethod): Locator {
    const { methods } = this.target.labels.shop;
    if (method === 'card') return this.newCardOption;
    const main = this.page.getByRole('main');
    if (method === 'balance') return main.getByRole('radio', { name: templatePattern(methods.balance) });
    return main.getByRole('radio', { name: new RegExp(`^${escapeRegExp(methods[method])}$`) });
  }

  /** F1: which of the known payment methods the open checkout offers. */
  async offeredMethods(): Promise<PaymentMethod[]> {
    const all: PaymentMethod[] = ['card', 'balance', 'webMoneyUsd', 'webMoneyRub', 'qiwi', 'westernUnion'];
    const offered: PaymentMethod[] = [];
    for (const method of all) if ((await this.method(method).count()) > 0) offered.push(method);
    return offered;
  }

  async enterNewCard(card: TestCard): Promise<void> {
    await this.newCardOption.check();
    await fillSecret(this.number, card.number);
    await this.expiry.fill(card.expiry);
    await fillSecret(this.cvc, card.cvc);
    await this.holder.fill(card.holder);
  }

  async chooseLinkCard(link: boolean): Promise<void> {
    await this.linkCardBox.setChecked(link);
  }

  async chooseSavedCard(last4: string): Promise<void> {
    await this.card(last4).check();
  }

  async choose(method: PaymentMethod): Promise<void> {
    await this.method(method).check();
  }

  async pay(): Promise<void> {
    await this.payButton.click();
    await this.find.need(this.find.heading('shop.orderPlaced'));
  }

  /** Presses Pay expecting a refusal (422 page with an alert). */
  async payExpectingRefusal(): Promise<void> {
    await this.payButton.click();
    await this.errorMessage.waitFor();
  }

  /** F9: the order page's note that a reissued card replaced an expired one. */
  reissueNotice(card: TestCard, old: TestCard): Locator {
    const { shop } = this.target.labels;
    const label = (c: TestCard) => new RegExp(`${escapeRegExp(c.brand)}.*${c.last4}`);
    return this.linkNotice
      .filter({ hasText: templatePattern(shop.cardReissued) })
      .filter({ hasText: label(card) })
      .filter({ hasText: label(old) });
  }
}
