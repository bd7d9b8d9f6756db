import { html } from 'hono/html';
import { SUPPORT_CATEGORIES, type Ticket } from '../../domain/tickets.ts';
import type { Ctx } from '../../http/origin.ts';
import { csrfField } from '../layout.ts';

export type SupportField = 'category' | 'description';

/** F10: "Contact support": a category and a description, answered with a ticket number. */
export function supportForm(c: Ctx, p: { category?: string; description?: string; errors: SupportField[] }) {
  const t = c.get('t');
  const bad = (f: SupportField) => p.errors.includes(f);
  return html`<h1>${t('shop.support.title')}</h1>
<p>${t('shop.support.intro')}</p>
${p.errors.length ? html`<p class="error" role="alert">${p.errors.map((e) => t(`shop.support.errors.${e}`)).join(' ')}</p>` : ''}
<form method="post" action="/support" novalidate>
  ${csrfField(c.get('csrf'))}
  <label for="category">${t('shop.support.category')}</label>
  <select id="category" name="category" required ${bad('category') ? html`aria-invalid="true"` : ''}>
    ${SUPPORT_CATEGORIES.map(
      (k) =>
        html`<option value="${k}" ${p.category === k ? 'selected' : ''}>${t(`shop.support.categories.${k}`)}</option>`,
    )}
  </select>
  <label for="description">${t('shop.support.description')}</label>
  <textarea id="description" name="description" rows="6" required minlength="10" maxlength="2000" ${bad('description') ? html`aria-invalid="true"` : ''}>${p.description ?? ''}</textarea>
  <p><button type="submit">${t('shop.support.submit')}</button></p>
</form>`;
}

export function ticketView(c: Ctx, ticket: Ticket) {
  const t = c.get('t');
  return html`<h1>${t('shop.support.ticketTitle')}</h1>
<p role="status">${t('shop.support.ticket', { ticket: ticket.id })}</p>
<p>${t('shop.support.category')}: ${t(`shop.support.categories.${ticket.category}`)}</p>`;
}
