import { html } from 'hono/html';
import type { StoredCard } from '../../domain/cards.ts';
import type { Ctx } from '../../http/origin.ts';
import { cardSection, confirmRemoval, listKeys } from '../card-list.ts';

/** R4: "check cards" lists the profile's cards, each with a "delete" icon opposite it and a confirm dialog. */
export function helpCardsView(c: Ctx, cards: StoredCard[]) {
  const t = c.get('t');
  const remove = confirmRemoval('help', (card) => `/buyercenter/cards/${card.id}/delete`, { icon: true });
  const section = { id: 'linked-cards', heading: t('help.linkedCards') };
  return html`<h1>${t('help.title')}</h1>
${cardSection(c, section, { cards, keys: listKeys('help'), control: remove })}
<p><a href="/buyercenter/questionAnswer.htm">${t('help.backToQuestions')}</a></p>`;
}
