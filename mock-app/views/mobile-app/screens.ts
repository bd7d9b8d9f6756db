import { html } from 'hono/html';
import type { Account } from '../../domain/accounts.ts';
import type { StoredCard } from '../../domain/cards.ts';
import type { Ctx } from '../../http/origin.ts';
import { cardList, listKeys } from '../card-list.ts';

/** The app's home: its main menu. `profileLabel` is "My Profile" (or the drifted label under a fault). */
export function homeView(c: Ctx, p: { account: Account; profileLabel: string }) {
  const t = c.get('t');
  return html`<h1>${t('mobile.app.home')}</h1>
<p>${t('mobile.app.welcome', { name: p.account.name })}</p>
<nav aria-label="${t('mobile.app.mainMenu')}">
  <ul>
    <li><a href="/">${t('mobile.app.home')}</a></li>
    <li><a href="/orders">${t('mobile.app.orders')}</a></li>
    <li><a href="/profile">${p.profileLabel}</a></li>
    <li><a href="/messages">${t('mobile.app.messages')}</a></li>
  </ul>
</nav>`;
}

type Tab = 'details' | 'cards';

/** "My Profile" with two tabs; only the selected tab's panel is rendered (each tab is its own URL). */
export function profileView(
  c: Ctx,
  p: { account: Account; profileLabel: string; tab: Tab; cards: StoredCard[] },
) {
  const t = c.get('t');
  const tab = (id: Tab, href: string, key: string) =>
    html`<a role="tab" id="tab-${id}" href="${href}" aria-selected="${p.tab === id ? 'true' : 'false'}"${p.tab === id ? html` aria-controls="panel-${id}"` : ''}>${t(key)}</a>`;
  return html`<h1>${p.profileLabel}</h1>
<div role="tablist" aria-label="${t('mobile.app.profileTabs')}">
  ${tab('details', '/profile', 'mobile.app.myDetails')}
  ${tab('cards', '/profile/cards', 'mobile.app.myBankCards')}
</div>
<section role="tabpanel" id="panel-${p.tab}" aria-labelledby="tab-${p.tab}">
  ${p.tab === 'details' ? detailsPanel(c, p.account) : cardsPanel(c, p.cards)}
</section>`;
}

function detailsPanel(c: Ctx, account: Account) {
  const t = c.get('t');
  return html`<dl>
  <dt>${t('mobile.app.email')}</dt><dd>${account.email}</dd>
  <dt>${t('mobile.app.country')}</dt><dd>${account.country}</dd>
</dl>`;
}

/** R5: each card with "delete" next to it (no confirm step); no cards left -> the empty-state text. */
function cardsPanel(c: Ctx, cards: StoredCard[]) {
  return cardList(c, {
    cards,
    keys: listKeys('mobile.app'),
    control: {
      kind: 'post',
      action: (card) => `/profile/cards/${card.id}/delete`,
      keys: { button: 'mobile.app.delete', buttonOf: 'mobile.app.deleteOf' },
    },
  });
}
