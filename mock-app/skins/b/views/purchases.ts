import { html } from 'hono/html';
import { cardLabel } from '../../../domain/card-input.ts';
import { DISPUTE_REASONS, type Dispute } from '../../../domain/disputes.ts';
import { type Order, productOf } from '../../../domain/orders.ts';
import { moneyText } from '../../../domain/wallet.ts';
import type { Ctx } from '../../../http/origin.ts';
import { csrfField } from '../../../views/layout.ts';
import { choice } from '../layout.ts';
import { B, fill } from '../texts.ts';
import { paymentText } from './checkout.ts';

/** "Purchases": a table, one row per order, "Open a claim" in its last cell. */
export function purchasesView(p: { orders: Order[]; claimed: Set<string>; balanceCents: number }) {
  return html`<h1>${B.purchases.title}</h1>
<p>${fill(B.purchases.balance, { amount: moneyText(p.balanceCents) })}</p>
${
  p.orders.length
    ? html`<table>
  <caption>${B.purchases.caption}</caption>
  <thead><tr><th scope="col">${B.purchases.order}</th><th scope="col">${B.purchases.item}</th><th scope="col">${B.purchases.amount}</th><th scope="col">${B.purchases.paidWith}</th><th scope="col">${B.purchases.claim}</th></tr></thead>
  <tbody>${p.orders.map(
    (order) => html`<tr>
    <th scope="row">${order.id}</th><td>${productOf(order)?.name ?? order.productId}</td><td>${moneyText(order.amountCents)}</td><td>${paymentText(order)}</td>
    <td>${p.claimed.has(order.id) ? B.purchases.claimOpen : html`<a href="/purchases/${order.id}/claim">${B.purchases.openClaim}</a>`}</td>
  </tr>`,
  )}</tbody>
</table>`
    : html`<p>${B.purchases.none}</p>`
}`;
}

export function claimFormView(c: Ctx, order: Order) {
  return html`<h1>${fill(B.claims.newTitle, { id: order.id })}</h1>
<p>${productOf(order)?.name ?? order.productId} · ${moneyText(order.amountCents)} · ${paymentText(order)}</p>
<form method="post" action="/purchases/${order.id}/claim">
  ${csrfField(c.get('csrf'))}
  ${choice({ id: 'reason', label: B.claims.reason, options: DISPUTE_REASONS.map((r) => [r, B.claims.reasons[r]] as const) })}
  <p><button type="submit">${B.claims.submit}</button></p>
</form>`;
}

function outcome(d: Dispute): string {
  if (d.status !== 'won' || !d.refundTo) return B.claims.status[d.status];
  const card = d.cardBrand && d.cardLast4 ? cardLabel({ brand: d.cardBrand, last4: d.cardLast4 }) : '';
  return `${B.claims.status.won}: ${fill(B.claims.refund[d.refundTo], { amount: moneyText(d.amountCents), card })}`;
}

export function claimsView(p: { disputes: Dispute[]; balanceCents: number }) {
  return html`<h1>${B.claims.title}</h1>
<p>${fill(B.purchases.balance, { amount: moneyText(p.balanceCents) })}</p>
${
  p.disputes.length
    ? html`<ul>${p.disputes.map(
        (d) => html`<li><strong>${fill(B.claims.claim, { id: d.orderId })}</strong>: ${outcome(d)}</li>`,
      )}</ul>`
    : html`<p>${B.claims.none}</p>`
}`;
}
