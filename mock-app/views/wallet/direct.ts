import { html } from 'hono/html';
import type { StoredCard } from '../../domain/cards.ts';
import type { Ctx } from '../../http/origin.ts';
import { cardList } from './cards.ts';

/** R3: the wallet's direct page. No registration, no personal data: just the linked cards. */
export function directView(c: Ctx, cards: StoredCard[]) {
  const t = c.get('t');
  return html`<h1>${t('wallet.directTitle')}</h1>
<section aria-labelledby="card-information">
  <h2 id="card-information">${t('wallet.cardInformation')}</h2>
  ${cardList(c, {
    cards,
    labelledBy: 'card-information',
    action: (card) => `/cards/${card.id}/delete`,
    buttonKey: 'wallet.deleteCard',
    buttonOfKey: 'wallet.deleteCardOf',
    emptyKey: 'wallet.noCards',
  })}
</section>`;
}
