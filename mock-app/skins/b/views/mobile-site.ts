import { html } from 'hono/html';
import { cardLabel } from '../../../domain/card-input.ts';
import type { StoredCard } from '../../../domain/cards.ts';
import type { Product } from '../../../domain/orders.ts';
import type { Ctx } from '../../../http/origin.ts';
import { expiryText } from '../../../views/card-list.ts';
import { csrfField } from '../../../views/layout.ts';
import { B, fill } from '../texts.ts';
import { SITE } from '../texts-sites.ts';

const THREE_BARS = html`<svg aria-hidden="true" focusable="false" width="22" height="22" viewBox="0 0 24 24"><path fill="currentColor" d="M3 5h18v2H3zm0 6h18v2H3zm0 6h18v2H3z"/></svg>`;

export const FAQ = [
  { slug: 'saved-cards', ...SITE.questions.savedCards, cards: true },
  { slug: 'delivery', ...SITE.questions.delivery, cards: false },
  { slug: 'returns', ...SITE.questions.returns, cards: false },
] as const;

/**
 * The three-bar "Menu" button (top left) is a disclosure: it shows a navigation landmark named
 * "Site menu" below the bar, in the page (no dialog).
 */
export function siteHeader(c: Ctx) {
  return html`<button type="button" aria-expanded="false" aria-controls="site-menu">${THREE_BARS}<span class="label">${SITE.menu}</span></button>
<a class="brand" href="/">${SITE.name}</a>
<span>${c.get('account')?.email ?? ''}</span>
<nav id="site-menu" aria-label="${SITE.siteMenu}" hidden style="flex-basis:100%">
  <ul>
    <li><a href="/">${SITE.home}</a></li>
    <li><a href="/categories">${SITE.categories}</a></li>
    <li><a href="/customer-service">${SITE.customerService}</a></li>
  </ul>
</nav>`;
}

export function siteHomeView(products: Product[], shopUrl: string) {
  return html`<h1>${SITE.name}</h1>
<h2>${SITE.featured}</h2>
<ul>${products.map((p) => html`<li><a href="${shopUrl}/item/${p.id}">${p.name}</a></li>`)}</ul>`;
}

export function categoriesView(products: Product[], shopUrl: string) {
  return html`<h1>${SITE.categories}</h1>
<ul>${products.map((p) => html`<li><a href="${shopUrl}/item/${p.id}">${p.name}</a></li>`)}</ul>`;
}

export function customerServiceView() {
  return html`<h1>${SITE.customerService}</h1>
<h2>${SITE.faq}</h2>
<ul>${FAQ.map((q) => html`<li><a href="/customer-service/${q.slug}">${q.question}</a></li>`)}</ul>`;
}

export function answerView(q: (typeof FAQ)[number]) {
  return html`<h1>${q.question}</h1>
<p>${q.answer}</p>
${q.cards ? html`<p><a href="/account/cards">${SITE.manageCards}</a></p>` : ''}
<p><a href="/customer-service">${SITE.backToService}</a></p>`;
}

/** R6: the saved cards as a table, a row per card; "Delete" is a link to a confirm page. */
export function siteCardsView(cards: StoredCard[]) {
  if (!cards.length) return html`<h1>${SITE.cardsTitle}</h1><p>${SITE.noCards}</p>`;
  return html`<h1>${SITE.cardsTitle}</h1>
<table>
  <caption>${SITE.caption}</caption>
  <thead><tr><th scope="col">${SITE.card}</th><th scope="col">${SITE.expires}</th><th scope="col">${SITE.action}</th></tr></thead>
  <tbody>${cards.map(
    (card) => html`<tr><th scope="row">${cardLabel(card)}</th><td>${expiryText(card)}</td>
    <td><a href="/account/cards/${card.id}/delete">${SITE.delete}</a></td></tr>`,
  )}</tbody>
</table>`;
}

export function deleteCardView(c: Ctx, card: StoredCard) {
  return html`<h1>${SITE.confirmTitle}</h1>
<p>${fill(SITE.confirmText, { card: cardLabel(card) })}</p>
<form method="post" action="/account/cards/${card.id}/delete">
  ${csrfField(c.get('csrf'))}
  <button type="submit">${SITE.confirm}</button>
  <a href="/account/cards">${B.common.cancel}</a>
</form>`;
}

/** Fault remove-extra-confirm-page: one more page, after the confirm page, before the card goes. */
export function sureView(c: Ctx, card: StoredCard) {
  return html`<h1>${SITE.sureTitle}</h1>
<p>${fill(SITE.sureText, { card: cardLabel(card) })}</p>
<form method="post" action="/account/cards/${card.id}/delete">
  ${csrfField(c.get('csrf'))}
  <input type="hidden" name="sure" value="yes">
  <button type="submit">${SITE.sureConfirm}</button>
  <a href="/account/cards">${B.common.cancel}</a>
</form>`;
}
