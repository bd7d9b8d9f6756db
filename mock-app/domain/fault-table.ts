/**
 * The mock's faults: named ways to break it on purpose, so that the suite can prove it notices
 * (docs/faults.md). One row each: the name `MOCK_FAULTS` and `PUT /faults` take, what breaks for the
 * buyer, and where the mock applies it (file and the function or route that asks `faults.has(name)`).
 * The mock reads its known names from here, the self-test (selftest/run.ts) its implemented faults;
 * a new fault joins by a row, then its check at the place the row names.
 */
export interface FaultRow {
  readonly name: string;
  /** The breakage in one line, as the buyer meets it. */
  readonly breaks: string;
  /** Where it lives: the file, then the function or route. */
  readonly where: { readonly file: string; readonly at: string };
}

export const FAULT_TABLE = [
  {
    name: 'remove-noop',
    breaks: 'removal says "removed", the store keeps the card',
    where: { file: 'mock-app/domain/card-screens.ts', at: 'CardScreens.removeCard' },
  },
  {
    name: 'remove-partial',
    breaks: 'removed from the screen used only; still at checkout and elsewhere',
    where: { file: 'mock-app/domain/card-screens.ts', at: 'CardScreens.removeCard, cardsOn' },
  },
  {
    name: 'remove-keeps-mobile-site',
    breaks: "removed from the store and every screen but the mobile site's card list, which still shows it",
    where: { file: 'mock-app/domain/card-screens.ts', at: 'CardScreens.removeCard, cardsOn' },
  },
  {
    name: 'help-500',
    breaks: 'every help-centre page answers 500',
    where: { file: 'mock-app/origins/help.ts', at: 'the origin-wide middleware' },
  },
  {
    name: 'direct-needs-registration',
    breaks: "the wallet's direct page demands a wallet account",
    where: { file: 'mock-app/domain/wallet.ts', at: 'Wallet.directPage' },
  },
  {
    name: 'edit-cards-missing',
    breaks: 'the wallet\'s "edit cards" control is gone',
    where: { file: 'mock-app/domain/wallet.ts', at: 'Wallet.home' },
  },
  {
    name: 'mobile-label-drift',
    breaks: 'the mobile app\'s "My Profile" menu entry is renamed',
    where: { file: 'mock-app/origins/mobile-app.ts', at: 'profileLabel' },
  },
  {
    name: 'sms-amount',
    breaks: 'the SMS after "Add card" states a wrong amount ($1.00, the page says $0.01)',
    where: { file: 'mock-app/domain/wallet/linking.ts', at: 'WalletLinking.link' },
  },
  {
    name: 'mail-not-sent',
    breaks: 'the confirmation mail never leaves (the page says it was sent)',
    where: { file: 'mock-app/domain/wallet/onboarding.ts', at: 'WalletOnboarding.sendConfirmation' },
  },
  {
    name: 'confirm-expired',
    breaks: 'the confirm link is expired at once',
    where: { file: 'mock-app/domain/wallet/onboarding.ts', at: 'WalletOnboarding.confirm' },
  },
  {
    name: 'link-unticked',
    breaks: 'the "link card" box is no longer ticked by default (F3)',
    where: { file: 'mock-app/origins/shop.ts', at: 'checkoutPage (linkByDefault)' },
  },
  {
    name: 'card-limit',
    breaks: 'the limit of linked cards is 6 instead of 5 (F6)',
    where: { file: 'mock-app/domain/platform.ts', at: 'maxCards (Cards, Checkout)' },
  },
  {
    name: 'sso-broken',
    breaks: "the wallet loses the shop's session",
    where: { file: 'mock-app/domain/wallet.ts', at: 'Wallet.sessionBuyer' },
  },
  {
    name: 'slow-wallet',
    breaks: 'every wallet request answers 1.5 s late, still working',
    where: { file: 'mock-app/origins/wallet.ts', at: 'the origin-wide middleware (SLOW_WALLET_DELAY_MS)' },
  },
  {
    name: 'transient-503',
    breaks: 'one 503 on the first GET of each page, then normal',
    where: { file: 'mock-app/http/origin.ts', at: 'transientFault' },
  },
  // Friction and accessibility regressions (issue 15): the flow still works, removal got harder.
  {
    name: 'remove-extra-confirm-page',
    breaks: 'the mobile site (R6) asks "Are you sure?" on one more page after the confirm dialog',
    where: { file: 'mock-app/origins/mobile-site.ts', at: "POST /cards/:id/delete (view 'sureView')" },
  },
  {
    name: 'remove-asks-birth-date',
    breaks: "the wallet's direct page (R3) demands the buyer's date of birth to delete a card",
    where: { file: 'mock-app/domain/wallet.ts', at: 'Wallet.directRemovalAsks, removeOnDirectPage' },
  },
  {
    name: 'help-lang-missing',
    breaks: "the help centre's card page (R4) loses <html lang> (axe: html-has-lang, serious)",
    where: { file: 'mock-app/origins/help.ts', at: 'GET /buyercenter/cards' },
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
