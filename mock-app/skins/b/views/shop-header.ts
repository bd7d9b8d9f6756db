import { html } from 'hono/html';
import type { Ctx, MockContext } from '../../../http/origin.ts';
import { csrfField } from '../../../views/layout.ts';
import { B, fill } from '../texts.ts';

/**
 * The shop's banner, also shown by the wallet. "Your account" is a disclosure button; the entries it
 * shows are a plain list with no accessible name. Support is not among them (footer and URL only).
 */
export function shopHeader(c: Ctx, mock: MockContext) {
  const account = c.get('account');
  const shop = mock.urls.shop;
  return html`<a class="brand" href="${shop}/">${B.site}</a>
<nav aria-label="${B.header.yourAccount}">
  ${
    account
      ? html`<button type="button" aria-expanded="false" aria-controls="account-menu">${B.header.yourAccount}</button>
  <ul id="account-menu" hidden>
    <li>${fill(B.header.signedInAs, { email: account.email })}</li>
    <li><a href="${shop}/purchases">${B.header.purchases}</a></li>
    <li><a href="${shop}/claims">${B.header.claims}</a></li>
    <li><a href="${mock.urls.wallet}/wallet">${B.pay}</a></li>
    <li><form method="post" action="${shop}/account/logout">${csrfField(c.get('csrf'))}<button type="submit">${B.header.logOut}</button></form></li>
  </ul>`
      : html`<a href="${shop}/account/login">${B.header.logIn}</a> · <a href="${shop}/account/register">${B.header.register}</a>`
  }
</nav>`;
}
