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
  }): Order {
    const id = newId('order');
    this.db
      .prepare(
        'INSERT INTO orders (id, account_id, product_id, amount_cents, method, card_brand, card_last4, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        id,
        input.accountId,
        input.product.id,
        input.product.priceCents,
        input.method,
        input.card?.brand ?? null,
        input.card?.last4 ?? null,
        this.clock.now(),
      );
    return this.get(input.accountId, id)!;
  }

  get(accountId: string, id: string): Order | undefined {
    return this.db
      .prepare(
        'SELECT id, product_id AS productId, amount_cents AS amountCents, method, card_brand AS cardBrand, card_last4 AS cardLast4, created_at AS createdAt FROM orders WHERE account_id = ? AND id = ?',
      )
      .get(accountId, id) as Order | undefined;
  }
}
