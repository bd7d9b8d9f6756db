import { html } from 'hono/html';
import { cardLabel, type CardField } from '../../domain/card-input.ts';
import type { StoredCard } from '../../domain/cards.ts';
import type { Order, Product } from '../../domain/orders.ts';
import type { Ctx } from '../../http/origin.ts';
import { csrfField } from '../layout.ts';
import { money } from './catalog.ts';

export interface CheckoutForm {
  method?: string;
  expiry?: string;
  holder?: string;
  linkCard?: boolean;
}

function field(
  c: Ctx,
  id: CardField,
  name: string,
  label: string,
  errors: string[],
  attrs: { type?: string; value?: string; autocomplete: string },
) {
  const t = c.get('t');
  const bad = errors.includes(id);
  return html`<label for="${id}">${label}</label>
<input id="${id}" name="${name}" type="${attrs.type ?? 'text'}" autocomplete="${attrs.autocomplete}" value="${attrs.value ?? ''}"
  ${bad ? html`aria-invalid="true" aria-describedby="${id}-error"` : ''}>
${bad ? html`<p id="${id}-error" class="error">${t(`shop.errors.${id}`)}</p>` : ''}`;
}

/** The card form never echoes a number or a CVC back: after an error the buyer types them again. */
export function checkoutView(
  c: Ctx,
  p: { product: Product; saved: StoredCard[]; form: CheckoutForm; errors: string[]; linkByDefault: boolean },
) {
  const t = c.get('t');
  const method = p.form.method ?? (p.saved[0] ? `card:${p.saved[0].id}` : 'new');
  const linkChecked = p.form.linkCard ?? p.linkByDefault;
  return html`<h1>${t('shop.checkout')}</h1>
<p>${p.product.name} · ${money(p.product.priceCents)}</p>
${p.errors.length ? html`<p class="error" role="alert">${p.errors.map((e) => t(`shop.errors.${e}`)).join(' ')}</p>` : ''}
<form method="post" action="/checkout" novalidate>
  ${csrfField(c.get('csrf'))}
  <input type="hidden" name="product" value="${p.product.id}">
  <fieldset>
    <legend>${t('shop.paymentMethod')}</legend>
    ${p.saved.map(
      (
        card,
      ) => html`<label><input type="radio" name="method" value="card:${card.id}" ${method === `card:${card.id}` ? 'checked' : ''}>
        ${t('shop.savedCard', { card: cardLabel(card) })}</label>`,
    )}
    <label><input type="radio" name="method" value="new" ${method === 'new' ? 'checked' : ''}> ${t('shop.newCard')}</label>
  </fieldset>
  <fieldset>
    <legend>${t('shop.newCard')}</legend>
    ${field(c, 'cardNumber', 'cardNumber', t('shop.cardNumber'), p.errors, { autocomplete: 'cc-number' })}
    ${field(c, 'expiry', 'expiry', t('shop.expiry'), p.errors, { autocomplete: 'cc-exp', value: p.form.expiry })}
    ${field(c, 'cvc', 'cvc', t('shop.cvc'), p.errors, { autocomplete: 'cc-csc', type: 'password' })}
    ${field(c, 'holder', 'holder', t('shop.holder'), p.errors, { autocomplete: 'cc-name', value: p.form.holder })}
    <label><input type="checkbox" name="linkCard" value="on" ${linkChecked ? 'checked' : ''}> ${t('shop.linkCard')}</label>
  </fieldset>
  <p><button type="submit">${t('shop.pay')}</button></p>
</form>`;
}

export function orderPlacedView(c: Ctx, p: { order: Order; linked?: StoredCard; notLinkedReason?: string }) {
  const t = c.get('t');
  return html`<h1>${t('shop.orderPlaced')}</h1>
<p>${t('shop.orderNumber', { id: p.order.id })}</p>
${p.linked ? html`<p role="status">${t('shop.cardLinked', { card: cardLabel(p.linked) })}</p>` : ''}
${p.notLinkedReason ? html`<p role="status">${p.notLinkedReason}</p>` : ''}`;
}
