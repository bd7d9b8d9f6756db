import type { Page } from '@playwright/test';
import { screenInScope } from '../support/profile-scope.ts';
import { type ScreenKey, screenOptions } from '../support/profile-screens.ts';
import type { TargetProfile } from '../support/target.ts';
import type { CardListScreen } from './common/card-list.ts';
import { UrlTampering } from './common/url-tampering.ts';
import { HelpCardsPage } from './help/help-cards-page.ts';
import { HelpCentrePage } from './help/help-centre-page.ts';
import { MobileAppHome } from './mobile-app/app-home.ts';
import { BankCardsScreen } from './mobile-app/bank-cards-screen.ts';
import {
  MobileSiteCardsPage,
  MobileSiteHelpCenter,
  MobileSiteHome,
} from './mobile-site/mobile-site-pages.ts';
import { ORACLE_SCREENS } from './screen-catalog.ts';
import { AccountPanel } from './shop/account-panel.ts';
import { CheckoutPage } from './shop/checkout-page.ts';
import { DisputesPage } from './shop/disputes-page.ts';
import { OrdersPage } from './shop/orders-page.ts';
import { SignInPage } from './shop/sign-in-page.ts';
import { SignUpPage } from './shop/sign-up-page.ts';
import { SupportPage } from './shop/support-page.ts';
import { WalletDirectPage } from './wallet/direct-page.ts';
import { WalletEditCardsPage } from './wallet/edit-cards-page.ts';
import { WalletManageCardsPage } from './wallet/manage-cards-page.ts';
import { OpenWalletPages } from './wallet/open-wallet-pages.ts';
import { WalletHomePage } from './wallet/wallet-home-page.ts';

/**
 * The page registry: every page object of one browser page, built on demand. Steps reach the
 * target only through it (`this.screens.checkout`); it is the one place a screen's class is chosen:
 * the suite's own, or the adapter the profile names (`screens.<key>.adapter`, a class from
 * targets/<name>/ with the same constructor and methods).
 */
export class Screens {
  constructor(
    readonly page: Page,
    readonly target: TargetProfile,
  ) {}

  get signIn(): SignInPage {
    return this.build('signIn', SignInPage);
  }

  get signUp(): SignUpPage {
    return this.build('signUp', SignUpPage);
  }

  get accountPanel(): AccountPanel {
    return this.build('shop', AccountPanel);
  }

  get checkout(): CheckoutPage {
    return this.build('checkout', CheckoutPage);
  }

  get orders(): OrdersPage {
    return this.build('orders', OrdersPage);
  }

  get disputes(): DisputesPage {
    return this.build('disputes', DisputesPage);
  }

  get support(): SupportPage {
    return this.build('support', SupportPage);
  }

  get tampering() {
    return new UrlTampering(this.page, this.target);
  }

  get walletDirect(): WalletDirectPage {
    return this.build('walletDirect', WalletDirectPage);
  }

  get walletHome(): WalletHomePage {
    return this.build('walletHome', WalletHomePage);
  }

  get openWallet(): OpenWalletPages {
    return this.build('openWallet', OpenWalletPages);
  }

  get walletEditCards(): WalletEditCardsPage {
    return this.build('walletEditCards', WalletEditCardsPage);
  }

  get walletManageCards(): WalletManageCardsPage {
    return this.build('walletManageCards', WalletManageCardsPage);
  }

  get helpCentre(): HelpCentrePage {
    return this.build('helpCenter', HelpCentrePage);
  }

  get helpCards(): HelpCardsPage {
    return this.build('helpCards', HelpCardsPage);
  }

  get mobileApp(): MobileAppHome {
    return this.build('mobileApp', MobileAppHome);
  }

  get mobileAppCards(): BankCardsScreen {
    return this.build('mobileAppCards', BankCardsScreen);
  }

  get mobileSite(): MobileSiteHome {
    return this.build('mobileSite', MobileSiteHome);
  }

  get mobileSiteHelp(): MobileSiteHelpCenter {
    return this.build('mobileSiteHelp', MobileSiteHelpCenter);
  }

  get mobileSiteCards(): MobileSiteCardsPage {
    return this.build('mobileSiteCards', MobileSiteCardsPage);
  }

  /** The profile's adapter for the screen when it names one, else the suite's own class. */
  private build<T>(key: ScreenKey, own: new (page: Page, target: TargetProfile) => T): T {
    const adapter = screenOptions(this.target.screens, key).adapter as unknown as typeof own | undefined;
    return new (adapter ?? own)(this.page, this.target);
  }

  /** The page object of a card-list screen by its catalogue key. */
  cardList(key: ScreenKey): CardListScreen {
    const lists: Partial<Record<ScreenKey, () => CardListScreen>> = {
      checkout: () => this.checkout,
      walletDirect: () => this.walletDirect,
      walletHome: () => this.walletHome,
      helpCards: () => this.helpCards,
      mobileAppCards: () => this.mobileAppCards,
      mobileSiteCards: () => this.mobileSiteCards,
    };
    const make = lists[key];
    if (!make) throw new Error(`screen ${key} is not a card list (pages/screen-catalog.ts)`);
    return make();
  }

  /**
   * Every screen of this target that lists the buyer's cards (SCREEN_CATALOG's `listsCards`), among
   * those of the procedures its profile covers (`procedures`: a target without a mobile app has no
   * "My bank cards" to read). The mobile app's list is read in whatever browser context the scenario
   * has: it is a web app, the same list on any viewport.
   */
  cardLists(): CardListScreen[] {
    return ORACLE_SCREENS.filter((key) => screenInScope(this.target, key)).map((key) => this.cardList(key));
  }
}
