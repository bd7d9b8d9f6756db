import type { Db } from '../store/db.ts';
import type { Balance } from './balance.ts';
import type { Clock } from './clock.ts';
import { newId } from './ids.ts';
import type { Orders } from './orders.ts';

export const DISPUTE_REASONS = ['notReceived', 'notAsDescribed', 'damaged'] as const;
export type DisputeReason = (typeof DISPUTE_REASONS)[number];
export type DisputeStatus = 'open' | 'won' | 'lost';
/** Where a won dispute's money went: the wallet balance, the card paid with, or the original e-payment method. */
export type RefundTo = 'balance' | 'card' | 'method';

export interface Dispute {
  id: string;
  orderId: string;
  reason: DisputeReason;
  status: DisputeStatus;
  refundTo: RefundTo | null;
  amountCents: number;
  cardBrand: string | null;
  cardLast4: string | null;
  createdAt: number;
  resolvedAt: number | null;
}

export function isDisputeReason(value: string): value is DisputeReason {
  return (DISPUTE_REASONS as readonly string[]).includes(value);
}

const SELECT = `SELECT d.id, d.order_id AS orderId, d.reason, d.status, d.refund_to AS refundTo,
  o.amount_cents AS amountCents, o.card_brand AS cardBrand, o.card_last4 AS cardLast4,
  d.created_at AS createdAt, d.resolved_at AS resolvedAt, d.account_id AS accountId
  FROM disputes d JOIN orders o ON o.id = d.order_id`;

/**
 * F4: a buyer disputes an order; the seller (here: the control API) resolves it. A won dispute
 * refunds to the wallet balance when the card paid with is linked to the account at that moment,
 * back to the card when it is not.
 */
export class Disputes {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly orders: Orders,
    private readonly balance: Balance,
  ) {}

  /** Undefined when the order is not this buyer's; the existing dispute when one is already open. */
  open(accountId: string, orderId: string, reason: DisputeReason): Dispute | undefined {
    if (!this.orders.get(accountId, orderId)) return undefined;
    const existing = this.forOrder(accountId, orderId);
    if (existing) return existing;
    const id = newId('dispute');
    this.db
      .prepare('INSERT INTO disputes (id, account_id, order_id, reason, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, accountId, orderId, reason, this.clock.now());
    return this.get(id);
  }

  forOrder(accountId: string, orderId: string): Dispute | undefined {
    return this.db.prepare(`${SELECT} WHERE d.account_id = ? AND d.order_id = ?`).get(accountId, orderId) as
      | Dispute
      | undefined;
  }

  list(accountId: string): Dispute[] {
    return this.db
      .prepare(`${SELECT} WHERE d.account_id = ? ORDER BY d.created_at DESC, d.rowid DESC`)
      .all(accountId) as Dispute[];
  }

  get(id: string): (Dispute & { accountId: string }) | undefined {
    return this.db.prepare(`${SELECT} WHERE d.id = ?`).get(id) as
      | (Dispute & { accountId: string })
      | undefined;
  }

  /** The seller's decision. Only an open dispute can be resolved; undefined when there is none. */
  resolve(id: string, outcome: 'won' | 'lost'): Dispute | undefined {
    return this.db.transaction(() => {
      const dispute = this.get(id);
      if (dispute?.status !== 'open') return undefined;
      let refundTo: RefundTo | null = null;
      if (outcome === 'won') {
        refundTo = this.refundDestination(dispute.accountId, dispute.orderId);
        if (refundTo === 'balance')
          this.balance.credit(dispute.accountId, dispute.amountCents, 'dispute-refund', dispute.id);
      }
      this.db
        .prepare('UPDATE disputes SET status = ?, refund_to = ?, resolved_at = ? WHERE id = ?')
        .run(outcome, refundTo, this.clock.now(), id);
      return this.get(id);
    })();
  }

  private refundDestination(accountId: string, orderId: string): RefundTo {
    const order = this.orders.get(accountId, orderId)!;
    if (order.method === 'balance') return 'balance';
    if (order.method !== 'card') return 'method';
    const fp = this.orders.fingerprintOf(accountId, orderId);
    const linked =
      fp !== undefined &&
      this.db.prepare('SELECT 1 FROM cards WHERE account_id = ? AND fingerprint = ?').get(accountId, fp) !==
        undefined;
    return linked ? 'balance' : 'card';
  }
}
