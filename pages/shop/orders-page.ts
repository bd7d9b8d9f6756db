import type { Locator, Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';
import { escapeRegExp } from '../../support/text-pattern.ts';

export type DisputeReason = 'notReceived' | 'notAsDescribed' | 'damaged';

/** "My orders": every order with an "Open a dispute" link; then the dispute form. */
export class OrdersPage {
  readonly heading: Locator;
  readonly list: Locator;
  private readonly reason: Locator;
  private readonly submitDispute: Locator;

  constructor(
    private readonly page: Page,
    private readonly target: TargetProfile,
  ) {
    const { orders, disputes } = target.labels.shop;
    this.heading = page.getByRole('heading', { name: orders.title, level: 1 });
    this.list = page.getByRole('list', { name: orders.title });
    this.reason = page.getByLabel(disputes.reason, { exact: true });
    this.submitDispute = page.getByRole('main').getByRole('button', { name: disputes.submit, exact: true });
  }

  async open(): Promise<void> {
    await this.page.goto(this.target.urls.orders);
    await this.heading.waitFor();
  }

  /** The orders paid with the card ending in `last4`. */
  ordersPaidWith(last4: string): Locator {
    return this.list.getByRole('listitem').filter({ hasText: new RegExp(`(?<!\\d)${last4}(?!\\d)`) });
  }

  /** Opens a dispute on the (latest) order paid with that card. */
  async openDispute(last4: string, reason: DisputeReason): Promise<void> {
    const { shop } = this.target.labels;
    await this.ordersPaidWith(last4)
      .first()
      .getByRole('link', { name: new RegExp(`^${escapeRegExp(shop.orders.openDispute)}`) })
      .click();
    await this.reason.selectOption({ label: shop.disputes.reasons[reason] });
    await this.submitDispute.click();
    await this.submitDispute.waitFor({ state: 'detached' });
  }
}
