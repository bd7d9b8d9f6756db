import { html } from 'hono/html';
import type { StoredCard } from '../../domain/cards.ts';
import type { Ctx } from '../../http/origin.ts';
import { cardSection, confirmRemoval, listKeys } from '../card-list.ts';

/**
 * R3: the wallet's direct page. No registration, no personal data: just the linked cards (`asks`:
 * fields the removal demands anyway, under fault remove-asks-birth-date; `missing`: not given).
 */
export function directView(c: Ctx, cards: StoredCard[], asks: readonly 'birthDate'[] = [], missing = false) {
  const t = c.get('t');
  const fields = (card: StoredCard) =>
    html`${asks.map(
      (field) => html`<label for="${field}-${card.id}">${t(`wallet.${field}`)}</label>
      <input id="${field}-${card.id}" name="${field}" type="date" autocomplete="bday" required${missing ? html` aria-invalid="true"` : ''}>`,
    )}`;
  const remove = confirmRemoval(
    'wallet',
    (card) => `/cards/${card.id}/delete`,
    asks.length ? { fields } : {},
  );
  const list = { cards, labelledBy: 'card-information', keys: listKeys('wallet'), control: remove };
  return html`<h1>${t('wallet.directTitle')}</h1>
${missing ? html`<p class="error" role="alert">${t(`wallet.errors.${asks[0]}`)}</p>` : ''}
${cardSection(c, { id: 'card-information', heading: t('wallet.cardInformation') }, list)}`;
}
