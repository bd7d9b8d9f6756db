import type { Page } from '@playwright/test';
import type { TargetProfile } from '../support/target.ts';
import type { CardListScreen } from './common/card-list.ts';
import { UrlTampering } from './common/url-tampering.ts';
import { HelpCardsPage } from './help/help-cards-page.ts';
import { HelpCentrePage } from './help/help-centre-page.ts';
import { MobileAppHome } from './mobile-app/app-home.ts';
import { BankCardsScreen } from './mobile-app/bank-cards-screen.ts';
import { MobileSiteCardsPage, MobileSiteHelpCenter, MobileSiteHome } from './mobile-site/mobile-site-pages.ts';
import { AccountPanel } from './shop/account-panel.ts';
import { CheckoutPage } from './shop/checkout-page.ts';
import { DisputesPage } from './shop/disputes-page.ts';
import { OrdersPage } from './shop/orders-page.ts';
import { SignUpPage } from './shop/sign-up-page.ts';
import { SupportPage } from './shop/support-page.ts';
import { WalletDirectPage } from './wallet/direct-page.ts';
import { WalletEditCardsPage } from './wallet/edit-cards-page.ts';
import { WalletManageCardsPage } from './wallet/manage-cards-page.ts';
import { OpenWalletPages } from './wallet/open-wallet-pages.ts';
import { WalletHomePage } from './wallet/wallet-home-page.ts';

/**
 * The page registry: every page object of one browser page, built on demand. Steps reach the
 * target only through it (`this.screens.checkout`); it is the one place a screen's class is chosen.
 */
export class Screens {
  constructor(
    readonly page: Page,
    readonly target: TargetProfile,
  ) {}

  get signUp() {
    return new SignUpPage(this.page, this.target);
  }

  get accountPanel() {
    return new AccountPanel(this.page, this.target);
  }

  get checkout() {
    return new CheckoutPage(this.page, this.target);
  }

  get orders() {
    return new OrdersPage(this.page, this.target);
  }

  get disputes() {
    return new DisputesPage(this.page, this.target);
  }

  get support() {
    return new SupportPage(this.page, this.target);
  }

  get tampering() {
    return new UrlTampering(this.page, this.target);
  }

  get walletDirect() {
    return new WalletDirectPage(this.page, this.target);
  }

  get walletHome() {
    return new WalletHomePage(this.page, this.target);
  }

  get openWallet() {
    return new OpenWalletPages(this.page, this.target);
  }

  get walletEditCards() {
    return new WalletEditCardsPage(this.page, this.target);
  }

  get walletManageCards() {
    return new WalletManageCardsPage(this.page, this.target);
  }

  get helpCentre() {
    return new HelpCentrePage(this.page, this.target);
  }

  get helpCards() {
    return new HelpCardsPage(this.page, this.target);
  }

  get mobileApp() {
    return new MobileAppHome(this.page, this.target);
  }

  get mobileAppCards() {
    return new BankCardsScreen(this.page, this.target);
  }

  get mobileSite() {
    return new MobileSiteHome(this.page, this.target);
  }

  get mobileSiteHelp() {
    return new MobileSiteHelpCenter(this.page, this.target);
  }

  get mobileSiteCards() {
    return new MobileSiteCardsPage(this.page, this.target);
  }

  /**
   * Every screen of this target that lists the buyer's cards. The mobile app's list is read in
   * whatever browser context the scenario has: it is a web app, the same list on any viewport.
   */
  cardLists(): CardListScreen[] {
    return [this.walletDirect, this.walletHome, this.checkout, this.helpCards, this.mobileAppCards];
  }
}
