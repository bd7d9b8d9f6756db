import { html } from 'hono/html';
import type { StoredCard } from '../../domain/cards.ts';
import type { Ctx } from '../../http/origin.ts';
import { cardLabel } from '../../domain/card-input.ts';
import { cardSection, confirmRemoval, listKeys } from '../card-list.ts';
import { csrfField } from '../layout.ts';

/** The Help Center's questions; each has its own page. */
export const QUESTIONS = [
  {
    slug: 'card-information',
    question: 'mobile.site.changeCardInfo',
    answer: 'mobile.site.changeCardInfoAnswer',
  },
  { slug: 'track-order', question: 'mobile.site.trackOrder', answer: 'mobile.site.trackOrderAnswer' },
  { slug: 'return-item', question: 'mobile.site.returnItem', answer: 'mobile.site.returnItemAnswer' },
] as const;

export function homeView(c: Ctx, products: { id: string; name: string }[], shopUrl: string) {
  const t = c.get('t');
  return html`<h1>${t('mobile.site.name')}</h1>
<h2>${t('mobile.site.featured')}</h2>
<ul>${products.map((p) => html`<li><a href="${shopUrl}/product/${p.id}">${p.name}</a></li>`)}</ul>`;
}

export function categoriesView(c: Ctx, products: { id: string; name: string }[], shopUrl: string) {
  const t = c.get('t');
  return html`<h1>${t('mobile.site.categories')}</h1>
<ul>${products.map((p) => html`<li><a href="${shopUrl}/product/${p.id}">${p.name}</a></li>`)}</ul>`;
}

export function helpCenterView(c: Ctx) {
  const t = c.get('t');
  return html`<h1>${t('mobile.site.helpCenter')}</h1>
<section aria-labelledby="popular">
  <h2 id="popular">${t('mobile.site.helpQuestions')}</h2>
  <ul>${QUESTIONS.map((q) => html`<li><a href="/help/${q.slug}">${t(q.question)}</a></li>`)}</ul>
</section>`;
}

/** One answer; the card-information answer carries the link that leads to removing the card (R6). */
export function answerView(c: Ctx, q: (typeof QUESTIONS)[number]) {
  const t = c.get('t');
  return html`<h1>${t(q.question)}</h1>
<p>${t(q.answer)}</p>
${q.slug === 'card-information' ? html`<p><a href="/cards">${t('mobile.site.removeCardLink')}</a></p>` : ''}
<p><a href="/help">${t('mobile.site.helpCenter')}</a></p>`;
}

/** Where R6's link leads: the linked cards, "Delete" next to each, and a confirm dialog. */
export function cardsView(c: Ctx, cards: StoredCard[]) {
  const t = c.get('t');
  return cardSection(
    c,
    { id: 'site-cards', heading: t('mobile.site.cardsTitle'), level: 1 },
    {
      cards,
      keys: listKeys('mobile.site'),
      control: confirmRemoval('mobile.site', (card) => `/cards/${card.id}/delete`),
    },
  );
}

/** Fault remove-extra-confirm-page: an extra "Are you sure?" page after the confirm dialog. */
export function sureView(c: Ctx, card: StoredCard) {
  const t = c.get('t');
  return html`<h1>${t('mobile.site.sureTitle')}</h1>
<p>${t('mobile.site.sureText', { card: cardLabel(card) })}</p>
<form method="post" action="/cards/${card.id}/delete">
  ${csrfField(c.get('csrf'))}
  <input type="hidden" name="sure" value="yes">
  <button type="submit">${t('mobile.site.sureYes')}</button>
</form>
<p><a href="/cards">${t('mobile.site.sureNo')}</a></p>`;
}
