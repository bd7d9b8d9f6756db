import { html } from 'hono/html';
import type { Ctx } from '../../http/origin.ts';
import type { Product } from '../../domain/orders.ts';

export function money(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}

export function catalogView(c: Ctx, products: Product[]) {
  const t = c.get('t');
  return html`<h1>${t('shop.catalog')}</h1>
<ul>
${products.map((p) => html`<li><a href="/product/${p.id}">${p.name}</a> · ${money(p.priceCents)}</li>`)}
</ul>`;
}

export function productView(c: Ctx, p: Product) {
  const t = c.get('t');
  return html`<h1>${p.name}</h1>
<p>${t('shop.price')}: ${money(p.priceCents)}</p>
<p><a href="/checkout?product=${p.id}">${t('shop.buyNow')}</a></p>`;
}
