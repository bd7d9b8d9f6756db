import type { Locator, Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';
import { last4Pattern } from '../common/card-list.ts';
import { ConfirmDialog } from '../common/confirm-dialog.ts';

/** R1: "edit cards" lists the linked cards with "remove card" next to each. */
export class WalletEditCardsPage {
  readonly heading: Locator;
  readonly linkedCards: Locator;

  constructor(
    private readonly page: Page,
    private readonly target: TargetProfile,
  ) {
    const { wallet } = target.labels;
    this.heading = page.getByRole('heading', { name: wallet.editCardsTitle, level: 1 });
    this.linkedCards = page.getByRole('main').getByRole('list', { name: wallet.linkedCards, exact: true });
  }

  card(last4: string): Locator {
    return this.linkedCards.getByRole('listitem').filter({ hasText: last4Pattern(last4) });
  }

  /** Presses "remove card" next to the card; the confirm dialog opens. */
  async requestRemove(last4: string): Promise<ConfirmDialog> {
    const { wallet } = this.target.labels;
    await this.card(last4).getByRole('button', { name: wallet.removeCard }).click();
    const dialog = new ConfirmDialog(this.page, this.target.labels, wallet.confirmRemoveTitle);
    await dialog.dialog.waitFor();
    return dialog;
  }
}
