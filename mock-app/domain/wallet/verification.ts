import type { Db } from '../../store/db.ts';
import type { StoredCard } from '../cards.ts';
import { isExpired } from '../checkout.ts';
import type { Clock } from '../clock.ts';

/** A card added in the wallet is verified 24 hours after it was linked (F8). */
export const VERIFY_MS = 24 * 3_600_000;

export type CardState = 'pending' | 'verified' | 'expired';
export type WalletCard = StoredCard & { state: CardState };

/** F8: a card linked in the wallet is "pending verification" for 24 hours of the buyer's clock. */
export class CardVerification {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  start(accountId: string, cardId: string): void {
    this.db
      .prepare('INSERT OR REPLACE INTO wallet_card_checks (card_id, verified_at) VALUES (?, ?)')
      .run(cardId, this.clock.now(accountId) + VERIFY_MS);
  }

  /** As the buyer's clock sees it: expired, pending verification, or verified. */
  stateOf(accountId: string, card: StoredCard): CardState {
    const now = this.clock.now(accountId);
    if (isExpired(card, now)) return 'expired';
    const check = this.db
      .prepare('SELECT verified_at AS at FROM wallet_card_checks WHERE card_id = ?')
      .get(card.id) as { at: number } | undefined;
    return check && check.at > now ? 'pending' : 'verified';
  }

  withStates(accountId: string, cards: StoredCard[]): WalletCard[] {
    return cards.map((card) => ({ ...card, state: this.stateOf(accountId, card) }));
  }
}
