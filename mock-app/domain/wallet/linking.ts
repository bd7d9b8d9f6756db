import { type CardInput, type CardProblem, cardLabel, type ValidCard, validateCard } from '../card-input.ts';
import type { CardScreens } from '../card-screens.ts';
import type { Cards, StoredCard } from '../cards.ts';
import type { Clock } from '../clock.ts';
import type { Faults } from '../faults.ts';
import { type Mailer, SMS_GATEWAY_DOMAIN, smsAddress } from '../mail.ts';
import { type ExtraIdentity, validateExtraIdentity } from './forms.ts';
import type { RiskyCardHolds } from './holds.ts';
import type { WalletNotices } from './notices.ts';
import type { WalletOnboarding } from './onboarding.ts';
import type { CardVerification } from './verification.ts';

/** The amount the wallet debits to check a new card, in cents (F8: $0.01). */
export const CHECK_DEBIT_CENTS = 1;

export function moneyText(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}

/** What became of a card the buyer asked the wallet to link (L2, F9 "Replace card", F11). */
export type LinkOutcome =
  /** Linked, pending verification; `checkAmount` ("$0.01") was debited to check it. */
  | { kind: 'linked'; card: StoredCard; replaced?: StoredCard; checkAmount: string }
  | { kind: 'refused'; reason: 'limit' | 'duplicate'; holder: string }
  /** The card to replace is not this buyer's. */
  | { kind: 'notYours' };

export type AddCardOutcome =
  | LinkOutcome
  | { kind: 'invalid'; problems: CardProblem[] }
  /** F11: a risky card waits for extra identity data; `token` names it, `card` is its label. */
  | { kind: 'held'; token: string; card: string };

export type ConfirmHeldOutcome =
  | LinkOutcome
  | { kind: 'invalid'; errors: (keyof ExtraIdentity)[]; card: string }
  /** The hold is gone (10 minutes passed, or another buyer's token). */
  | { kind: 'expired' };

/** Linking cards in the wallet (L2/F8, F9, F11): the use-cases behind "Add card" and "Replace card". */
export class WalletLinking {
  constructor(
    private readonly cards: Cards,
    private readonly screens: CardScreens,
    private readonly verification: CardVerification,
    private readonly holds: RiskyCardHolds,
    private readonly onboarding: WalletOnboarding,
    private readonly faults: Faults,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
  ) {}

  /** The card "Replace card" names: undefined without `replaceId`, 'notYours' for another buyer's. */
  replacing(accountId: string, replaceId: string | undefined): StoredCard | undefined | 'notYours' {
    if (!replaceId) return undefined;
    return this.cards.find(accountId, replaceId) ?? 'notYours';
  }

  /** "Add card" (or "Replace card" with `replaces`): checks the card, holds a risky one, links the rest. */
  async addCard(
    accountId: string,
    input: CardInput,
    replaces: string | undefined,
    notices: WalletNotices,
  ): Promise<AddCardOutcome> {
    if (this.replacing(accountId, replaces) === 'notYours') return { kind: 'notYours' };
    const { card, problems } = validateCard(input, new Date(this.clock.now(accountId)));
    if (!card) return { kind: 'invalid', problems };
    if (this.holds.isRisky(card))
      return { kind: 'held', token: this.holds.hold(accountId, card, replaces), card: cardLabel(card) };
    return this.link(accountId, card, replaces, notices);
  }

  /** F11: the extra identity data for a held card; right -> the card is linked, wrong -> it stays held. */
  async confirmHeld(
    accountId: string,
    token: string,
    form: Record<string, string | undefined>,
    notices: WalletNotices,
  ): Promise<ConfirmHeldOutcome> {
    const { value, errors } = validateExtraIdentity(form);
    if (!value) {
      const held = this.holds.peek(accountId, token);
      return held ? { kind: 'invalid', errors, card: cardLabel(held.card) } : { kind: 'expired' };
    }
    const held = this.holds.release(accountId, token);
    if (!held) return { kind: 'expired' };
    this.onboarding.setExtraIdentity(accountId, value);
    return this.link(accountId, held.card, held.replaces, notices);
  }

  /**
   * Links a card in the wallet, in place of `replaces` if given: pending verification for 24 hours and
   * an SMS about the $0.01 check (fault sms-amount: the SMS states $1.00).
   */
  private async link(
    accountId: string,
    card: ValidCard,
    replaces: string | undefined,
    notices: WalletNotices,
  ): Promise<LinkOutcome> {
    const old = this.replacing(accountId, replaces);
    if (old === 'notYours') return { kind: 'notYours' };
    if (old) this.screens.removeCard('wallet-home', accountId, old.id);
    const result = this.cards.link(accountId, card);
    if (!result.linked) return { kind: 'refused', reason: result.reason, holder: card.holder };
    this.verification.start(accountId, result.card.id);
    const phone = this.onboarding.account(accountId)?.phone;
    if (phone) {
      const smsCents = this.faults.has('sms-amount') ? 100 * CHECK_DEBIT_CENTS : CHECK_DEBIT_CENTS;
      const text = notices.checkDebit({ amount: moneyText(smsCents), card: cardLabel(result.card) });
      await this.mailer.send({ to: smsAddress(phone, SMS_GATEWAY_DOMAIN), subject: text, text });
    }
    return { kind: 'linked', card: result.card, replaced: old, checkAmount: moneyText(CHECK_DEBIT_CENTS) };
  }
}
