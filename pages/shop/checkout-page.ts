import type { Locator, Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';
import type { TestCard } from '../../support/test-cards.ts';
import { type CardListScreen, last4Pattern } from '../common/card-list.ts';

export class CheckoutPage implements CardListScreen {
  readonly where = 'checkout saved cards';
  readonly heading: Locator;
  readonly paymentMethods: Locator;
  readonly linkCardBox: Locator;
  readonly orderPlaced: Locator;
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
    this.heading = page.getByRole('heading', { name: shop.checkout, level: 1 });
    this.paymentMethods = page.getByRole('group', { name: shop.paymentMethod });
    this.newCardOption = this.paymentMethods.getByRole('radio', { name: shop.newCard, exact: true });
    this.number = page.getByLabel(shop.cardNumber, { exact: true });
    this.expiry = page.getByLabel(shop.expiry, { exact: true });
    this.cvc = page.getByLabel(shop.cvc, { exact: true });
    this.holder = page.getByLabel(shop.holder, { exact: true });
    this.linkCardBox = page.getByRole('checkbox', { name: shop.linkCard });
    this.payButton = page.getByRole('button', { name: shop.pay, exact: true });
    this.orderPlaced = page.getByRole('heading', { name: shop.orderPlaced, level: 1 });
  }

  async open(): Promise<void> {
    await this.page.goto(this.target.urls.checkout);
    await this.paymentMethods.waitFor();
  }

  card(last4: string): Locator {
    return this.paymentMethods.getByRole('radio', { name: last4Pattern(last4) });
  }

  async enterNewCard(card: TestCard): Promise<void> {
    await this.newCardOption.check();
    await this.number.fill(card.number);
    await this.expiry.fill(card.expiry);
    await this.cvc.fill(card.cvc);
    await this.holder.fill(card.holder);
  }

  async chooseLinkCard(link: boolean): Promise<void> {
    await this.linkCardBox.setChecked(link);
  }

  async chooseSavedCard(last4: string): Promise<void> {
    await this.card(last4).check();
  }

  async pay(): Promise<void> {
    await this.payButton.click();
    await this.orderPlaced.waitFor();
  }
}
