import type { Locator, Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';
import { type CardListScreen, last4Pattern } from '../common/card-list.ts';
import { gotoScreen } from '../common/goto-screen.ts';
import { templatePattern } from '../common/text-pattern.ts';
import { AccountPanel } from '../shop/account-panel.ts';

export type WalletCardState = 'pending' | 'verified' | 'expired';

/**
 * R1/R2: the wallet's account page ("My wallet"). With a wallet account: the profile, tabs
 * "My Account" (linked cards, "edit cards", "Manage your cards") and "History". Without one:
 * "Open wallet now", which lists no cards.
 */
export class WalletHomePage implements CardListScreen {
  readonly where = 'wallet home (My Account)';
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
    const { wallet } = target.labels;
    this.heading = page.getByRole('heading', { name: wallet.homeTitle, level: 1 });
    this.myAccountTab = page.getByRole('tab', { name: wallet.myAccountTab, exact: true });
    this.historyTab = page.getByRole('tab', { name: wallet.historyTab, exact: true });
    const accountPanel = page.getByRole('tabpanel', { name: wallet.myAccountTab, exact: true });
    this.linkedCards = accountPanel.getByRole('list', { name: wallet.linkedCards, exact: true });
    this.noCards = accountPanel.getByText(wallet.noCards);
    this.editCardsControl = accountPanel.getByRole('link', { name: wallet.editCards, exact: true });
    this.manageCardsLink = accountPanel.getByRole('link', { name: wallet.manageCards, exact: true });
    this.openWalletNow = page.getByRole('main').getByRole('button', { name: wallet.openNow, exact: true });
    this.historyPanel = page.getByRole('tabpanel', { name: wallet.historyTab, exact: true });
  }

  /** The wallet's entry URL; waits for the card list, its empty text, or "Open wallet now". */
  async open(): Promise<void> {
    await gotoScreen(this.page, this.target.urls.walletAccount, this.where);
    await this.linkedCards.or(this.noCards).or(this.openWalletNow).first().waitFor();
  }

  /** R1/R2 as the guide says it: the header's account panel -> "My wallet". */
  async enterFromAccountPanel(): Promise<void> {
    const panel = new AccountPanel(this.page, this.target);
    await panel.openShop();
    await panel.expand();
    await panel.menu.getByRole('link', { name: this.target.labels.wallet.myWallet, exact: true }).click();
    await this.heading.or(this.openWalletNow).first().waitFor();
  }

  card(last4: string): Locator {
    return this.linkedCards.getByRole('listitem').filter({ hasText: last4Pattern(last4) });
  }

  /** The card's entry when it carries the state mark ("pending verification", "verified", "expired"). */
  cardMarked(last4: string, state: WalletCardState): Locator {
    return this.card(last4).filter({
      has: this.page.getByText(this.target.labels.wallet.state[state], { exact: true }),
    });
  }

  async chooseEditCards(): Promise<void> {
    await this.editCardsControl.click();
    await this.page
      .getByRole('heading', { name: this.target.labels.wallet.editCardsTitle, level: 1 })
      .waitFor();
  }

  async chooseManageCards(): Promise<void> {
    await this.manageCardsLink.click();
    await this.page.getByRole('heading', { name: this.target.labels.wallet.manageTitle, level: 1 }).waitFor();
  }

  async showHistory(): Promise<void> {
    await this.historyTab.click();
    await this.historyPanel.waitFor();
  }

  /** A History line about the card ending in `last4`: "... linked" or "... removed". */
  historyEntry(kind: 'added' | 'removed', last4: string): Locator {
    const { wallet } = this.target.labels;
    return this.historyPanel
      .getByRole('listitem')
      .filter({ hasText: last4Pattern(last4) })
      .filter({ hasText: templatePattern(kind === 'added' ? wallet.historyAdded : wallet.historyRemoved) });
  }
}
