import type { Locator, Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';
import { type CardListScreen, last4Pattern } from '../common/card-list.ts';
import { gotoScreen } from '../common/goto-screen.ts';

/** R5: "My Profile" -> tab "My bank cards": each card with "delete" next to it, or the empty-state text. */
export class BankCardsScreen implements CardListScreen {
  readonly where = 'mobile app\'s "My bank cards"';
  readonly tab: Locator;
  readonly panel: Locator;
  readonly emptyMessage: Locator;
  /** Every card entry shown. */
  readonly entries: Locator;

  constructor(
    private readonly page: Page,
    private readonly target: TargetProfile,
  ) {
    const { app } = target.labels.mobile;
    this.tab = page.getByRole('tab', { name: app.myBankCards, exact: true });
    this.panel = page.getByRole('tabpanel', { name: app.myBankCards });
    this.emptyMessage = this.panel.getByText(app.noCards);
    this.entries = this.panel.getByRole('listitem');
  }

  async open(): Promise<void> {
    await gotoScreen(this.page, this.target.urls.mobileAppCards, this.where);
    await this.panel.waitFor();
  }

  /** From "My Profile": switches to the tab. */
  async openTab(): Promise<void> {
    await this.tab.click();
    await this.panel.waitFor();
  }

  card(last4: string): Locator {
    return this.entries.filter({ hasText: last4Pattern(last4) });
  }

  /** Presses "delete" next to the card and waits for the app to show the list again. */
  async delete(last4: string): Promise<void> {
    const { app } = this.target.labels.mobile;
    const shown = this.page.waitForEvent('load');
    await this.card(last4).getByRole('button', { name: app.delete }).click();
    await shown;
    await this.panel.waitFor();
  }
}
