/**
 * The mock's faults: named ways to break it on purpose, so that the suite can prove it notices
 * (docs/faults.md). One row each: the name `MOCK_FAULTS` and `PUT /faults` take, what breaks for the
 * buyer, and where the mock applies it on each skin (file and the function or route that asks
 * `faults.has(name)`). The mock reads its known names from here, the self-test (selftest/run.ts) its
 * implemented faults per skin; a new fault joins by a row, then its check at the places the row names.
 */

/** The skins of the mock (MOCK_SKIN): a = origins/, views/, locales/; b = skins/b/. */
export type Skin = 'a' | 'b';

export interface FaultPlace {
  /** The file that asks for the fault by name. */
  readonly file: string;
  /** The function or route there. */
  readonly at: string;
}

/** A skin that does not have the fault: why, said instead of a place (its self-test leaves the row out). */
export interface NotOnSkin {
  readonly notOnSkin: string;
}

export interface FaultRow {
  readonly name: string;
  /** The breakage in one line, as the buyer meets it. */
  readonly breaks: string;
  /**
   * Where it lives. `shared`: in the platform both skins run on (mock-app/domain, mock-app/http), one
   * place for both. Otherwise in each skin's own routes or views: skin A's place, and skin B's place
   * or the reason it has none.
   */
  readonly where:
    | { readonly shared: FaultPlace }
    | { readonly a: FaultPlace; readonly b: FaultPlace | NotOnSkin };
}

export const FAULT_TABLE = [
  {
    name: 'remove-noop',
    breaks: 'removal says "removed", the store keeps the card',
    where: { shared: { file: 'mock-app/domain/card-screens.ts', at: 'CardScreens.removeCard' } },
  },
  {
    name: 'remove-partial',
    breaks: 'removed from the screen used only; still at checkout and elsewhere',
    where: { shared: { file: 'mock-app/domain/card-screens.ts', at: 'CardScreens.removeCard, cardsOn' } },
  },
  {
    name: 'remove-keeps-mobile-site',
    breaks: "removed from the store and every screen but the mobile site's card list, which still shows it",
    where: { shared: { file: 'mock-app/domain/card-screens.ts', at: 'CardScreens.removeCard, cardsOn' } },
  },
  {
    name: 'help-500',
    breaks: 'every help-centre page answers 500',
    where: {
      a: { file: 'mock-app/origins/help.ts', at: 'the origin-wide middleware' },
      b: { file: 'mock-app/skins/b/help.ts', at: 'the origin-wide middleware' },
    },
  },
  {
    name: 'direct-needs-registration',
    breaks: "the wallet's direct page demands a wallet account",
    where: { shared: { file: 'mock-app/domain/wallet.ts', at: 'Wallet.directPage' } },
  },
  {
    name: 'edit-cards-missing',
    breaks:
      'the wallet account\'s removal control is gone (skin A: "Edit cards"; skin B: each card\'s "Remove")',
    where: {
      shared: {
        file: 'mock-app/domain/wallet.ts',
        at: "Wallet.home (editCards, which each skin's view obeys)",
      },
    },
  },
  {
    name: 'mobile-label-drift',
    breaks:
      'the mobile app\'s way to the profile is renamed (skin A: menu "My Profile"; skin B: tab "Account")',
    where: {
      a: { file: 'mock-app/origins/mobile-app.ts', at: 'profileLabel' },
      b: { file: 'mock-app/skins/b/mobile-app.ts', at: 'accountLabel (the tab "Account" renamed "Me")' },
    },
  },
  {
    name: 'sms-amount',
    breaks: 'the SMS after "Add card" states a wrong amount ($1.00, the page says $0.01)',
    where: { shared: { file: 'mock-app/domain/wallet/linking.ts', at: 'WalletLinking.link' } },
  },
  {
    name: 'mail-not-sent',
    breaks: 'the confirmation mail never leaves (the page says it was sent)',
    where: {
      shared: { file: 'mock-app/domain/wallet/onboarding.ts', at: 'WalletOnboarding.sendConfirmation' },
    },
  },
  {
    name: 'confirm-expired',
    breaks: 'the confirm link is expired at once',
    where: { shared: { file: 'mock-app/domain/wallet/onboarding.ts', at: 'WalletOnboarding.confirm' } },
  },
  {
    name: 'link-unticked',
    breaks: 'the "link card" box is no longer ticked by default (F3)',
    where: {
      a: { file: 'mock-app/origins/shop.ts', at: 'checkoutPage (linkByDefault)' },
      b: { file: 'mock-app/skins/b/shop.ts', at: 'checkout page (saveByDefault)' },
    },
  },
  {
    name: 'card-limit',
    breaks: 'the limit of linked cards is 6 instead of 5 (F6)',
    where: { shared: { file: 'mock-app/domain/platform.ts', at: 'maxCards (Cards, Checkout)' } },
  },
  {
    name: 'sso-broken',
    breaks: "the wallet loses the shop's session",
    where: { shared: { file: 'mock-app/domain/wallet.ts', at: 'Wallet.sessionBuyer' } },
  },
  {
    name: 'slow-wallet',
    breaks: 'every wallet request answers 1.5 s late, still working',
    where: {
      a: { file: 'mock-app/origins/wallet.ts', at: 'the origin-wide middleware (SLOW_WALLET_DELAY_MS)' },
      b: { file: 'mock-app/skins/b/wallet.ts', at: 'the origin-wide middleware (SLOW_WALLET_DELAY_MS)' },
    },
  },
  {
    name: 'transient-503',
    breaks: 'one 503 on the first GET of each page, then normal',
    where: { shared: { file: 'mock-app/http/origin.ts', at: 'transientFault' } },
  },
  // Friction and accessibility regressions (issue 15): the flow still works, removal got harder.
  {
    name: 'remove-extra-confirm-page',
    breaks: 'the mobile site (R6) asks "Are you sure?" on one more page after the confirm dialog',
    where: {
      a: { file: 'mock-app/origins/mobile-site.ts', at: "POST /cards/:id/delete (view 'sureView')" },
      b: { file: 'mock-app/skins/b/mobile-site.ts', at: "POST /account/cards/:id/delete (view 'sureView')" },
    },
  },
  {
    name: 'remove-asks-birth-date',
    breaks: "the wallet's direct page (R3) demands the buyer's date of birth to delete a card",
    where: {
      shared: { file: 'mock-app/domain/wallet.ts', at: 'Wallet.directRemovalAsks, removeOnDirectPage' },
    },
  },
  {
    name: 'help-lang-missing',
    breaks: "the help centre's card page (R4) loses <html lang> (axe: html-has-lang, serious)",
    where: {
      a: { file: 'mock-app/origins/help.ts', at: 'GET /buyercenter/cards' },
      b: { file: 'mock-app/skins/b/help.ts', at: 'GET /my-cards (document lang: false)' },
    },
  },
] as const satisfies readonly FaultRow[];

export type FaultName = (typeof FAULT_TABLE)[number]['name'];

/** Every fault's name, in table order. */
export const FAULT_NAMES = FAULT_TABLE.map((row) => row.name) as readonly FaultName[] as [
  FaultName,
  ...FaultName[],
];

export function faultRow(name: FaultName): FaultRow {
  return FAULT_TABLE.find((row) => row.name === name)!;
}

/** Where `row` lives on `skin`: its place, or why that skin lacks it. */
export function faultPlace(row: FaultRow, skin: Skin): FaultPlace | NotOnSkin {
  return 'shared' in row.where ? row.where.shared : row.where[skin];
}

/** The faults `skin` implements, in table order (a row whose place on that skin is `notOnSkin` is not). */
export function faultsOn(skin: Skin): FaultName[] {
  return FAULT_TABLE.filter((row) => !('notOnSkin' in faultPlace(row, skin))).map((row) => row.name);
}
