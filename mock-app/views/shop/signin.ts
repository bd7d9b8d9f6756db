import { html } from 'hono/html';
import type { Ctx } from '../../http/origin.ts';
import { csrfField } from '../layout.ts';

export function signInForm(c: Ctx, p: { next?: string; email?: string; failed?: boolean }) {
  const t = c.get('t');
  return html`<h1>${t('common.signIn')}</h1>
${p.failed ? html`<p class="error" role="alert">${t('common.wrongCredentials')}</p>` : ''}
<form method="post" action="/signin">
  ${csrfField(c.get('csrf'))}
  <input type="hidden" name="next" value="${p.next ?? ''}">
  <label for="email">${t('common.email')}</label>
  <input id="email" name="email" type="email" autocomplete="username" required value="${p.email ?? ''}">
  <label for="password">${t('common.password')}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <p><button type="submit">${t('common.signIn')}</button></p>
</form>`;
}
