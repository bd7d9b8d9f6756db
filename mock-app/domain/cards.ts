import { createHmac } from 'node:crypto';
import type { Db } from '../store/db.ts';
import type { Clock } from './clock.ts';
import type { ValidCard } from './card-input.ts';
import { newId } from './ids.ts';
import type { WalletHistory } from './wallet/history.ts';

export const MAX_LINKED_CARDS = 5;

export interface StoredCard {
  id: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  holder: string;
  createdAt: number;
}

export type LinkResult =
  | { linked: true; card: StoredCard }
  | { linked: false; reason: 'limit' | 'duplicate'; card?: StoredCard };

const COLUMNS =
  'id, brand, last4, exp_month AS expMonth, exp_year AS expYear, holder, created_at AS createdAt';

/**
 * Cards linked to a wallet account. Stores brand, last 4, expiry and a keyed fingerprint: never the
 * number or CVC. Every card stored or deleted, whatever screen asked, is recorded in `history`.
 */
export class Cards {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly secret: string,
    private readonly history: WalletHistory,
    private readonly limit: () => number = () => MAX_LINKED_CARDS,
  ) {}

  fingerprint(pan: string): string {
    return createHmac('sha256', this.secret).update(pan).digest('hex');
  }

  list(accountId: string): StoredCard[] {
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM cards WHERE account_id = ? ORDER BY created_at, rowid`)
      .all(accountId) as StoredCard[];
  }

  find(accountId: string, cardId: string): StoredCard | undefined {
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM cards WHERE account_id = ? AND id = ?`)
      .get(accountId, cardId) as StoredCard | undefined;
  }

  link(accountId: string, card: ValidCard): LinkResult {
    const fp = this.fingerprint(card.pan);
    return this.db.transaction((): LinkResult => {
      const existing = this.db
        .prepare(`SELECT ${COLUMNS} FROM cards WHERE account_id = ? AND fingerprint = ?`)
        .get(accountId, fp) as StoredCard | undefined;
      if (existing) return { linked: false, reason: 'duplicate', card: existing };
      const count = (
        this.db.prepare('SELECT COUNT(*) AS n FROM cards WHERE account_id = ?').get(accountId) as {
          n: number;
        }
      ).n;
      if (count >= this.limit()) return { linked: false, reason: 'limit' };
      const id = newId('card');
      this.db
        .prepare(
          'INSERT INTO cards (id, account_id, brand, last4, exp_month, exp_year, holder, fingerprint, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          id,
          accountId,
          card.brand,
          card.last4,
          card.expMonth,
          card.expYear,
          card.holder,
          fp,
          this.clock.now(),
        );
      const linked = this.find(accountId, id)!;
      this.history.record(accountId, 'added', linked);
      return { linked: true, card: linked };
    })();
  }

  /** Deletes every stored datum of the card. False when the card is not this account's (callers answer 404). */
  remove(accountId: string, cardId: string): boolean {
    const card = this.find(accountId, cardId);
    if (!card) return false;
    this.db.prepare('DELETE FROM cards WHERE account_id = ? AND id = ?').run(accountId, cardId);
    this.history.record(accountId, 'removed', card);
    return true;
  }
}
