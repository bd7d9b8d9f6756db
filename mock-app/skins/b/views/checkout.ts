import { html } from 'hono/html';
import { type CardProblem, cardLabel } from '../../../domain/card-input.ts';
import type { StoredCard } from '../../../domain/cards.ts';
import { isExpired, type LinkOutcome, type PayResult } from '../../../domain/checkout.ts';
import type { Order, Product } from '../../../domain/orders.ts';
import type { AltMethod } from '../../../domain/payment-methods.ts';
import { moneyText } from '../../../domain/wallet.ts';
import type { Ctx } from '../../../http/origin.ts';
import { expiryText } from '../../../views/card-list.ts';
import { csrfField } from '../../../views/layout.ts';
import { field, problems } from '../layout.ts';
import { B, fill } from '../texts.ts';
import { cardFieldProblem, cardProblemText } from './card-problems.ts';

export type PayError = Extract<PayResult, { ok: false }>['error'];

export interface CheckoutForm {
  method?: string;
  expiry?: string;
  holder?: string;
  saveCard?: boolean;
}

/**
 * Skin B's checkout: saved cards in a fieldset of their own ("Saved cards"), the other ways to pay in
 * a second one, then the card details, and only after them the "save this card" box (ticked by
 * default). One radio group by name across both fieldsets. Never echoes a card number or CVC.
 */
export function checkoutView(
  c: Ctx,
  p: {
    product: Product;
    saved: StoredCard[];
    form: CheckoutForm;
    cardProblems: readonly CardProblem[];
    payError?: PayError;
    saveByDefault: boolean;
    now: number;
    balanceCents: number;
    alternatives: readonly AltMethod[];
  },
) {
  const usable = p.saved.filter((card) => !isExpired(card, p.now));
  const method = p.form.method ?? (usable[0] ? `card:${usable[0].id}` : 'new');
  const checked = (value: string) => (method === value ? 'checked' : '');
  const save = p.form.saveCard ?? p.saveByDefault;

  return html`<h1>${B.checkout.title}</h1>
<p>${fill(B.checkout.summary, { item: p.product.name, price: moneyText(p.product.priceCents) })}</p>
${problems([...p.cardProblems.map(cardProblemText), ...(p.payError ? [B.checkout.errors[p.payError]] : [])])}
<form method="post" action="/pay" novalidate>
  ${csrfField(c.get('csrf'))}
  <input type="hidden" name="item" value="${p.product.id}">
  ${
    p.saved.length
      ? html`<fieldset>
    <legend>${B.checkout.savedCards}</legend>
    ${p.saved.map((card) => {
      const expired = isExpired(card, p.now);
      const text = fill(expired ? B.checkout.expiredCard : B.checkout.savedCard, {
        card: cardLabel(card),
        expiry: expiryText(card),
      });
      return html`<label class="option"><input type="radio" name="method" value="card:${card.id}" ${expired ? 'disabled' : checked(`card:${card.id}`)}> ${text}</label>`;
    })}
  </fieldset>`
      : ''
  }
  <fieldset>
    <legend>${B.checkout.otherWays}</legend>
    <label class="option"><input type="radio" name="method" value="new" ${checked('new')}> ${B.checkout.newCard}</label>
    <label class="option"><input type="radio" name="method" value="balance" ${checked('balance')} ${p.balanceCents < p.product.priceCents ? 'disabled' : ''}>
      ${fill(B.checkout.balance, { amount: moneyText(p.balanceCents) })}</label>
    ${p.alternatives.map(
      (alt) =>
        html`<label class="option"><input type="radio" name="method" value="alt:${alt}" ${checked(`alt:${alt}`)}> ${B.checkout.methods[alt]}</label>`,
    )}
    <p class="hint">${B.checkout.balanceNote}</p>
  </fieldset>
  <fieldset>
    <legend>${B.checkout.cardDetails}</legend>
    ${field({ id: 'card-number', name: 'number', label: B.checkout.cardNumber, autocomplete: 'cc-number', inputmode: 'numeric', required: false, problem: cardFieldProblem(p.cardProblems, 'cardNumber') })}
    ${field({ id: 'card-expiry', name: 'exp', label: B.checkout.expiry, autocomplete: 'cc-exp', value: (p.form.expiry ?? '').slice(0, 7), required: false, problem: cardFieldProblem(p.cardProblems, 'expiry') })}
    ${field({ id: 'card-cvc', name: 'csc', label: B.checkout.cvc, type: 'password', autocomplete: 'cc-csc', inputmode: 'numeric', required: false, problem: cardFieldProblem(p.cardProblems, 'cvc') })}
    ${field({ id: 'card-holder', name: 'name_on_card', label: B.checkout.holder, autocomplete: 'cc-name', value: (p.form.holder ?? '').slice(0, 80), required: false, problem: cardFieldProblem(p.cardProblems, 'holder') })}
  </fieldset>
  <label class="option"><input type="checkbox" name="save_card" value="yes" ${save ? 'checked' : ''}> ${B.checkout.saveCard}</label>
  <p><button type="submit">${B.checkout.placeOrder}</button></p>
</form>`;
}

function linkNotice(link: LinkOutcome | undefined): string | undefined {
  switch (link?.kind) {
    case 'linked':
      return fill(B.placed.linked, { card: cardLabel(link.card) });
    case 'notRequested':
      return B.placed.notRequested;
    case 'limit':
      return fill(B.placed.limit, { max: link.max });
    case 'duplicate':
      return fill(B.placed.duplicate, { card: cardLabel(link.card) });
    case 'reissued':
      return fill(B.placed.reissued, { card: cardLabel(link.card), old: cardLabel(link.replaced) });
    default:
      return undefined;
  }
}

/** "VISA •••• 4242" / "Northwind Pay balance" / "QIWI Wallet". */
export function paymentText(order: Order): string {
  if (order.method === 'card' && order.cardBrand && order.cardLast4)
    return cardLabel({ brand: order.cardBrand, last4: order.cardLast4 });
  if (order.method === 'balance') return B.pay;
  return (B.checkout.methods as Record<string, string>)[order.method] ?? order.method;
}

export function placedView(p: { order: Order; link?: LinkOutcome }) {
  const notice = linkNotice(p.link);
  return html`<h1>${B.placed.title}</h1>
${notice ? html`<p role="status">${notice}</p>` : ''}
<dl>
  <dt>${fill(B.placed.number, { id: p.order.id })}</dt>
  <dd>${fill(B.placed.paidWith, { method: paymentText(p.order) })}</dd>
</dl>
<p><a href="/purchases">${B.placed.purchases}</a></p>`;
}
