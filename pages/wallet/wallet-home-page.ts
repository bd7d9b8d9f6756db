import type { Locator, Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';
import { type CardListScreen, last4Pattern } from '../common/card-list.ts';
import { Finder } from '../common/find.ts';
import { gotoScreen } from '../common/goto-screen.ts';
import { templatePattern } from '../../support/text-pattern.ts';

export type WalletCardState = 'pending' | 'verified' | 'expired';

/**
 * R1/R2: the wallet's account page ("My wallet"). With a wallet account: the profile, "My Account"
 * (linked cards, "edit cards", "Manage your cards") and "History" (tabs, or pages of their own).
 * Without one: "Open wallet now", which lists no cards.
 */
export class WalletHomePage implements CardListScreen {
  readonly screen = 'walletHome' as const;
  readonly where = 'wallet home (My Account)';
  readonly find: Finder;
  readonly heading: Locator;
  readonly myAccountTab: Locator;
  readonly historyTab: Locator;
  readonly linkedCards: Locator;
  readonly noCards: Locator;
  readonly editCardsControl: Locator;
  readonly manageCardsLink: Locator;
  /** Shown instead of the profile to a buyer without a wallet account (R2). */
  readonly openWalletNow: Locator;
  private readonly historyPanel: Locator;

  constructor(
    private readonly page: Page,
    private readonly target: TargetProfile,
  ) {
    const find = new Finder(page, target, this.screen, this.where);
    this.find = find;
    this.heading = find.heading('wallet.homeTitle').locator;
    this.myAccountTab = find.control('wallet.myAccountTab').locator;
    this.historyTab = find.control('wallet.historyTab').locator;
    this.linkedCards = find.container('wallet.linkedCards').locator;
    this.noCards = find.plainText('wallet.noCards').locator;
    this.editCardsControl = find.control('wallet.editCards').locator;
    this.manageCardsLink = find.control('wallet.manageCards').locator;
    this.openWalletNow = find.control('wallet.openNow', { within: page.getByRole('main') }).locator;
    this.historyPanel = find.container('wallet.historyTab').locator;
  }

  /** The wallet's entry URL; waits for the card list, its empty text, or "Open wallet now". */
  async open(): Promise<void> {
    await gotoScreen(this.page, this.target.urls.walletAccount, this.where);
    const { find } = this;
    await find.need(
      find.container('wallet.linkedCards'),
      find.plainText('wallet.noCards'),
      find.control('wallet.openNow'),
    );
  }

  /** R1/R2 as the guide says it: the header's account panel -> "My wallet" (profile: screens.walletHome.path). */
  async enterFromAccountPanel(): Promise<void> {
    await this.find.followPath();
    await this.find.need(this.find.heading('wallet.homeTitle'), this.find.control('wallet.openNow'));
  }

  card(last4: string): Locator {
    return this.find.card(this.linkedCards, last4);
  }

  /** The card's entry when it carries the state mark ("pending verification", "verified", "expired"). */
  cardMarked(last4: string, state: WalletCardState): Locator {
    return this.card(last4).filter({
      has: this.page.getByText(this.target.labels.wallet.state[state], { exact: true }),
    });
  }

  async chooseEditCards(): Promise<void> {
    await this.find.click(this.find.control('wallet.editCards'));
    await this.find.need(this.find.heading('wallet.editCardsTitle'));
  }

  async chooseManageCards(): Promise<void> {
    await this.find.click(this.find.control('wallet.manageCards'));
    await this.find.need(this.find.heading('wallet.manageTitle'));
  }

  /** "History": a tab, or a page of its own. */
  async showHistory(): Promise<void> {
    await this.find.click(this.find.control('wallet.historyTab'));
    await this.find.need(this.find.container('wallet.historyTab'));
  }

  /** A History line about the card ending in `last4`: "... linked" or "... removed". */
  historyEntry(kind: 'added' | 'removed', last4: string): Locator {
    const { wallet } = this.target.labels;
    return this.find
      .entries(this.historyPanel, last4Pattern(last4))
      .filter({ hasText: templatePattern(kind === 'added' ? wallet.historyAdded : wallet.historyRemoved) })
      .last();
  }
}
