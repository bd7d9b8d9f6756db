import type { Db } from '../store/db.ts';

/** The mock's "now": real time plus an offset that the control API can advance (24-hour rules). */
export class Clock {
  constructor(private readonly db: Db) {}

  private offsetOf(key: string): number {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
      | { value: string }
      | undefined;
    return row ? Number(row.value) : 0;
  }

  /**
   * "Now" for everyone, or as one buyer's 24-hour rules see it: a buyer's own offset comes on top,
   * so a scenario that moves its buyer's clock does not expire another scenario's links.
   */
  now(accountId?: string): number {
    return (
      Date.now() +
      this.offsetOf('clock_offset_ms') +
      (accountId ? this.offsetOf(`clock_offset_ms:${accountId}`) : 0)
    );
  }

  advance(ms: number, accountId?: string): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward');
    const key = accountId ? `clock_offset_ms:${accountId}` : 'clock_offset_ms';
    this.db
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(key, String(this.offsetOf(key) + ms));
    return this.now(accountId);
  }
}
