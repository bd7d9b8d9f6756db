import { html } from 'hono/html';
import { cardLabel, type CardField, type CardProblem } from '../../domain/card-input.ts';
import type { StoredCard } from '../../domain/cards.ts';
import { isExpired, type LinkOutcome } from '../../domain/checkout.ts';
import type { Order, Product } from '../../domain/orders.ts';
import type { AltMethod } from '../../domain/payment-methods.ts';
import type { Ctx } from '../../http/origin.ts';
import { expiryText } from '../card-list.ts';
import { cardFieldError, cardProblemText } from '../card-problems.ts';
import { csrfField } from '../layout.ts';
import { money } from './catalog.ts';
import { paidWith } from './orders.ts';

export interface CheckoutForm {
  method?: string;
  expiry?: string;
  holder?: string;
  linkCard?: boolean;
}

function field(
  c: Ctx,
  id: CardField,
  label: string,
  problems: readonly CardProblem[],
  attrs: { type?: string; value?: string; autocomplete: string },
) {
  const error = cardFieldError(c, problems, id);
  return html`<label for="${id}">${label}</label>
<input id="${id}" name="${id}" type="${attrs.type ?? 'text'}" autocomplete="${attrs.autocomplete}" value="${attrs.value ?? ''}"
  ${error ? html`aria-invalid="true" aria-describedby="${id}-error"` : ''}>
${error ? html`<p id="${id}-error" class="error">${error}</p>` : ''}`;
}

/** The card form never echoes a number or a CVC back: after an error the buyer types them again. */
export function checkoutView(
  c: Ctx,
  p: {
    product: Product;
    saved: StoredCard[];
    form: CheckoutForm;
    /** Checkout's own refusals (shop.errors.*): savedCard, expiredCard, balanceTooLow, methodNotOffered. */
    errors: string[];
    /** The new card's refused fields. */
    cardProblems: readonly CardProblem[];
    linkByDefault: boolean;
    now: number;
    balanceCents: number;
    alternatives: readonly AltMethod[];
  },
) {
  const t = c.get('t');
  const usable = p.saved.filter((card) => !isExpired(card, p.now));
  const method = p.form.method ?? (usable[0] ? `card:${usable[0].id}` : 'new');
  const linkChecked = p.form.linkCard ?? p.linkByDefault;
  const checked = (value: string) => (method === value ? 'checked' : '');
  const balanceTooLow = p.balanceCents < p.product.priceCents;
  return html`<h1>${t('shop.checkout')}</h1>
<p>${p.product.name} · ${money(p.product.priceCents)}</p>
${
  p.errors.length || p.cardProblems.length
    ? html`<p class="error" role="alert">${[
        ...p.errors.map((e) => t(`shop.errors.${e}`)),
        ...p.cardProblems.map((problem) => cardProblemText(c, problem)),
      ].join(' ')}</p>`
    : ''
}
<form method="post" action="/checkout" novalidate>
  ${csrfField(c.get('csrf'))}
  <input type="hidden" name="product" value="${p.product.id}">
  <fieldset>
    <legend>${t('shop.paymentMethod')}</legend>
    ${p.saved.map((card) =>
      isExpired(card, p.now)
        ? html`<label class="expired"><input type="radio" name="method" value="card:${card.id}" disabled>
        ${t('shop.expiredCard', { card: cardLabel(card) })} · ${expiryText(card)}</label>`
        : html`<label><input type="radio" name="method" value="card:${card.id}" ${checked(`card:${card.id}`)}>
        ${t('shop.savedCard', { card: cardLabel(card) })} · ${expiryText(card)}</label>`,
    )}
    <label><input type="radio" name="method" value="new" ${checked('new')}> ${t('shop.newCard')}</label>
    <label><input type="radio" name="method" value="balance" ${checked('balance')} ${balanceTooLow ? 'disabled' : ''}>
      ${t('shop.methods.balance', { amount: money(p.balanceCents) })}</label>
    ${p.alternatives.map(
      (alt) =>
        html`<label><input type="radio" name="method" value="alt:${alt}" ${checked(`alt:${alt}`)}> ${t(`shop.methods.${alt}`)}</label>`,
    )}
    <p>${t('shop.balanceOnlyHere')}</p>
  </fieldset>
  <fieldset>
    <legend>${t('shop.newCard')}</legend>
    ${field(c, 'cardNumber', t('shop.cardNumber'), p.cardProblems, { autocomplete: 'cc-number' })}
    ${field(c, 'expiry', t('shop.expiry'), p.cardProblems, { autocomplete: 'cc-exp', value: p.form.expiry })}
    ${field(c, 'cvc', t('shop.cvc'), p.cardProblems, { autocomplete: 'cc-csc', type: 'password' })}
    ${field(c, 'holder', t('shop.holder'), p.cardProblems, { autocomplete: 'cc-name', value: p.form.holder })}
    <label><input type="checkbox" name="linkCard" value="on" ${linkChecked ? 'checked' : ''}> ${t('shop.linkCard')}</label>
  </fieldset>
  <p><button type="submit">${t('shop.pay')}</button></p>
</form>`;
}

/** What became of the card after paying: linked, refused (F6 limit), already there, or a reissue (F9). */
function linkNotice(c: Ctx, link: LinkOutcome | undefined): string | undefined {
  const t = c.get('t');
  switch (link?.kind) {
    case 'linked':
      return t('shop.cardLinked', { card: cardLabel(link.card) });
    case 'limit':
      return t('shop.cardLimitReached', { max: link.max });
    case 'duplicate':
      return t('shop.cardAlreadyLinked', { card: cardLabel(link.card) });
    case 'reissued':
      return t('shop.cardReissued', { card: cardLabel(link.card), old: cardLabel(link.replaced) });
    case 'notRequested':
      return t('shop.cardNotLinked');
    default:
      return undefined;
  }
}

export function orderPlacedView(c: Ctx, p: { order: Order; link?: LinkOutcome }) {
  const t = c.get('t');
  const notice = linkNotice(c, p.link);
  return html`<h1>${t('shop.orderPlaced')}</h1>
<p>${t('shop.orderNumber', { id: p.order.id })}</p>
<p>${paidWith(c, p.order)}</p>
${notice ? html`<p role="status">${notice}</p>` : ''}
<p><a href="/orders">${t('shop.account.orders')}</a></p>`;
}
