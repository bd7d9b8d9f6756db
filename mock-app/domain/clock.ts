import type { Db } from '../store/db.ts';

/** The mock's "now": real time plus an offset that the control API can advance (24-hour rules). */
export class Clock {
  constructor(private readonly db: Db) {}

  private get offsetMs(): number {
    const row = this.db.prepare("SELECT value FROM settings WHERE key = 'clock_offset_ms'").get() as
      | { value: string }
      | undefined;
    return row ? Number(row.value) : 0;
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward');
    this.db
      .prepare(
        "INSERT INTO settings (key, value) VALUES ('clock_offset_ms', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      )
      .run(String(this.offsetMs + ms));
    return this.now();
  }
}
