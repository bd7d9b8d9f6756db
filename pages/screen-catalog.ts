import type { ScreenKey } from '../support/profile-screens.ts';
import type { TargetProfile } from '../support/target.ts';

/** How a label shows on a screen: the roles the page objects accept for it. */
export type LabelShape = 'control' | 'container' | 'heading' | 'field' | 'text' | 'checkbox';

/** One label the doctor expects on arrival at a screen; `or` = any of these keys is enough (a list or its empty text). */
export interface ExpectedLabel {
  key: string;
  as: LabelShape;
  or?: { key: string; as: LabelShape }[];
  /** Only checked when the buyer has a wallet account (accounts.wallets). */
  needsWallet?: boolean;
}

export interface ScreenEntry {
  /** As a buyer calls it, for messages and the doctor's table. */
  where: string;
  /** The key of `urls` that opens the screen directly; none = reached only by its `path`. */
  url?: keyof TargetProfile['urls'];
  /**
   * Whether the screen lists the buyer's linked cards: `true` puts it in the "removed everywhere"
   * oracle; a screen that lists cards and is left out says why (tests/pages/oracle-screens.test.ts).
   */
  listsCards: true | false | { excluded: string };
  /** What the doctor checks on arrival (controls that need a card or an action are not among them). */
  labels: ExpectedLabel[];
  /** The guide's procedures that use the screen (the doctor names them per problem). */
  procedures: string[];
  /** The label naming the screen's main container, whose role the doctor compares with `screens.<key>.container` (first set wins). */
  containerLabel?: string[];
  /** Controls the doctor presses on arrival before checking (e.g. the menu button that shows the menu). */
  reveal?: string[];
  /** The label of the control that deletes a card on this screen (the doctor looks for it next to its card). */
  deleteLabel?: string;
}

const list = (key: string, empty: string): ExpectedLabel => ({
  key,
  as: 'container',
  or: [{ key: empty, as: 'text' }],
});

/**
 * Every screen of the page registry (pages/screens.ts), as data: where it is, whether the oracle
 * reads it, what it must show. The doctor (scripts/doctor.ts) walks it; the oracle takes its list
 * of card screens from it.
 */
export const SCREEN_CATALOG: Record<ScreenKey, ScreenEntry> = {
  shop: {
    where: 'shop home',
    url: 'shop',
    listsCards: false,
    labels: [],
    procedures: ['R1', 'R2', 'F4', 'F10'],
  },
  signIn: {
    where: 'sign-in page',
    url: 'signIn',
    listsCards: false,
    labels: [
      { key: 'common.email', as: 'field' },
      { key: 'common.password', as: 'field' },
      { key: 'common.signIn', as: 'control' },
    ],
    procedures: ['every procedure (sign-in)'],
  },
  signUp: {
    where: 'sign-up page',
    url: 'signUp',
    listsCards: false,
    labels: [
      { key: 'shop.signUp.title', as: 'heading' },
      { key: 'shop.signUp.submit', as: 'control' },
    ],
    procedures: ['F1', 'R2 (fresh buyers)'],
  },
  checkout: {
    where: 'checkout saved cards',
    url: 'checkout',
    listsCards: true,
    containerLabel: ['shop.paymentMethod'],
    labels: [
      { key: 'shop.checkout', as: 'heading' },
      { key: 'shop.paymentMethod', as: 'container' },
      { key: 'shop.newCard', as: 'text' },
      { key: 'shop.cardNumber', as: 'field' },
      { key: 'shop.expiry', as: 'field' },
      { key: 'shop.cvc', as: 'field' },
      { key: 'shop.holder', as: 'field' },
      { key: 'shop.linkCard', as: 'checkbox' },
      { key: 'shop.pay', as: 'control' },
    ],
    procedures: ['L1', 'F1', 'F3', 'F6', 'F9', 'L3', 'every removal (oracle)'],
  },
  orders: {
    where: '"My orders" page',
    url: 'orders',
    listsCards: false,
    labels: [{ key: 'shop.orders.title', as: 'heading' }],
    procedures: ['F4'],
  },
  disputes: {
    where: '"My disputes" page',
    url: 'disputes',
    listsCards: false,
    labels: [{ key: 'shop.disputes.title', as: 'heading' }],
    procedures: ['F4'],
  },
  support: {
    where: 'support page',
    url: 'support',
    listsCards: false,
    labels: [
      { key: 'shop.support.title', as: 'heading' },
      { key: 'shop.support.category', as: 'field' },
      { key: 'shop.support.description', as: 'field' },
      { key: 'shop.support.submit', as: 'control' },
    ],
    procedures: ['F10'],
  },
  walletDirect: {
    where: 'wallet direct page',
    url: 'walletDirect',
    listsCards: true,
    containerLabel: ['wallet.cardInformation'],
    deleteLabel: 'wallet.deleteCard',
    labels: [{ key: 'wallet.directTitle', as: 'heading' }, list('wallet.cardInformation', 'wallet.noCards')],
    procedures: ['R3', 'L1', 'janitor', 'every removal (oracle)'],
  },
  walletHome: {
    where: 'wallet home (My Account)',
    url: 'walletAccount',
    listsCards: true,
    labels: [
      { key: 'wallet.homeTitle', as: 'heading', needsWallet: true },
      { key: 'wallet.myAccountTab', as: 'control', needsWallet: true },
      { key: 'wallet.historyTab', as: 'control', needsWallet: true },
      { key: 'wallet.editCards', as: 'control', needsWallet: true },
      { key: 'wallet.manageCards', as: 'control', needsWallet: true },
      { ...list('wallet.linkedCards', 'wallet.noCards'), needsWallet: true },
    ],
    containerLabel: ['wallet.linkedCards'],
    procedures: ['R1', 'R2', 'L2', 'every removal (oracle)'],
  },
  walletEditCards: {
    where: 'wallet "edit cards" page',
    listsCards: {
      excluded:
        'opens only for a buyer with a wallet account, from the wallet home, whose "Linked cards" list the oracle reads',
    },
    labels: [],
    procedures: ['R1', 'R2'],
  },
  walletManageCards: {
    where: 'wallet "Manage your cards" page',
    listsCards: {
      excluded:
        'opens only for a buyer with a wallet account, from the wallet home, whose "Linked cards" list the oracle reads',
    },
    labels: [],
    procedures: ['L2', 'F8', 'F11'],
  },
  openWallet: {
    where: 'wallet opening pages',
    listsCards: false,
    labels: [],
    procedures: ['R2'],
  },
  helpCenter: {
    where: 'help centre',
    url: 'helpCenter',
    listsCards: false,
    labels: [
      { key: 'help.title', as: 'heading' },
      { key: 'help.checkCards', as: 'control' },
    ],
    procedures: ['R4'],
  },
  helpCards: {
    where: 'help centre card list',
    url: 'helpCards',
    listsCards: true,
    containerLabel: ['help.linkedCards'],
    deleteLabel: 'help.deleteCard',
    labels: [list('help.linkedCards', 'help.noCards')],
    procedures: ['R4', 'every removal (oracle)'],
  },
  mobileApp: {
    where: 'mobile app home',
    url: 'mobileApp',
    listsCards: false,
    containerLabel: ['mobile.app.mainMenu'],
    labels: [
      { key: 'mobile.app.mainMenu', as: 'container' },
      { key: 'mobile.app.myProfile', as: 'control' },
    ],
    procedures: ['R5'],
  },
  mobileAppCards: {
    where: 'mobile app\'s "My bank cards"',
    url: 'mobileAppCards',
    listsCards: true,
    containerLabel: ['mobile.app.myBankCards'],
    deleteLabel: 'mobile.app.delete',
    labels: [list('mobile.app.myBankCards', 'mobile.app.noCards')],
    procedures: ['R5', 'every removal (oracle)'],
  },
  mobileSite: {
    where: 'mobile site home',
    url: 'mobileSite',
    listsCards: false,
    reveal: ['mobile.site.menu'],
    containerLabel: ['mobile.site.menuName', 'mobile.site.menu'],
    labels: [{ key: 'mobile.site.menu', as: 'control' }],
    procedures: ['R6'],
  },
  mobileSiteHelp: {
    where: 'mobile site Help Center',
    listsCards: false,
    labels: [],
    procedures: ['R6'],
  },
  mobileSiteCards: {
    where: 'mobile site card page',
    url: 'mobileSiteCards',
    listsCards: true,
    containerLabel: ['mobile.site.cardsTitle'],
    deleteLabel: 'mobile.site.deleteCard',
    labels: [list('mobile.site.cardsTitle', 'mobile.site.noCards')],
    procedures: ['R6', 'every removal (oracle)'],
  },
};

/** The screens the "removed everywhere" oracle reads, in this order. */
export const ORACLE_SCREENS = (Object.keys(SCREEN_CATALOG) as ScreenKey[]).filter(
  (key) => SCREEN_CATALOG[key].listsCards === true,
);
