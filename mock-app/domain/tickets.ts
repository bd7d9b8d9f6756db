import { randomInt } from 'node:crypto';
import type { Db } from '../store/db.ts';
import type { Clock } from './clock.ts';

/** F10: "Contact support" problem categories. */
export const SUPPORT_CATEGORIES = ['payment', 'linkCard', 'removeCard', 'refund', 'other'] as const;
export type SupportCategory = (typeof SUPPORT_CATEGORIES)[number];

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 2000;

export interface Ticket {
  id: string;
  category: SupportCategory;
  description: string;
  createdAt: number;
}

export function isSupportCategory(value: string): value is SupportCategory {
  return (SUPPORT_CATEGORIES as readonly string[]).includes(value);
}

export class SupportTickets {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Files a ticket; its number looks like "T-48213977". */
  open(accountId: string, category: SupportCategory, description: string): Ticket {
    for (;;) {
      const id = `T-${randomInt(10_000_000, 100_000_000)}`;
      const taken = this.db.prepare('SELECT 1 FROM support_tickets WHERE id = ?').get(id);
      if (taken) continue;
      this.db
        .prepare(
          'INSERT INTO support_tickets (id, account_id, category, description, created_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(id, accountId, category, description, this.clock.now());
      return this.get(accountId, id)!;
    }
  }

  get(accountId: string, id: string): Ticket | undefined {
    return this.db
      .prepare(
        'SELECT id, category, description, created_at AS createdAt FROM support_tickets WHERE account_id = ? AND id = ?',
      )
      .get(accountId, id) as Ticket | undefined;
  }

  list(accountId: string): Ticket[] {
    return this.db
      .prepare(
        'SELECT id, category, description, created_at AS createdAt FROM support_tickets WHERE account_id = ? ORDER BY created_at, rowid',
      )
      .all(accountId) as Ticket[];
  }
}
