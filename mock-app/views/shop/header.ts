import { html } from 'hono/html';
import type { Ctx } from '../../http/origin.ts';
import { csrfField } from '../layout.ts';

export function shopHeader(c: Ctx, shopUrl: string) {
  const t = c.get('t');
  const account = c.get('account');
  return html`<a href="${shopUrl}/"><strong>${t('common.siteName')}</strong></a>
<nav aria-label="${t('common.siteName')}">
  ${
    account
      ? html`<span>${account.email}</span>
      <form method="post" action="${shopUrl}/signout" style="display:inline">${csrfField(c.get('csrf'))}<button>${t('common.signOut')}</button></form>`
      : html`<a href="${shopUrl}/signin">${t('common.signIn')}</a>`
  }
</nav>`;
}
