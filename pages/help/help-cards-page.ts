import type { Locator, Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';
import type { CardListScreen } from '../common/card-list.ts';
import { Finder } from '../common/find.ts';
import { gotoScreen } from '../common/goto-screen.ts';
import { type PendingRemoval, pressDelete } from '../common/removal.ts';

/** R4: the cards linked to the profile, as the help centre's "check cards" lists them. */
export class HelpCardsPage implements CardListScreen {
  readonly screen = 'helpCards' as const;
  readonly where = 'help centre card list';
  readonly find: Finder;
  readonly linkedCards: Locator;
  readonly emptyMessage: Locator;

  constructor(
    private readonly page: Page,
    private readonly target: TargetProfile,
  ) {
    this.find = new Finder(page, target, this.screen, this.where);
    this.linkedCards = this.find.container('help.linkedCards').locator;
    this.emptyMessage = this.find.plainText('help.noCards').locator;
  }

  async open(): Promise<void> {
    await gotoScreen(this.page, this.target.urls.helpCards, this.where);
    await this.find.need(this.find.container('help.linkedCards'), this.find.plainText('help.noCards'));
  }

  card(last4: string): Locator {
    return this.find.card(this.linkedCards, last4);
  }

  /** Presses the "delete" icon opposite the card; `confirm()` then passes the confirm step. */
  requestDelete(last4: string): Promise<PendingRemoval> {
    return pressDelete(this.find, this.card(last4), 'help.deleteCard', 'help.confirmDeleteTitle');
  }
}
