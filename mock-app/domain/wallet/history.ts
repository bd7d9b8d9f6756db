import type { Db } from '../../store/db.ts';
import type { Clock } from '../clock.ts';

export interface HistoryEntry {
  kind: 'added' | 'removed';
  brand: string;
  last4: string;
  /** Epoch ms, as the buyer's clock (Clock.now(accountId)) read it when the card was added or removed. */
  at: number;
}

/**
 * The wallet's History tab: every addition and removal of a buyer's card, on any screen. Cards (the
 * one place cards are stored and deleted) records here, with the domain's clock for that buyer.
 */
export class WalletHistory {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  record(accountId: string, kind: HistoryEntry['kind'], card: { brand: string; last4: string }): void {
    this.db
      .prepare('INSERT INTO wallet_history (account_id, kind, brand, last4, at) VALUES (?, ?, ?, ?, ?)')
      .run(accountId, kind, card.brand, card.last4, this.clock.now(accountId));
  }

  /** Newest first. */
  of(accountId: string): HistoryEntry[] {
    return this.db
      .prepare(
        'SELECT kind, brand, last4, at FROM wallet_history WHERE account_id = ? ORDER BY at DESC, id DESC',
      )
      .all(accountId) as HistoryEntry[];
  }

  reset(): void {
    this.db.exec('DELETE FROM wallet_history;');
  }
}
