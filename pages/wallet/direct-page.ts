import type { Locator, Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';
import type { CardListScreen } from '../common/card-list.ts';
import { Finder } from '../common/find.ts';
import { gotoScreen } from '../common/goto-screen.ts';
import { type PendingRemoval, pressDelete } from '../common/removal.ts';

/** R3: the wallet's own address, opened while signed in to the shop. */
export class WalletDirectPage implements CardListScreen {
  readonly screen = 'walletDirect' as const;
  readonly where = 'wallet direct page';
  readonly find: Finder;
  readonly cardInformation: Locator;
  readonly emptyMessage: Locator;
  /** Anything the page would ask the buyer to type: R3 promises there is none. */
  readonly inputs: Locator;

  constructor(
    private readonly page: Page,
    private readonly target: TargetProfile,
  ) {
    this.find = new Finder(page, target, this.screen, this.where);
    this.cardInformation = this.find.container('wallet.cardInformation').locator;
    this.emptyMessage = this.find.plainText('wallet.noCards').locator;
    this.inputs = page.getByRole('main').locator('input:not([type=hidden]), select, textarea');
  }

  async open(): Promise<void> {
    await gotoScreen(this.page, this.target.urls.walletDirect, this.where);
    await this.find.need(
      this.find.container('wallet.cardInformation'),
      this.find.plainText('wallet.noCards'),
    );
  }

  card(last4: string): Locator {
    return this.find.card(this.cardInformation, last4);
  }

  /** Presses "Delete card" on the card's entry; `confirm()` then passes the confirm step. */
  requestDelete(last4: string): Promise<PendingRemoval> {
    return pressDelete(this.find, this.card(last4), 'wallet.deleteCard', 'wallet.confirmDeleteTitle');
  }
}
