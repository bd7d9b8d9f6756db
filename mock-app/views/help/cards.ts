import { html } from 'hono/html';
import { cardLabel } from '../../domain/card-input.ts';
import type { StoredCard } from '../../domain/cards.ts';
import type { Ctx } from '../../http/origin.ts';
import { csrfField } from '../layout.ts';

/** MM/YY, as every card list of the mock shows it. */
export function expiryOf(card: StoredCard): string {
  return `${String(card.expMonth).padStart(2, '0')}/${String(card.expYear % 100).padStart(2, '0')}`;
}

/** A bin icon: decorative, so the button's accessible name comes from its aria-label alone. */
const BIN_ICON = html`<svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 24 24"><path fill="currentColor" d="M9 3h6l1 2h4v2H4V5h4l1-2zm-3 6h12l-1 12H7L6 9zm4 2v8h1.5v-8H10zm3.5 0v8H15v-8h-1.5z"/></svg>`;

/** R4: "check cards" lists the profile's cards, each with a "delete" icon opposite it and a confirm dialog. */
export function helpCardsView(c: Ctx, cards: StoredCard[]) {
  const t = c.get('t');
  return html`<h1>${t('help.title')}</h1>
<section aria-labelledby="linked-cards">
  <h2 id="linked-cards">${t('help.linkedCards')}</h2>
  ${
    cards.length
      ? html`<ul class="cards">
${cards.map((card) => {
  const label = cardLabel(card);
  const dialogId = `confirm-${card.id}`;
  return html`<li>
  <span>${label} · ${t('help.expires', { expiry: expiryOf(card) })}</span>
  <button type="button" class="icon" data-opens="${dialogId}" aria-label="${t('help.deleteCardOf', { card: label })}" title="${t('help.deleteCard')}">${BIN_ICON}</button>
  <dialog id="${dialogId}" aria-labelledby="${dialogId}-title">
    <h2 id="${dialogId}-title">${t('help.confirmDeleteTitle')}</h2>
    <p>${t('help.confirmDeleteText', { card: label })}</p>
    <form method="post" action="/buyercenter/cards/${card.id}/delete">
      ${csrfField(c.get('csrf'))}
      <button type="submit">${t('common.confirm')}</button>
      <button type="button" data-closes>${t('common.cancel')}</button>
    </form>
  </dialog>
</li>`;
})}
</ul>`
      : html`<p>${t('help.noCards')}</p>`
  }
</section>
<p><a href="/buyercenter/questionAnswer.htm">${t('help.backToQuestions')}</a></p>`;
}
