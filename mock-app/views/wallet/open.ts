import { html } from 'hono/html';
import { CITIZENSHIPS, DOCUMENT_TYPES, SECURITY_QUESTIONS } from '../../domain/wallet.ts';
import type { Ctx } from '../../http/origin.ts';
import { csrfField } from '../layout.ts';
import { input, select } from './form.ts';

/** R2, step 1: a buyer without a wallet account opens "My wallet". */
export function landingView(c: Ctx) {
  const t = c.get('t');
  return html`<h1>${t('wallet.openTitle')}</h1>
<p>${t('wallet.openIntro')}</p>
<p><a href="/open" role="button">${t('wallet.openNow')}</a></p>`;
}

/** R2, step 2: email (prefilled, editable) and a captcha shown as an image whose answer is not in the page. */
export function openFormView(c: Ctx, p: { email: string; captchaId: string; errors: string[] }) {
  const t = c.get('t');
  return html`<h1>${t('wallet.openTitle')}</h1>
<form method="post" action="/open">
  ${csrfField(c.get('csrf'))}
  ${input(c, {
    id: 'email',
    label: t('common.email'),
    type: 'email',
    value: p.email,
    autocomplete: 'email',
    error: p.errors.includes('email') ? 'wallet.errors.email' : undefined,
  })}
  <p><img src="/captcha/${p.captchaId}.svg" alt="${t('wallet.captchaImage')}" width="190" height="60"></p>
  <input type="hidden" name="captchaId" value="${p.captchaId}">
  ${input(c, {
    id: 'captcha',
    label: t('wallet.captchaLabel'),
    error: p.errors.includes('captcha') ? 'wallet.errors.captcha' : undefined,
  })}
  <p><button type="submit">${t('wallet.sendConfirmation')}</button></p>
</form>
<p><a href="/open">${t('wallet.captchaNew')}</a></p>`;
}

function resendForm(c: Ctx) {
  const t = c.get('t');
  return html`<form method="post" action="/open/resend">${csrfField(c.get('csrf'))}<button type="submit">${t('wallet.resend')}</button></form>`;
}

export function sentView(c: Ctx, p: { email: string; again: boolean }) {
  const t = c.get('t');
  return html`<h1>${t('wallet.sentTitle')}</h1>
<p>${t(p.again ? 'wallet.sentAgain' : 'wallet.sentText', { email: p.email })}</p>
${resendForm(c)}`;
}

export function linkExpiredView(c: Ctx) {
  const t = c.get('t');
  return html`<h1>${t('wallet.linkExpiredTitle')}</h1>
<p>${t('wallet.linkExpiredText')}</p>
${resendForm(c)}`;
}

/** R2, step 3: a 6-digit payment password twice and three security questions with answers. */
export function securityView(c: Ctx, p: { form: Record<string, string>; errors: string[] }) {
  const t = c.get('t');
  const err = (field: string, key: string) => (p.errors.includes(field) ? key : undefined);
  const questions = SECURITY_QUESTIONS.map((q) => [q, t(`wallet.questions.${q}`)] as [string, string]);
  return html`<h1>${t('wallet.securityTitle')}</h1>
<form method="post" action="/setup/security">
  ${csrfField(c.get('csrf'))}
  <fieldset>
    <legend>${t('wallet.paymentPasswordLegend')}</legend>
    ${input(c, {
      id: 'password',
      label: t('wallet.paymentPassword'),
      type: 'password',
      inputmode: 'numeric',
      autocomplete: 'new-password',
      error: err('password', 'wallet.errors.password'),
    })}
    ${input(c, {
      id: 'passwordRepeat',
      label: t('wallet.paymentPasswordRepeat'),
      type: 'password',
      inputmode: 'numeric',
      autocomplete: 'new-password',
      error: err('passwordRepeat', 'wallet.errors.passwordRepeat'),
    })}
  </fieldset>
  <fieldset>
    <legend>${t('wallet.securityQuestionsLegend')}</legend>
    ${[1, 2, 3].map(
      (n) => html`${select(c, {
        id: `question${n}`,
        label: t('wallet.securityQuestion', { n }),
        options: questions,
        value: p.form[`question${n}`],
        error: err(`question${n}`, 'wallet.errors.question'),
      })}
      ${input(c, {
        id: `answer${n}`,
        label: t('wallet.securityAnswer', { n }),
        value: (p.form[`answer${n}`] ?? '').slice(0, 100),
        error: err(`answer${n}`, 'wallet.errors.answer'),
      })}`,
    )}
  </fieldset>
  <p><button type="submit">${t('wallet.next')}</button></p>
</form>`;
}

/** R2, step 4: "Verify my identity". */
export function identityView(c: Ctx, p: { form: Record<string, string>; errors: string[] }) {
  const t = c.get('t');
  const field = (
    id: string,
    label: string,
    extra: { type?: string; autocomplete?: string; required?: boolean } = {},
  ) =>
    input(c, {
      id,
      label: t(label),
      value: (p.form[id] ?? '').slice(0, 200),
      error: p.errors.includes(id) ? `wallet.errors.${id}` : undefined,
      ...extra,
    });
  /** A select of `values`, each shown as `<optionsKey>.<value>`. */
  const choice = (id: 'citizenship' | 'documentType', values: readonly string[], optionsKey: string) =>
    select(c, {
      id,
      label: t(`wallet.${id}`),
      value: p.form[id],
      options: values.map((v) => [v, t(`${optionsKey}.${v}`)] as [string, string]),
      error: p.errors.includes(id) ? `wallet.errors.${id}` : undefined,
    });
  return html`<h1>${t('wallet.identityTitle')}</h1>
<form method="post" action="/setup/identity">
  ${csrfField(c.get('csrf'))}
  ${field('fullName', 'wallet.fullName', { autocomplete: 'name' })}
  ${field('birthDate', 'wallet.birthDate', { type: 'date', autocomplete: 'bday' })}
  ${choice('citizenship', CITIZENSHIPS, 'wallet.countries')}
  ${choice('documentType', DOCUMENT_TYPES, 'wallet.documents')}
  ${field('documentNumber', 'wallet.documentNumber', { required: false })}
  ${field('address', 'wallet.address', { autocomplete: 'street-address' })}
  ${field('phone', 'wallet.phone', { type: 'tel', autocomplete: 'tel' })}
  <p><button type="submit">${t('wallet.submit')}</button></p>
</form>`;
}
