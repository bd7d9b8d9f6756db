import type { Locator, Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';
import { type CardListScreen, last4Pattern } from '../common/card-list.ts';
import { ConfirmDialog } from '../common/confirm-dialog.ts';
import { gotoScreen } from '../common/goto-screen.ts';

/** R4: the cards linked to the profile, as the help centre's "check cards" lists them. */
export class HelpCardsPage implements CardListScreen {
  readonly where = 'help centre card list';
  readonly linkedCards: Locator;
  readonly emptyMessage: Locator;

  constructor(
    private readonly page: Page,
    private readonly target: TargetProfile,
  ) {
    const { help } = target.labels;
    this.linkedCards = page.getByRole('region', { name: help.linkedCards });
    this.emptyMessage = this.linkedCards.getByText(help.noCards);
  }

  async open(): Promise<void> {
    await gotoScreen(this.page, this.target.urls.helpCards, this.where);
    await this.linkedCards.waitFor();
  }

  card(last4: string): Locator {
    return this.linkedCards.getByRole('listitem').filter({ hasText: last4Pattern(last4) });
  }

  /** Presses the "delete" icon opposite the card; the confirm dialog opens. */
  async requestDelete(last4: string): Promise<ConfirmDialog> {
    const { help } = this.target.labels;
    await this.card(last4).getByRole('button', { name: help.deleteCard }).click();
    const dialog = new ConfirmDialog(this.page, this.target.labels, help.confirmDeleteTitle);
    await dialog.dialog.waitFor();
    return dialog;
  }
}
