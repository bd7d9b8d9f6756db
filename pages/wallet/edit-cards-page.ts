import type { Locator, Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';
import { Finder } from '../common/find.ts';
import { type PendingRemoval, pressDelete } from '../common/removal.ts';

/** R1: "edit cards" lists the linked cards with "remove card" next to each. */
export class WalletEditCardsPage {
  readonly screen = 'walletEditCards' as const;
  readonly where = 'wallet "edit cards" page';
  readonly find: Finder;
  readonly heading: Locator;
  readonly linkedCards: Locator;

  constructor(page: Page, target: TargetProfile) {
    this.find = new Finder(page, target, this.screen, this.where);
    this.heading = this.find.heading('wallet.editCardsTitle').locator;
    // The page of its own titled "edit cards" (its list may carry another name than the wallet home's).
    this.linkedCards = this.find.container('wallet.editCardsTitle').locator;
  }

  card(last4: string): Locator {
    return this.find.card(this.linkedCards, last4);
  }

  /** Presses "remove card" next to the card; `confirm()` then passes the confirm step. */
  requestRemove(last4: string): Promise<PendingRemoval> {
    return pressDelete(this.find, this.card(last4), 'wallet.removeCard', 'wallet.confirmRemoveTitle');
  }
}
