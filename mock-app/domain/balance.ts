import type { Db } from '../store/db.ts';
import type { Clock } from './clock.ts';

export interface BalanceEntry {
  cents: number;
  reason: 'dispute-refund' | 'order-payment';
  ref: string;
  createdAt: number;
}

/** F4: the wallet balance, a ledger per account. Only the shop's checkout can spend it. */
export class Balance {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  of(accountId: string): number {
    const row = this.db
      .prepare('SELECT COALESCE(SUM(cents), 0) AS cents FROM balance_entries WHERE account_id = ?')
      .get(accountId) as { cents: number };
    return row.cents;
  }

  entries(accountId: string): BalanceEntry[] {
    return this.db
      .prepare(
        'SELECT cents, reason, ref, created_at AS createdAt FROM balance_entries WHERE account_id = ? ORDER BY id',
      )
      .all(accountId) as BalanceEntry[];
  }

  credit(accountId: string, cents: number, reason: BalanceEntry['reason'], ref: string): void {
    if (!Number.isInteger(cents) || cents <= 0)
      throw new RangeError('a credit is a positive amount of cents');
    this.db
      .prepare(
        'INSERT INTO balance_entries (account_id, cents, reason, ref, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(accountId, cents, reason, ref, this.clock.now());
  }

  /** Takes `cents` off the balance; false (and nothing taken) when the balance is too low. */
  debit(accountId: string, cents: number, ref: string): boolean {
    return this.db.transaction(() => {
      if (this.of(accountId) < cents) return false;
      this.db
        .prepare(
          'INSERT INTO balance_entries (account_id, cents, reason, ref, created_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(accountId, -cents, 'order-payment', ref, this.clock.now());
      return true;
    })();
  }
}
