import type { Locator, Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';
import { type CardListScreen, last4Pattern } from '../common/card-list.ts';
import { ConfirmDialog } from '../common/confirm-dialog.ts';
import { gotoScreen } from '../common/goto-screen.ts';

/** R6: the mobile version of the site, on a desktop browser: three-bar menu -> Help Center. */
export class MobileSiteHome {
  readonly menuButton: Locator;
  readonly menu: Locator;
  private readonly helpCenterLink: Locator;
  private readonly helpCenterHeading: Locator;

  constructor(
    private readonly page: Page,
    private readonly target: TargetProfile,
  ) {
    const { site } = target.labels.mobile;
    this.menuButton = page.getByRole('button', { name: site.menu, exact: true });
    this.menu = page.getByRole('dialog', { name: site.menu });
    this.helpCenterLink = this.menu.getByRole('link', { name: site.helpCenter, exact: true });
    this.helpCenterHeading = page.getByRole('heading', { name: site.helpCenter, level: 1 });
  }

  async open(): Promise<void> {
    await gotoScreen(this.page, this.target.urls.mobileSite, 'mobile site');
    await this.menuButton.waitFor();
  }

  async openMenu(): Promise<void> {
    await this.menuButton.click();
    await this.menu.waitFor();
  }

  async chooseHelpCenter(): Promise<void> {
    await this.helpCenterLink.click();
    await this.helpCenterHeading.waitFor();
  }
}

/** The mobile site's Help Center and the card-information answer with its link to removing the card. */
export class MobileSiteHelpCenter {
  private readonly cardInfoQuestion: Locator;
  private readonly cardInfoHeading: Locator;
  readonly removeCardLink: Locator;
  private readonly cardsRegion: Locator;

  constructor(page: Page, target: TargetProfile) {
    const { site } = target.labels.mobile;
    this.cardInfoQuestion = page.getByRole('link', { name: site.changeCardInfo });
    this.cardInfoHeading = page.getByRole('heading', { name: site.changeCardInfo, level: 1 });
    this.removeCardLink = page.getByRole('main').getByRole('link', { name: site.removeCardLink });
    this.cardsRegion = page.getByRole('region', { name: site.cardsTitle });
  }

  async openCardInformationQuestion(): Promise<void> {
    await this.cardInfoQuestion.click();
    await this.cardInfoHeading.waitFor();
  }

  async followRemoveCardLink(): Promise<void> {
    await this.removeCardLink.click();
    await this.cardsRegion.waitFor();
  }
}

/** Where R6's link leads: the linked cards with "Delete" and a confirm dialog. */
export class MobileSiteCardsPage implements CardListScreen {
  readonly where = 'mobile site card page';
  readonly cards: Locator;
  readonly emptyMessage: Locator;

  constructor(
    private readonly page: Page,
    private readonly target: TargetProfile,
  ) {
    const { site } = target.labels.mobile;
    this.cards = page.getByRole('region', { name: site.cardsTitle });
    this.emptyMessage = this.cards.getByText(site.noCards);
  }

  /** Directly, without the menu (for checks; R6 itself walks menu -> Help Center -> link). */
  async open(): Promise<void> {
    await gotoScreen(this.page, this.target.urls.mobileSiteCards, this.where);
    await this.cards.waitFor();
  }

  card(last4: string): Locator {
    return this.cards.getByRole('listitem').filter({ hasText: last4Pattern(last4) });
  }

  async requestDelete(last4: string): Promise<ConfirmDialog> {
    const { site } = this.target.labels.mobile;
    await this.card(last4).getByRole('button', { name: site.deleteCard }).click();
    const dialog = new ConfirmDialog(this.page, this.target.labels, site.confirmDeleteTitle);
    await dialog.dialog.waitFor();
    return dialog;
  }
}
