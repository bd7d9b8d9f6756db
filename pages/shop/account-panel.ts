import type { Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';
import { Finder } from '../common/find.ts';

export type AccountEntry = 'orders' | 'disputes' | 'support';

const TITLES: Record<AccountEntry, string> = {
  orders: 'shop.orders.title',
  disputes: 'shop.disputes.title',
  support: 'shop.support.title',
};

const WHERE: Record<AccountEntry, string> = {
  orders: '"My orders" page',
  disputes: '"My disputes" page',
  support: 'support page',
};

/**
 * The shop's account entries (R2's "My AliExpress" panel): how a buyer reaches orders, disputes and
 * support. The way there is the profile's `screens.<entry>.path` (by default: the header's account
 * panel, then the entry); a target with support in its footer says so there.
 */
export class AccountPanel {
  constructor(
    private readonly page: Page,
    private readonly target: TargetProfile,
  ) {}

  /** Follows the entry's path from its page and waits for the entry's own page (its h1). */
  async goTo(entry: AccountEntry): Promise<void> {
    const find = new Finder(this.page, this.target, entry, WHERE[entry]);
    await find.followPath();
    await find.need(find.heading(TITLES[entry]));
  }
}
