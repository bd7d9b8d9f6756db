/**
 * The wallet's domain, split by concern under wallet/: onboarding (R2 opening), captchas, card
 * verification (F8), risky-card holds (F11), linking (L2, F9, F11) and History. `Wallet` puts them
 * together over one store; origins call its use-cases (one call per route).
 */
import type { Db } from '../store/db.ts';
import type { ValidCard } from './card-input.ts';
import type { CardScreens } from './card-screens.ts';
import type { Cards, StoredCard } from './cards.ts';
import type { Clock } from './clock.ts';
import type { Faults } from './faults.ts';
import type { Mailer } from './mail.ts';
import { Captchas } from './wallet/captchas.ts';
import type { ExtraIdentity, Identity, SecurityInput } from './wallet/forms.ts';
import type { HistoryEntry, WalletHistory } from './wallet/history.ts';
import { RiskyCardHolds } from './wallet/holds.ts';
import { WalletLinking } from './wallet/linking.ts';
import { type ConfirmResult, WalletOnboarding, type WalletAccount } from './wallet/onboarding.ts';
import { type CardState, CardVerification, type WalletCard } from './wallet/verification.ts';

export { CAPTCHA_TEST_ANSWER } from './wallet/captchas.ts';
export {
  CITIZENSHIPS,
  DOCUMENT_TYPES,
  type ExtraIdentity,
  type Identity,
  type IdentityField,
  SECURITY_QUESTIONS,
  type SecurityField,
  type SecurityInput,
  validateExtraIdentity,
  validateIdentity,
  validateSecurity,
} from './wallet/forms.ts';
export type { HistoryEntry } from './wallet/history.ts';
export { RISKY_CARD_PREFIX } from './wallet/holds.ts';
export {
  type AddCardOutcome,
  CHECK_DEBIT_CENTS,
  type ConfirmHeldOutcome,
  type LinkOutcome,
  moneyText,
} from './wallet/linking.ts';
export type { WalletNotices } from './wallet/notices.ts';
export {
  CONFIRM_LINK_MS,
  type ConfirmResult,
  type WalletAccount,
  type WalletStatus,
} from './wallet/onboarding.ts';
export { type CardState, VERIFY_MS, type WalletCard } from './wallet/verification.ts';

/** A buyer's wallet: its account (none until opened: R2) and the wallet's own rules around cards. */
export class Wallet {
  readonly captchas: Captchas;
  readonly onboarding: WalletOnboarding;
  readonly verification: CardVerification;
  readonly holds: RiskyCardHolds;
  readonly linking: WalletLinking;
  private readonly screens: CardScreens;
  private readonly faults: Faults;
  private readonly cardStore: Cards;

  constructor(
    deps: { db: Db; clock: Clock; faults: Faults; mailer: Mailer; cards: Cards; screens: CardScreens },
    private readonly historyLog: WalletHistory,
  ) {
    const { db, clock, faults, mailer, cards, screens } = deps;
    this.captchas = new Captchas(db, clock);
    this.onboarding = new WalletOnboarding(db, clock, faults, this.captchas, mailer);
    this.verification = new CardVerification(db, clock);
    this.holds = new RiskyCardHolds(clock);
    this.linking = new WalletLinking(
      cards,
      screens,
      this.verification,
      this.holds,
      this.onboarding,
      faults,
      mailer,
      clock,
    );
    this.screens = screens;
    this.faults = faults;
    this.cardStore = cards;
  }

  // --- what the wallet's screens show -------------------------------------------------------------

  /**
   * The wallet's session: it trusts the shop's sign-in (sibling hosts); fault sso-broken forgets it.
   * Answers the signed-in buyer, or undefined (the origin sends them to sign in).
   */
  sessionBuyer<A>(shopBuyer: A | undefined): A | undefined {
    return this.faults.has('sso-broken') ? undefined : shopBuyer;
  }

  /**
   * R3, the direct page: the buyer's cards, no wallet account needed (fault direct-needs-registration:
   * a buyer without one is turned away, 'needsAccount').
   */
  directPage(accountId: string): StoredCard[] | 'needsAccount' {
    if (this.faults.has('direct-needs-registration') && !this.onboarding.isOpen(accountId))
      return 'needsAccount';
    return this.screens.cardsOn('wallet-direct', accountId);
  }

  /**
   * What the direct page's removal asks besides the confirm: nothing (R3: "no personal data"), or,
   * under fault remove-asks-birth-date, the buyer's date of birth.
   */
  directRemovalAsks(): 'birthDate'[] {
    return this.faults.has('remove-asks-birth-date') ? ['birthDate'] : [];
  }

  /**
   * R3's "Delete card": the card as it was, 'missing' when a field `directRemovalAsks()` names is not
   * given (a date as YYYY-MM-DD), or undefined when it is not this buyer's card (404).
   */
  removeOnDirectPage(
    accountId: string,
    cardId: string,
    form: Record<string, string | undefined>,
  ): StoredCard | 'missing' | undefined {
    if (!this.cardStore.find(accountId, cardId)) return undefined;
    if (this.directRemovalAsks().some((field) => !/^\d{4}-\d{2}-\d{2}$/.test(form[field] ?? '')))
      return 'missing';
    return this.screens.removeCard('wallet-direct', accountId, cardId);
  }

  /** The wallet's own card list (home, "edit cards", "Manage your cards"), each card with its state. */
  cards(accountId: string): WalletCard[] {
    return this.verification.withStates(accountId, this.screens.cardsOn('wallet-home', accountId));
  }

  /** The wallet home (R1, R2): tab "My Account" (cards, "edit cards" unless edit-cards-missing) or "History". */
  home(
    accountId: string,
    tab: 'account' | 'history',
  ): { cards: WalletCard[]; history: HistoryEntry[]; editCards: boolean } {
    return {
      cards: tab === 'account' ? this.cards(accountId) : [],
      history: tab === 'history' ? this.historyLog.of(accountId) : [],
      editCards: !this.faults.has('edit-cards-missing'),
    };
  }

  reset(): void {
    this.holds.reset();
    this.captchas.reset();
    this.historyLog.reset();
  }

  // --- the former flat API, kept as thin aliases for its callers (skin B, tests) --------------------

  get captchaTestAnswer(): string {
    return this.captchas.testAnswer;
  }
  set captchaTestAnswer(answer: string) {
    this.captchas.testAnswer = answer;
  }
  get riskyPrefix(): string {
    return this.holds.riskyPrefix;
  }
  account = (accountId: string): WalletAccount | undefined => this.onboarding.account(accountId);
  isOpen = (accountId: string): boolean => this.onboarding.isOpen(accountId);
  newCaptcha = (): string => this.captchas.create();
  captchaText = (id: string): string | undefined => this.captchas.answerOf(id);
  solveCaptcha = (id: string, answer: string): boolean => this.captchas.solve(id, answer);
  startOpening = (accountId: string, email: string): string => this.onboarding.startOpening(accountId, email);
  pendingEmail = (accountId: string): string | undefined => this.onboarding.pendingEmail(accountId);
  confirm = (accountId: string, token: string): ConfirmResult => this.onboarding.confirm(accountId, token);
  setSecurity = (accountId: string, s: SecurityInput): void => this.onboarding.setSecurity(accountId, s);
  setIdentity = (accountId: string, i: Identity): void => this.onboarding.setIdentity(accountId, i);
  setExtraIdentity = (accountId: string, e: ExtraIdentity): void =>
    this.onboarding.setExtraIdentity(accountId, e);
  openDirectly = (accountId: string, input: { email: string; paymentPassword: string; identity: Identity }) =>
    this.onboarding.openDirectly(accountId, input);
  startVerification = (accountId: string, cardId: string): void => this.verification.start(accountId, cardId);
  stateOf = (accountId: string, card: StoredCard): CardState => this.verification.stateOf(accountId, card);
  isRisky = (card: ValidCard): boolean => this.holds.isRisky(card);
  hold = (accountId: string, card: ValidCard, replaces?: string): string =>
    this.holds.hold(accountId, card, replaces);
  peek = (accountId: string, token: string) => this.holds.peek(accountId, token);
  release = (accountId: string, token: string) => this.holds.release(accountId, token);
  history = (accountId: string): HistoryEntry[] => this.historyLog.of(accountId);
}
