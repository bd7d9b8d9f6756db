import type { Locator, Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';
import type { CardListScreen } from '../common/card-list.ts';
import { Finder } from '../common/find.ts';
import { gotoScreen } from '../common/goto-screen.ts';
import { pressDelete } from '../common/removal.ts';

/**
 * R5: "My Profile" -> "My bank cards" (a tab, or a page of its own): each card with "delete" next to
 * it, or the empty-state text. Whether deleting asks to confirm is the profile's
 * `screens.mobileAppCards.confirm` (the mock's app does not).
 */
export class BankCardsScreen implements CardListScreen {
  readonly screen = 'mobileAppCards' as const;
  readonly where = 'mobile app\'s "My bank cards"';
  readonly find: Finder;
  readonly panel: Locator;
  readonly emptyMessage: Locator;
  /** Every card entry shown. */
  readonly entries: Locator;

  constructor(
    private readonly page: Page,
    private readonly target: TargetProfile,
  ) {
    this.find = new Finder(page, target, this.screen, this.where);
    this.panel = this.find.container('mobile.app.myBankCards').locator;
    this.emptyMessage = this.find.plainText('mobile.app.noCards').locator;
    this.entries = this.find.entries(this.panel);
  }

  async open(): Promise<void> {
    await gotoScreen(this.page, this.target.urls.mobileAppCards, this.where);
    await this.shown();
  }

  /** From "My Profile": the tab or link "My bank cards". */
  async openTab(): Promise<void> {
    await this.find.click(this.find.control('mobile.app.myBankCards'));
    await this.shown();
  }

  private async shown(): Promise<void> {
    await this.find.need(
      this.find.container('mobile.app.myBankCards'),
      this.find.plainText('mobile.app.noCards'),
    );
  }

  card(last4: string): Locator {
    return this.find.card(this.panel, last4);
  }

  /** Presses "delete" next to the card (and confirms, where the target asks); waits until the list shows again. */
  async delete(last4: string): Promise<void> {
    const removal = await pressDelete(
      this.find,
      this.card(last4),
      'mobile.app.delete',
      'mobile.app.confirmDeleteTitle',
    );
    await removal.confirm();
    await this.shown();
  }
}
