import type { Locator, Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';

export type AccountEntry = 'orders' | 'disputes' | 'support';

/** The header's "My account" panel and its drop-down of entries (R2's "My AliExpress"). */
export class AccountPanel {
  readonly toggle: Locator;
  readonly menu: Locator;

  constructor(
    private readonly page: Page,
    private readonly target: TargetProfile,
  ) {
    const { account } = target.labels.shop;
    this.toggle = page.getByRole('banner').getByRole('button', { name: account.panel, exact: true });
    this.menu = page.getByRole('banner').getByRole('list', { name: account.panel });
  }

  /** Opens the shop's home, where the header shows the panel. */
  async openShop(): Promise<void> {
    await this.page.goto(this.target.urls.shop);
    await this.toggle.waitFor();
  }

  async expand(): Promise<void> {
    if (!(await this.menu.isVisible())) await this.toggle.click();
    await this.menu.waitFor();
  }

  entry(entry: AccountEntry): Locator {
    return this.menu.getByRole('link', { name: this.target.labels.shop.account[entry], exact: true });
  }

  /** Opens the drop-down and follows one of its entries. */
  async goTo(entry: AccountEntry): Promise<void> {
    await this.expand();
    await this.entry(entry).click();
    await this.page.waitForURL((url) => url.toString() !== this.target.urls.shop);
  }
}
