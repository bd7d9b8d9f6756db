import { html } from 'hono/html';
import { cardLabel } from '../../domain/card-input.ts';
import type { StoredCard } from '../../domain/cards.ts';
import type { Ctx } from '../../http/origin.ts';
import { csrfField } from '../layout.ts';

export function expiryText(card: StoredCard): string {
  return `${String(card.expMonth).padStart(2, '0')}/${String(card.expYear % 100).padStart(2, '0')}`;
}

/**
 * A list of cards, each with a remove button that opens a confirm dialog posting to `action(card)`.
 * One view for every screen that lists cards; the texts differ per screen.
 */
export function cardList(
  c: Ctx,
  p: {
    cards: StoredCard[];
    labelledBy: string;
    action: (card: StoredCard) => string;
    buttonKey: string;
    buttonOfKey: string;
    emptyKey: string;
  },
) {
  const t = c.get('t');
  if (!p.cards.length) return html`<p>${t(p.emptyKey)}</p>`;
  return html`<ul class="cards" aria-labelledby="${p.labelledBy}">
${p.cards.map((card) => {
  const label = cardLabel(card);
  const dialogId = `confirm-${card.id}`;
  return html`<li>
  <span>${label} · ${t('wallet.expires', { expiry: expiryText(card) })}</span>
  <button type="button" data-opens="${dialogId}" aria-label="${t(p.buttonOfKey, { card: label })}">${t(p.buttonKey)}</button>
  <dialog id="${dialogId}" aria-labelledby="${dialogId}-title">
    <h2 id="${dialogId}-title">${t('wallet.confirmDeleteTitle')}</h2>
    <p>${t('wallet.confirmDeleteText', { card: label })}</p>
    <form method="post" action="${p.action(card)}">
      ${csrfField(c.get('csrf'))}
      <button type="submit">${t('common.confirm')}</button>
      <button type="button" data-closes>${t('common.cancel')}</button>
    </form>
  </dialog>
</li>`;
})}
</ul>`;
}
