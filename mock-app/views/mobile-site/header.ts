import { html } from 'hono/html';
import type { Ctx } from '../../http/origin.ts';

const THREE_BARS = html`<svg aria-hidden="true" focusable="false" width="22" height="22" viewBox="0 0 24 24"><path fill="currentColor" d="M3 5h18v2H3zm0 6h18v2H3zm0 6h18v2H3z"/></svg>`;

/** The mobile site's top bar: the three-bar menu button (top left) opens the menu as a modal drawer. */
export function mobileSiteHeader(c: Ctx) {
  const t = c.get('t');
  const menu = t('mobile.site.menu');
  return html`<button type="button" data-opens="site-menu" aria-label="${menu}" aria-haspopup="dialog">${THREE_BARS}</button>
<a href="/"><strong>${t('mobile.site.name')}</strong></a>
<span>${c.get('account')?.email ?? ''}</span>
<dialog id="site-menu" aria-label="${menu}" style="margin:0;height:100vh;max-height:100vh">
  <button type="button" data-closes aria-label="${t('mobile.site.closeMenu')}">×</button>
  <nav aria-label="${menu}">
    <ul>
      <li><a href="/">${t('mobile.site.home')}</a></li>
      <li><a href="/categories">${t('mobile.site.categories')}</a></li>
      <li><a href="/help">${t('mobile.site.helpCenter')}</a></li>
    </ul>
  </nav>
</dialog>`;
}
