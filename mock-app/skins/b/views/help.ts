import { html } from 'hono/html';
import { cardLabel } from '../../../domain/card-input.ts';
import type { StoredCard } from '../../../domain/cards.ts';
import type { Ctx, MockContext } from '../../../http/origin.ts';
import { expiryText } from '../../../views/card-list.ts';
import { csrfField } from '../../../views/layout.ts';
import { B, fill } from '../texts.ts';
import { HELP } from '../texts-sites.ts';

export const ARTICLES = [
  { slug: 'remove-a-saved-card', title: HELP.removeArticle, text: HELP.removeArticleText, cards: true },
  { slug: 'where-is-my-parcel', title: HELP.trackArticle, text: HELP.trackArticleText, cards: false },
] as const;

export function helpHeader(c: Ctx, mock: MockContext) {
  const account = c.get('account');
  return html`<a class="brand" href="/">${HELP.site}</a>
<a href="${mock.urls.shop}/">${B.site}</a>
${
  account
    ? html`<span>${fill(HELP.signedIn, { email: account.email })}</span>`
    : html`<a href="${mock.urls.shop}/account/login">${HELP.logIn}</a>`
}`;
}

export function helpHomeView() {
  return html`<h1>${HELP.home}</h1>
<h2>${HELP.articles}</h2>
<ul>${ARTICLES.map((a) => html`<li><a href="/articles/${a.slug}">${a.title}</a></li>`)}</ul>`;
}

/** R4's entry: the article whose link (not a button) lists the saved cards. */
export function articleView(a: (typeof ARTICLES)[number]) {
  return html`<article>
  <h1>${a.title}</h1>
  <p>${a.text}</p>
  ${a.cards ? html`<p><a href="/my-cards">${HELP.viewCards}</a></p>` : ''}
</article>
<p><a href="/">${HELP.home}</a></p>`;
}

/**
 * R4: the saved cards as a list; "Remove" in each item opens an alertdialog. The dialogs (and their
 * POST forms) follow the list instead of sitting inside the item.
 */
export function helpCardsView(c: Ctx, cards: StoredCard[]) {
  if (!cards.length) return html`<h1>${HELP.cardsTitle}</h1><p>${HELP.noCards}</p>`;
  return html`<h1>${HELP.cardsTitle}</h1>
<p>${HELP.cardsIntro}</p>
<ul>${cards.map(
    (
      card,
    ) => html`<li><span>${cardLabel(card)}</span> · <span>${fill(HELP.expires, { expiry: expiryText(card) })}</span>
  <button type="button" data-dialog="remove-${card.id}">${HELP.remove}</button></li>`,
  )}</ul>
${cards.map(
  (
    card,
  ) => html`<dialog id="remove-${card.id}" role="alertdialog" aria-modal="true" aria-labelledby="remove-${card.id}-title" aria-describedby="remove-${card.id}-text">
  <h2 id="remove-${card.id}-title">${HELP.confirmTitle}</h2>
  <p id="remove-${card.id}-text">${fill(HELP.confirmText, { card: cardLabel(card) })}</p>
  <form method="post" action="/my-cards/${card.id}/remove">
    ${csrfField(c.get('csrf'))}
    <button type="submit">${HELP.confirm}</button>
    <button type="button" data-dismiss>${HELP.keep}</button>
  </form>
</dialog>`,
)}`;
}
