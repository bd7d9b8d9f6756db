import { html } from 'hono/html';
import type { Ctx } from '../../http/origin.ts';

/** The buyer centre's own top bar: back to the marketplace, and who is signed in. */
export function helpHeader(c: Ctx, shopUrl: string) {
  const t = c.get('t');
  const account = c.get('account');
  return html`<a href="${shopUrl}/"><strong>${t('common.siteName')}</strong></a>
<span>${t('help.title')}</span>
${account ? html`<span>${account.email}</span>` : html`<a href="${shopUrl}/signin">${t('common.signIn')}</a>`}`;
}
