import { html } from 'hono/html';
import { cardLabel } from '../../domain/card-input.ts';
import { DISPUTE_REASONS, type Dispute } from '../../domain/disputes.ts';
import { type Order, productOf } from '../../domain/orders.ts';
import type { Ctx } from '../../http/origin.ts';
import { csrfField, type Html } from '../layout.ts';
import { money } from './catalog.ts';

/** "Paid with VISA •••• 4242" / "Paid with QIWI" / "Paid with Wallet balance". */
export function paidWith(c: Ctx, order: Order): string {
  const t = c.get('t');
  if (order.method === 'card' && order.cardBrand && order.cardLast4)
    return t('shop.paidWith', { method: cardLabel({ brand: order.cardBrand, last4: order.cardLast4 }) });
  if (order.method === 'balance')
    return t('shop.paidWith', { method: t('shop.methods.balance', { amount: money(order.amountCents) }) });
  return t('shop.paidWith', { method: t(`shop.methods.${order.method}`) });
}

/** A page of the buyer's account: title, wallet balance, then `items` as a named list or the `noneKey` text. */
function accountList<T>(
  c: Ctx,
  p: { titleKey: string; balanceCents: number; items: T[]; noneKey: string; item: (x: T) => Html },
) {
  const t = c.get('t');
  const list = html`<ul class="cards" aria-label="${t(p.titleKey)}">
${p.items.map(p.item)}
</ul>`;
  return html`<h1>${t(p.titleKey)}</h1>
<p>${t('shop.orders.balance', { amount: money(p.balanceCents) })} · ${t('shop.balanceOnlyHere')}</p>
${p.items.length ? list : html`<p>${t(p.noneKey)}</p>`}`;
}

export function ordersView(c: Ctx, p: { orders: Order[]; disputed: Set<string>; balanceCents: number }) {
  const t = c.get('t');
  const dispute = (order: Order) =>
    p.disputed.has(order.id)
      ? html`<span>${t('shop.orders.disputeOpen')}</span>`
      : html`<a href="/orders/${order.id}/dispute" aria-label="${t('shop.orders.openDispute')}: ${t('shop.orders.order', { id: order.id })}">${t('shop.orders.openDispute')}</a>`;
  return accountList(c, {
    titleKey: 'shop.orders.title',
    balanceCents: p.balanceCents,
    items: p.orders,
    noneKey: 'shop.orders.none',
    item: (order) => html`<li>
  <span>${t('shop.orders.order', { id: order.id })} · ${productOf(order)?.name ?? order.productId} · ${money(order.amountCents)} · ${paidWith(c, order)}</span>
  ${dispute(order)}
</li>`,
  });
}

export function disputeForm(c: Ctx, order: Order) {
  const t = c.get('t');
  return html`<h1>${t('shop.disputes.newTitle', { id: order.id })}</h1>
<p>${productOf(order)?.name ?? order.productId} · ${money(order.amountCents)} · ${paidWith(c, order)}</p>
<form method="post" action="/orders/${order.id}/dispute">
  ${csrfField(c.get('csrf'))}
  <label for="reason">${t('shop.disputes.reason')}</label>
  <select id="reason" name="reason" required>
    ${DISPUTE_REASONS.map((r) => html`<option value="${r}">${t(`shop.disputes.reasons.${r}`)}</option>`)}
  </select>
  <p><button type="submit">${t('shop.disputes.submit')}</button></p>
</form>`;
}

export function disputeOutcome(c: Ctx, d: Dispute): string {
  const t = c.get('t');
  if (d.status !== 'won' || !d.refundTo) return t(`shop.disputes.status.${d.status}`);
  const amount = money(d.amountCents);
  const card = d.cardBrand && d.cardLast4 ? cardLabel({ brand: d.cardBrand, last4: d.cardLast4 }) : '';
  return `${t('shop.disputes.status.won')}: ${t(`shop.disputes.refund.${d.refundTo}`, { amount, card })}`;
}

export function disputesView(c: Ctx, p: { disputes: Dispute[]; balanceCents: number }) {
  const t = c.get('t');
  return accountList(c, {
    titleKey: 'shop.disputes.title',
    balanceCents: p.balanceCents,
    items: p.disputes,
    noneKey: 'shop.disputes.none',
    item: (d) =>
      html`<li><span>${t('shop.disputes.dispute', { id: d.orderId })}</span> <span>${disputeOutcome(c, d)}</span></li>`,
  });
}
