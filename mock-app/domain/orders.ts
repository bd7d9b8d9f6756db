import type { Db } from '../store/db.ts';
import type { Clock } from './clock.ts';
import { newId } from './ids.ts';

export interface Product {
  id: string;
  name: string;
  priceCents: number;
}

export const CATALOG: Product[] = [
  { id: 'p-phone-case', name: 'Phone case', priceCents: 499 },
  { id: 'p-usb-cable', name: 'USB-C cable', priceCents: 299 },
  { id: 'p-headphones', name: 'Wireless headphones', priceCents: 2599 },
];

export interface Order {
  id: string;
  productId: string;
  amountCents: number;
  method: string;
  cardBrand: string | null;
  cardLast4: string | null;
  createdAt: number;
}

const COLUMNS =
  'id, product_id AS productId, amount_cents AS amountCents, method, card_brand AS cardBrand, card_last4 AS cardLast4, created_at AS createdAt';

export function productOf(order: Pick<Order, 'productId'>): Product | undefined {
  return CATALOG.find((p) => p.id === order.productId);
}

export class Orders {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  place(input: {
    accountId: string;
    product: Product;
    method: string;
    card?: { brand: string; last4: string };
    /** The card's keyed fingerprint: a won dispute (F4) checks whether that card is linked. */
    cardFingerprint?: string;
  }): Order {
    const id = newId('order');
    this.db
      .prepare(
        'INSERT INTO orders (id, account_id, product_id, amount_cents, method, card_brand, card_last4, card_fingerprint, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        id,
        input.accountId,
        input.product.id,
        input.product.priceCents,
        input.method,
        input.card?.brand ?? null,
        input.card?.last4 ?? null,
        input.cardFingerprint ?? null,
        this.clock.now(),
      );
    return this.get(input.accountId, id)!;
  }

  /** The buyer's own order; undefined for anyone else's (callers answer 404). */
  get(accountId: string, id: string): Order | undefined {
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM orders WHERE account_id = ? AND id = ?`)
      .get(accountId, id) as Order | undefined;
  }

  list(accountId: string): Order[] {
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM orders WHERE account_id = ? ORDER BY created_at DESC, rowid DESC`)
      .all(accountId) as Order[];
  }

  fingerprintOf(accountId: string, id: string): string | undefined {
    const row = this.db
      .prepare('SELECT card_fingerprint AS fp FROM orders WHERE account_id = ? AND id = ?')
      .get(accountId, id) as { fp: string | null } | undefined;
    return row?.fp ?? undefined;
  }
}
