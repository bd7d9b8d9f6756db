import { html } from 'hono/html';
import { SIGN_UP_COUNTRIES } from '../../domain/payment-methods.ts';
import type { Ctx } from '../../http/origin.ts';
import { csrfField } from '../layout.ts';

export type SignUpField = 'email' | 'emailTaken' | 'password' | 'name' | 'country';

export interface SignUpForm {
  email?: string;
  name?: string;
  country?: string;
  next?: string;
}

/** Sign-up: email, password, name, country (the country decides the payment methods, F1). */
export function signUpForm(c: Ctx, p: { form: SignUpForm; errors: SignUpField[] }) {
  const t = c.get('t');
  const err = (field: SignUpField, id: string) =>
    p.errors.includes(field)
      ? html`<p id="${id}-error" class="error">${t(`shop.signUp.errors.${field}`)}</p>`
      : '';
  const invalid = (bad: boolean, id: string) =>
    bad ? html`aria-invalid="true" aria-describedby="${id}-error"` : '';
  const emailBad = p.errors.includes('email') || p.errors.includes('emailTaken');
  return html`<h1>${t('shop.signUp.title')}</h1>
${p.errors.length ? html`<p class="error" role="alert">${p.errors.map((e) => t(`shop.signUp.errors.${e}`)).join(' ')}</p>` : ''}
<form method="post" action="/signup" novalidate>
  ${csrfField(c.get('csrf'))}
  <input type="hidden" name="next" value="${p.form.next ?? ''}">
  <label for="email">${t('common.email')}</label>
  <input id="email" name="email" type="email" autocomplete="username" required value="${p.form.email ?? ''}" ${invalid(emailBad, 'email')}>
  ${err('email', 'email')}${err('emailTaken', 'email')}
  <label for="password">${t('common.password')}</label>
  <input id="password" name="password" type="password" autocomplete="new-password" required minlength="8" aria-describedby="password-hint" ${invalid(p.errors.includes('password'), 'password')}>
  <p id="password-hint">${t('shop.signUp.passwordHint')}</p>
  ${err('password', 'password')}
  <label for="name">${t('shop.signUp.name')}</label>
  <input id="name" name="name" type="text" autocomplete="name" required value="${p.form.name ?? ''}" ${invalid(p.errors.includes('name'), 'name')}>
  ${err('name', 'name')}
  <label for="country">${t('shop.signUp.country')}</label>
  <select id="country" name="country" required ${invalid(p.errors.includes('country'), 'country')}>
    ${SIGN_UP_COUNTRIES.map(
      (code) =>
        html`<option value="${code}" ${p.form.country === code ? 'selected' : ''}>${t(`shop.countries.${code}`)}</option>`,
    )}
  </select>
  ${err('country', 'country')}
  <p><button type="submit">${t('shop.signUp.submit')}</button></p>
</form>`;
}
