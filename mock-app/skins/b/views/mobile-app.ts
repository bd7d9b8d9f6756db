import { html, raw } from 'hono/html';
import { cardLabel } from '../../../domain/card-input.ts';
import type { StoredCard } from '../../../domain/cards.ts';
import type { Ctx } from '../../../http/origin.ts';
import { expiryText } from '../../../views/card-list.ts';
import { csrfField } from '../../../views/layout.ts';
import type { Html } from '../layout.ts';
import { fill } from '../texts.ts';
import { APP } from '../texts-sites.ts';

const STYLE = `
  body { font-family: system-ui, sans-serif; margin: 0; background: #dfe7e3; color: #102a22; }
  .phone { max-width: 420px; min-height: 100vh; margin: 0 auto; background: #fff; display: flex; flex-direction: column; }
  .top { padding: .75rem 1rem; background: #0b6e4f; color: #fff; display: flex; gap: 1rem; } .top a { color: #fff; }
  main { padding: 1rem; flex: 1; }
  nav.tabs ul { display: flex; list-style: none; margin: 0; padding: 0; border-top: 1px solid #ccc; }
  nav.tabs a { display: block; padding: .9rem .5rem; text-align: center; min-width: 4.5rem; color: inherit; }
  nav.tabs a[aria-current=page] { font-weight: 700; color: #0b6e4f; }
  ul.rows { list-style: none; padding: 0; } ul.rows li { display: flex; justify-content: space-between; align-items: center; padding: .8rem 0; border-bottom: 1px solid #eee; }
  a, button { min-height: 44px; } [role=status] { background: #e6f4ee; padding: .5rem 1rem; }
`;

export type AppTab = 'home' | 'orders' | 'inbox' | 'account';

/**
 * The app's own document: a top bar (back link), the screen, and a bottom tab bar (the main menu) on
 * every screen. `accountLabel` is "Account", or the drifted label under mobile-label-drift.
 */
export function appShell(
  c: Ctx,
  p: { title: string; body: Html; current?: AppTab; back?: string; accountLabel: string },
): Html {
  const flash = c.get('flash');
  const tab = (id: AppTab, href: string, text: string) =>
    html`<li><a href="${href}" ${p.current === id ? html`aria-current="page"` : ''}>${text}</a></li>`;
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title} · ${APP.name}</title><style>${raw(STYLE)}</style></head>
<body><div class="phone">
<header class="top">${p.back ? html`<a href="${p.back}">${APP.back}</a>` : ''}<strong>${APP.name}</strong></header>
<main>
${flash ? html`<p role="status">${flash}</p>` : ''}
${p.body}
</main>
<nav class="tabs" aria-label="${APP.tabs}"><ul>
  ${tab('home', '/', APP.home)}${tab('orders', '/orders', APP.orders)}${tab('inbox', '/inbox', APP.inbox)}${tab('account', '/account', p.accountLabel)}
</ul></nav>
</div></body></html>`;
}

/** "Account": a list of links, each to a page of its own (no tabs). */
export function accountView(accountLabel: string) {
  return html`<h1>${accountLabel}</h1>
<ul class="rows" aria-label="${APP.accountMenu}">
  <li><a href="/account/details">${APP.details}</a></li>
  <li><a href="/account/bank-cards">${APP.bankCards}</a></li>
  <li><a href="/account/addresses">${APP.addresses}</a></li>
</ul>`;
}

export function detailsView(account: { email: string; country: string }) {
  return html`<h1>${APP.details}</h1>
<dl><dt>${APP.email}</dt><dd>${account.email}</dd><dt>${APP.country}</dt><dd>${account.country}</dd></dl>`;
}

/** R5: "My bank cards", its own page; "Remove" next to each card leads to a confirm screen. */
export function bankCardsView(cards: StoredCard[]) {
  if (!cards.length) return html`<h1>${APP.bankCards}</h1><p>${APP.noCards}</p>`;
  return html`<h1>${APP.bankCards}</h1>
<ul class="rows">${cards.map(
    (
      card,
    ) => html`<li><span>${cardLabel(card)}<br><small>${fill(APP.expires, { expiry: expiryText(card) })}</small></span>
  <a href="/account/bank-cards/${card.id}/remove">${APP.remove}</a></li>`,
  )}</ul>`;
}

/** The app asks before it removes (skin A's app does not). */
export function removeCardView(c: Ctx, card: StoredCard) {
  return html`<h1>${APP.confirmTitle}</h1>
<p>${fill(APP.confirmText, { card: cardLabel(card) })}</p>
<form method="post" action="/account/bank-cards/${card.id}/remove">
  ${csrfField(c.get('csrf'))}
  <p><button type="submit">${APP.confirm}</button></p>
</form>
<p><a href="/account/bank-cards">${APP.back}</a></p>`;
}
