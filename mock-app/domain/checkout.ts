import type { Db } from '../store/db.ts';
import type { Account } from './accounts.ts';
import type { Balance } from './balance.ts';
import type { ValidCard } from './card-input.ts';
import type { Cards, StoredCard } from './cards.ts';
import type { Clock } from './clock.ts';
import type { Orders, Order, Product } from './orders.ts';
import { sameName } from './names.ts';
import { type AltMethod, alternativesFor } from './payment-methods.ts';

export type Payment =
  | { kind: 'saved'; cardId: string }
  | { kind: 'new'; card: ValidCard; link: boolean }
  | { kind: 'balance' }
  | { kind: 'alt'; method: AltMethod };

/** What happened to the card after a payment with a new card. */
export type LinkOutcome =
  | { kind: 'linked'; card: StoredCard }
  | { kind: 'notRequested' }
  | { kind: 'limit'; max: number }
  | { kind: 'duplicate'; card: StoredCard }
  /**
   * F9/L3: the card is the reissue of an expired linked card (same brand, same holder by `sameName`:
   * NFC, case-insensitive): it takes its place.
   */
  | { kind: 'reissued'; card: StoredCard; replaced: StoredCard };

export type PayResult =
  | { ok: true; order: Order; link?: LinkOutcome }
  | { ok: false; error: 'savedCard' | 'expiredCard' | 'balanceTooLow' | 'methodNotOffered' };

/** A card is usable until the end of its expiry month. */
export function isExpired(card: Pick<StoredCard, 'expMonth' | 'expYear'>, now: number): boolean {
  return Date.UTC(card.expYear, card.expMonth, 1) <= now;
}

/** Paying for an order: every payment method, then (for a new card) the link the buyer asked for. */
export class Checkout {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly cards: Cards,
    private readonly orders: Orders,
    private readonly balance: Balance,
    private readonly maxCards: () => number,
  ) {}

  pay(account: Account, product: Product, payment: Payment): PayResult {
    const accountId = account.id;
    switch (payment.kind) {
      case 'saved': {
        const card = this.cards.find(accountId, payment.cardId);
        if (!card) return { ok: false, error: 'savedCard' };
        if (isExpired(card, this.clock.now())) return { ok: false, error: 'expiredCard' };
        const fp = this.db.prepare('SELECT fingerprint FROM cards WHERE id = ?').get(card.id) as {
          fingerprint: string;
        };
        const order = this.orders.place({
          accountId,
          product,
          method: 'card',
          card,
          cardFingerprint: fp.fingerprint,
        });
        return { ok: true, order };
      }
      case 'balance': {
        return this.db.transaction((): PayResult => {
          const order = this.orders.place({ accountId, product, method: 'balance' });
          if (!this.balance.debit(accountId, product.priceCents, order.id)) {
            this.db.prepare('DELETE FROM orders WHERE id = ?').run(order.id);
            return { ok: false, error: 'balanceTooLow' };
          }
          return { ok: true, order };
        })();
      }
      case 'alt': {
        if (!alternativesFor(account.country).includes(payment.method))
          return { ok: false, error: 'methodNotOffered' };
        return { ok: true, order: this.orders.place({ accountId, product, method: payment.method }) };
      }
      case 'new': {
        const { card } = payment;
        const order = this.orders.place({
          accountId,
          product,
          method: 'card',
          card,
          cardFingerprint: this.cards.fingerprint(card.pan),
        });
        return { ok: true, order, link: this.linkAfterPayment(accountId, card, payment.link) };
      }
    }
  }

  private linkAfterPayment(accountId: string, card: ValidCard, requested: boolean): LinkOutcome {
    const now = this.clock.now();
    const alreadyLinked = this.cards
      .list(accountId)
      .find((c) => this.cards.fingerprint(card.pan) === this.fingerprintOf(c.id));
    const expired = this.cards
      .list(accountId)
      .find((c) => isExpired(c, now) && c.brand === card.brand && sameName(c.holder, card.holder));
    if (expired && !alreadyLinked) {
      return this.db.transaction((): LinkOutcome => {
        this.cards.remove(accountId, expired.id);
        const result = this.cards.link(accountId, card);
        if (!result.linked) throw new Error('a reissued card could not take the place of the expired one');
        return { kind: 'reissued', card: result.card, replaced: expired };
      })();
    }
    if (!requested) return { kind: 'notRequested' };
    const result = this.cards.link(accountId, card);
    if (result.linked) return { kind: 'linked', card: result.card };
    if (result.reason === 'duplicate') return { kind: 'duplicate', card: result.card! };
    return { kind: 'limit', max: this.maxCards() };
  }

  private fingerprintOf(cardId: string): string | undefined {
    const row = this.db.prepare('SELECT fingerprint FROM cards WHERE id = ?').get(cardId) as
      | { fingerprint: string }
      | undefined;
    return row?.fingerprint;
  }
}
