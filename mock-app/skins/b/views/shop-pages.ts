import { html } from 'hono/html';
import type { Product } from '../../../domain/orders.ts';
import type { Ticket } from '../../../domain/tickets.ts';
import { SUPPORT_CATEGORIES } from '../../../domain/tickets.ts';
import { moneyText } from '../../../domain/wallet.ts';
import type { Ctx } from '../../../http/origin.ts';
import { csrfField } from '../../../views/layout.ts';
import { choice, field, problems } from '../layout.ts';
import { B, fill } from '../texts.ts';

export function homeView(products: Product[]) {
  return html`<h1>${B.home.title}</h1>
<ul>${products.map(
    (p) =>
      html`<li><a href="/item/${p.id}">${p.name}</a> <span>${fill(B.home.from, { price: moneyText(p.priceCents) })}</span></li>`,
  )}</ul>`;
}

export function itemView(p: Product) {
  return html`<h1>${p.name}</h1>
<p>${fill(B.item.price, { price: moneyText(p.priceCents) })}</p>
<p><a class="button" href="/pay?item=${p.id}">${B.item.buy}</a></p>`;
}

export function loginView(c: Ctx, p: { returnTo?: string; email?: string; failed?: boolean }) {
  return html`<h1>${B.login.title}</h1>
${p.failed ? problems([B.login.failed]) : ''}
<form method="post" action="/account/login">
  ${csrfField(c.get('csrf'))}
  <input type="hidden" name="return_to" value="${p.returnTo ?? ''}">
  ${field({ id: 'login-email', name: 'email', label: B.login.email, type: 'email', autocomplete: 'username', value: p.email })}
  ${field({ id: 'login-password', name: 'password', label: B.login.password, type: 'password', autocomplete: 'current-password' })}
  <p><button type="submit">${B.login.submit}</button></p>
</form>
<p>${B.login.noAccount} <a href="/account/register">${B.register.title}</a></p>`;
}

export type RegisterField = keyof typeof B.register.errors;

/** Sign-up: email, password and a mobile number (its calling code decides the country); no name. */
export function registerView(
  c: Ctx,
  p: { email?: string; phone?: string; returnTo?: string; errors: RegisterField[] },
) {
  const bad = (f: RegisterField) => (p.errors.includes(f) ? B.register.errors[f] : undefined);
  return html`<h1>${B.register.title}</h1>
${problems(p.errors.map((f) => B.register.errors[f]))}
<form method="post" action="/account/register" novalidate>
  ${csrfField(c.get('csrf'))}
  <input type="hidden" name="return_to" value="${p.returnTo ?? ''}">
  ${field({ id: 'reg-email', name: 'email', label: B.register.email, type: 'email', autocomplete: 'email', value: p.email, problem: bad('email') ?? bad('emailTaken') })}
  ${field({ id: 'reg-password', name: 'password', label: B.register.password, type: 'password', autocomplete: 'new-password', hint: B.register.passwordHint, problem: bad('password') })}
  ${field({ id: 'reg-phone', name: 'phone', label: B.register.phone, type: 'tel', autocomplete: 'tel', hint: B.register.phoneHint, value: p.phone, problem: bad('phone') })}
  <p><button type="submit">${B.register.submit}</button></p>
</form>`;
}

export type ContactField = keyof typeof B.contact.errors;

/** F10: reached from the footer's "Contact us" (and its URL), not from the account menu. */
export function contactView(c: Ctx, p: { topic?: string; message?: string; errors: ContactField[] }) {
  const bad = (f: ContactField) => (p.errors.includes(f) ? B.contact.errors[f] : undefined);
  return html`<h1>${B.contact.title}</h1>
<p>${B.contact.intro}</p>
${problems(p.errors.map((f) => B.contact.errors[f]))}
<form method="post" action="/contact" novalidate>
  ${csrfField(c.get('csrf'))}
  ${choice({
    id: 'topic',
    label: B.contact.topic,
    placeholder: '',
    value: p.topic,
    options: SUPPORT_CATEGORIES.map((k) => [k, B.contact.topics[k]] as const),
    problem: bad('topic'),
  })}
  <label for="message">${B.contact.message}</label>
  <p class="hint" id="message-hint">${B.contact.messageHint}</p>
  <textarea id="message" name="message" rows="7" required minlength="10" maxlength="2000"
    aria-describedby="message-hint${p.errors.includes('message') ? ' message-problem' : ''}" ${p.errors.includes('message') ? html`aria-invalid="true"` : ''}>${p.message ?? ''}</textarea>
  ${bad('message') ? html`<p class="problem" id="message-problem">${bad('message')}</p>` : ''}
  <p><button type="submit">${B.contact.submit}</button></p>
</form>`;
}

export function receivedView(ticket: Ticket) {
  return html`<h1>${B.contact.receivedTitle}</h1>
<p role="status">${fill(B.contact.reference, { ticket: ticket.id })}</p>
<p>${fill(B.contact.about, { topic: B.contact.topics[ticket.category] })}</p>`;
}
