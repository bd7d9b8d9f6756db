import type { Locator, Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';
import type { CardListScreen } from '../common/card-list.ts';
import { Finder } from '../common/find.ts';
import { gotoScreen } from '../common/goto-screen.ts';
import { type PendingRemoval, pressDelete } from '../common/removal.ts';

/** R6: the mobile version of the site, on a desktop browser: three-bar menu -> Help Center. */
export class MobileSiteHome {
  readonly screen = 'mobileSite' as const;
  readonly where = 'mobile site home';
  readonly find: Finder;
  /** The menu the three-bar control opens: a dialog, navigation or menu named like the control. */
  readonly menu: Locator;

  constructor(
    private readonly page: Page,
    private readonly target: TargetProfile,
  ) {
    this.find = new Finder(page, target, this.screen, this.where);
    this.menu = this.find.container(this.menuKey).locator;
  }

  /** The menu's own name: `mobile.site.menuName` where the profile sets it, else the control's. */
  private get menuKey(): string {
    return this.target.labels.mobile.site.menuName ? 'mobile.site.menuName' : 'mobile.site.menu';
  }

  async open(): Promise<void> {
    await gotoScreen(this.page, this.target.urls.mobileSite, this.where);
    await this.find.need(
      this.find.control('mobile.site.menu', { roles: ['button', 'link'] }),
      this.find.container(this.menuKey),
    );
  }

  /** Presses the three-bar control unless its menu is already shown. */
  async openMenu(): Promise<void> {
    // A closed menu is out of the accessibility tree (hidden, or a closed dialog): nothing matches it.
    if ((await this.menu.count()) === 0)
      await this.find.click(this.find.control('mobile.site.menu', { roles: ['button', 'link'] }));
    await this.find.need(this.find.container(this.menuKey));
  }

  async chooseHelpCenter(): Promise<void> {
    await this.find.click(this.find.control('mobile.site.helpCenter', { within: this.menu }));
    await this.find.need(this.find.heading('mobile.site.helpCenter'));
  }
}

/** The mobile site's Help Center and the card-information answer with its link to removing the card. */
export class MobileSiteHelpCenter {
  readonly screen = 'mobileSiteHelp' as const;
  readonly where = 'mobile site Help Center';
  readonly find: Finder;

  constructor(page: Page, target: TargetProfile) {
    this.find = new Finder(page, target, this.screen, this.where);
  }

  async openCardInformationQuestion(): Promise<void> {
    await this.find.click(this.find.control('mobile.site.changeCardInfo'));
    await this.find.need(this.find.heading('mobile.site.changeCardInfo'));
  }

  /** Follows the answer's link; the card page (its list or its "no cards" text) is shown. */
  async followRemoveCardLink(): Promise<void> {
    await this.find.click(this.find.control('mobile.site.removeCardLink'));
    await this.find.need(
      this.find.container('mobile.site.cardsTitle'),
      this.find.plainText('mobile.site.noCards'),
    );
  }
}

/** Where R6's link leads: the linked cards with "Delete" and a confirm step. */
export class MobileSiteCardsPage implements CardListScreen {
  readonly screen = 'mobileSiteCards' as const;
  readonly where = 'mobile site card page';
  readonly find: Finder;
  readonly cards: Locator;
  readonly emptyMessage: Locator;

  constructor(
    private readonly page: Page,
    private readonly target: TargetProfile,
  ) {
    this.find = new Finder(page, target, this.screen, this.where);
    this.cards = this.find.container('mobile.site.cardsTitle').locator;
    this.emptyMessage = this.find.plainText('mobile.site.noCards').locator;
  }

  /** Directly, without the menu (for checks; R6 itself walks menu -> Help Center -> link). */
  async open(): Promise<void> {
    await gotoScreen(this.page, this.target.urls.mobileSiteCards, this.where);
    await this.find.need(
      this.find.container('mobile.site.cardsTitle'),
      this.find.plainText('mobile.site.noCards'),
    );
  }

  card(last4: string): Locator {
    return this.find.card(this.cards, last4);
  }

  requestDelete(last4: string): Promise<PendingRemoval> {
    return pressDelete(
      this.find,
      this.card(last4),
      'mobile.site.deleteCard',
      'mobile.site.confirmDeleteTitle',
    );
  }
}
