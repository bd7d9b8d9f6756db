import { html } from 'hono/html';
import type { StoredCard } from '../../domain/cards.ts';
import type { Ctx } from '../../http/origin.ts';
import { cardSection, confirmRemoval, listKeys } from '../card-list.ts';

/** R3: the wallet's direct page. No registration, no personal data: just the linked cards. */
export function directView(c: Ctx, cards: StoredCard[]) {
  const t = c.get('t');
  const remove = confirmRemoval('wallet', (card) => `/cards/${card.id}/delete`);
  const list = { cards, labelledBy: 'card-information', keys: listKeys('wallet'), control: remove };
  return html`<h1>${t('wallet.directTitle')}</h1>
${cardSection(c, { id: 'card-information', heading: t('wallet.cardInformation') }, list)}`;
}
