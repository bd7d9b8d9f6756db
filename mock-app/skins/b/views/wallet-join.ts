import { html } from 'hono/html';
import { CITIZENSHIPS, DOCUMENT_TYPES, SECURITY_QUESTIONS } from '../../../domain/wallet.ts';
import type { Ctx } from '../../../http/origin.ts';
import { csrfField } from '../../../views/layout.ts';
import { choice, field, type Html, problems } from '../layout.ts';
import { fill } from '../texts.ts';
import { PAY } from '../texts-wallet.ts';

type Form = Record<string, string | undefined>;
type Errors = readonly string[];

const step = (n: number) => html`<p>${fill(PAY.stepOf, { n })}</p>`;
const problemOf = (errors: Errors, key: keyof typeof PAY.errors, field: string = key) =>
  errors.includes(field) ? PAY.errors[key] : undefined;

function form(c: Ctx, action: string, body: Html, submit: string) {
  return html`<form method="post" action="${action}" novalidate>
  ${csrfField(c.get('csrf'))}
  ${body}
  <p><button type="submit">${submit}</button></p>
</form>`;
}

/** R2's landing for a buyer without a wallet account. */
export function startView() {
  return html`<h1>${PAY.startTitle}</h1>
<p>${PAY.startIntro}</p>
<p><a class="button" href="/wallet/join">${PAY.start}</a></p>`;
}

/** Step 1 of 6: the email alone (prefilled, editable). Skin A asks email and captcha on one page. */
export function emailStepView(c: Ctx, p: { email: string; errors: Errors }) {
  return html`<h1>${PAY.emailTitle}</h1>${step(1)}
${problems(p.errors.includes('email') ? [PAY.errors.email] : [])}
${form(
  c,
  '/wallet/join',
  html`<fieldset><legend>${PAY.emailLegend}</legend>
  ${field({ id: 'join-email', name: 'email', label: PAY.email, type: 'email', autocomplete: 'email', value: p.email, problem: problemOf(p.errors, 'email') })}
  </fieldset>`,
  PAY.continue,
)}`;
}

/** Step 2: the captcha image (its answer is nowhere in the page); sending it sends the mail. */
export function humanStepView(c: Ctx, p: { email: string; captchaId: string; errors: Errors }) {
  return html`<h1>${PAY.humanTitle}</h1>${step(2)}
${problems(p.errors.includes('captcha') ? [PAY.errors.captcha] : [])}
${form(
  c,
  '/wallet/join/check',
  html`<input type="hidden" name="email" value="${p.email}">
  <input type="hidden" name="captcha_id" value="${p.captchaId}">
  <fieldset><legend>${PAY.humanLegend}</legend>
  <img src="/wallet/captcha/${p.captchaId}.svg" alt="${PAY.captchaImage}" width="190" height="60">
  ${field({ id: 'join-captcha', name: 'captcha', label: PAY.captchaLabel, problem: problemOf(p.errors, 'captcha') })}
  </fieldset>`,
  PAY.sendLink,
)}`;
}

function resendForm(c: Ctx) {
  return html`<form method="post" action="/wallet/join/resend">${csrfField(c.get('csrf'))}<button type="submit">${PAY.resend}</button></form>`;
}

/** Step 3: "Check your inbox", with "Resend the email". */
export function sentStepView(c: Ctx, p: { email: string; again: boolean }) {
  return html`<h1>${PAY.sentTitle}</h1>${step(3)}
<p>${fill(p.again ? PAY.sentAgain : PAY.sentText, { email: p.email })}</p>
${resendForm(c)}`;
}

export function expiredLinkView(c: Ctx) {
  return html`<h1>${PAY.expiredTitle}</h1>
<p>${PAY.expiredText}</p>
${resendForm(c)}`;
}

/** Step 4: the payment PIN twice (skin A asks it with the security questions on one page). */
export function pinStepView(c: Ctx, p: { errors: Errors; note?: string }) {
  return html`<h1>${PAY.pinTitle}</h1>${step(4)}
${problems([...(p.note ? [p.note] : []), ...p.errors.map((e) => PAY.errors[e as keyof typeof PAY.errors])])}
${form(
  c,
  '/wallet/join/pin',
  html`<fieldset><legend>${PAY.pinLegend}</legend>
  <p class="hint" id="pin-hint">${PAY.pinHint}</p>
  ${field({ id: 'pin', label: PAY.pin, type: 'password', inputmode: 'numeric', autocomplete: 'new-password', problem: problemOf(p.errors, 'password') })}
  ${field({ id: 'pin-repeat', name: 'pin_repeat', label: PAY.pinRepeat, type: 'password', inputmode: 'numeric', autocomplete: 'new-password', problem: problemOf(p.errors, 'passwordRepeat') })}
  </fieldset>`,
  PAY.continue,
)}`;
}

/** Step 5: three questions, one fieldset each ("Question 1" ...) holding "Question" and "Your answer". */
export function questionsStepView(c: Ctx, p: { form: Form; errors: Errors }) {
  const options = SECURITY_QUESTIONS.map((q) => [q, PAY.questions[q]] as const);
  const lines = [
    ...(p.errors.some((e) => e.startsWith('question')) ? [PAY.errors.question] : []),
    ...(p.errors.some((e) => e.startsWith('answer')) ? [PAY.errors.answer] : []),
  ];
  return html`<h1>${PAY.questionsTitle}</h1>${step(5)}
${problems(lines)}
${form(
  c,
  '/wallet/join/questions',
  html`${[1, 2, 3].map(
    (n) => html`<fieldset><legend>${fill(PAY.questionsLegend, { n })}</legend>
    ${choice({ id: `question${n}`, label: PAY.question, placeholder: '', options, value: p.form[`question${n}`], problem: problemOf(p.errors, 'question', `question${n}`) })}
    ${field({ id: `answer${n}`, label: PAY.answer, value: (p.form[`answer${n}`] ?? '').slice(0, 100), problem: problemOf(p.errors, 'answer', `answer${n}`) })}
  </fieldset>`,
  )}`,
  PAY.continue,
)}`;
}

/** Step 6: identity in three fieldsets (skin A: one flat form). */
export function identityStepView(c: Ctx, p: { form: Form; errors: Errors }) {
  const f = (
    id: 'fullName' | 'birthDate' | 'documentNumber' | 'address' | 'phone',
    label: string,
    extra: { type?: string; autocomplete?: string; required?: boolean } = {},
  ) =>
    field({ id, label, value: (p.form[id] ?? '').slice(0, 200), problem: problemOf(p.errors, id), ...extra });
  return html`<h1>${PAY.aboutTitle}</h1>${step(6)}
${problems(p.errors.map((e) => PAY.errors[e as keyof typeof PAY.errors]))}
${form(
  c,
  '/wallet/join/identity',
  html`<fieldset><legend>${PAY.aboutYou}</legend>
    ${f('fullName', PAY.legalName, { autocomplete: 'name' })}
    ${f('birthDate', PAY.dateOfBirth, { type: 'date', autocomplete: 'bday' })}
    ${choice({ id: 'citizenship', label: PAY.nationality, placeholder: '', value: p.form.citizenship, options: CITIZENSHIPS.map((k) => [k, PAY.nationalities[k]] as const), problem: problemOf(p.errors, 'citizenship') })}
  </fieldset>
  <fieldset><legend>${PAY.documentLegend}</legend>
    ${choice({ id: 'documentType', label: PAY.documentType, placeholder: '', value: p.form.documentType, options: DOCUMENT_TYPES.map((k) => [k, PAY.documents[k]] as const), problem: problemOf(p.errors, 'documentType') })}
    ${f('documentNumber', PAY.documentNumber, { required: false })}
  </fieldset>
  <fieldset><legend>${PAY.contactLegend}</legend>
    ${f('address', PAY.homeAddress, { autocomplete: 'street-address' })}
    ${f('phone', PAY.mobile, { type: 'tel', autocomplete: 'tel' })}
  </fieldset>`,
  PAY.finish,
)}`;
}
