import type { Locator, Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';
import { type CardListScreen, last4Pattern } from '../common/card-list.ts';
import { ConfirmDialog } from '../common/confirm-dialog.ts';

/** R3: the wallet's own address, opened while signed in to the shop. */
export class WalletDirectPage implements CardListScreen {
  readonly where = 'wallet direct page';
  readonly heading: Locator;
  readonly cardInformation: Locator;
  readonly emptyMessage: Locator;
  /** Anything the page would ask the buyer to type: R3 promises there is none. */
  readonly inputs: Locator;

  constructor(
    private readonly page: Page,
    private readonly target: TargetProfile,
  ) {
    const { wallet } = target.labels;
    this.heading = page.getByRole('heading', { name: wallet.directTitle, level: 1 });
    this.cardInformation = page.getByRole('region', { name: wallet.cardInformation });
    this.emptyMessage = this.cardInformation.getByText(wallet.noCards);
    this.inputs = page.getByRole('main').locator('input:not([type=hidden]), select, textarea');
  }

  async open(): Promise<void> {
    await this.page.goto(this.target.urls.walletDirect);
    await this.cardInformation.waitFor();
  }

  card(last4: string): Locator {
    return this.cardInformation.getByRole('listitem').filter({ hasText: last4Pattern(last4) });
  }

  async requestDelete(last4: string): Promise<ConfirmDialog> {
    const { wallet } = this.target.labels;
    await this.card(last4).getByRole('button', { name: wallet.deleteCard }).click();
    return new ConfirmDialog(this.page, this.target.labels, wallet.confirmDeleteTitle);
  }
}
