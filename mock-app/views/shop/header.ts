import { html } from 'hono/html';
import type { Ctx } from '../../http/origin.ts';
import { csrfField } from '../layout.ts';
import { walletAccountUrl } from '../wallet/links.ts';

/**
 * Entries of the header's "My account" drop-down: [locale key, url]. Other origins' entries
 * (the wallet's "My wallet") go in this list too, one line each.
 */
export function accountEntries(shopUrl: string): [string, string][] {
  return [
    ['shop.account.orders', `${shopUrl}/orders`],
    ['shop.account.disputes', `${shopUrl}/disputes`],
    ['shop.account.support', `${shopUrl}/support`],
    ['wallet.myWallet', walletAccountUrl(shopUrl)],
  ];
}

/** The shop's header, also shown by the wallet: the "My account" panel opens a drop-down of entries. */
export function shopHeader(c: Ctx, shopUrl: string) {
  const t = c.get('t');
  const account = c.get('account');
  return html`<a href="${shopUrl}/"><strong>${t('common.siteName')}</strong></a>
<nav aria-label="${t('common.siteName')}">
  ${
    account
      ? html`<details class="account-panel">
    <summary role="button">${t('shop.account.panel')}</summary>
    <ul aria-label="${t('shop.account.panel')}">
      <li>${account.name} · ${account.email}</li>
      ${accountEntries(shopUrl).map(([key, href]) => html`<li><a href="${href}">${t(key)}</a></li>`)}
      <li><form method="post" action="${shopUrl}/signout">${csrfField(c.get('csrf'))}<button>${t('common.signOut')}</button></form></li>
    </ul>
  </details>`
      : html`<a href="${shopUrl}/signin">${t('common.signIn')}</a> <a href="${shopUrl}/signup">${t('shop.signUp.title')}</a>`
  }
</nav>`;
}
