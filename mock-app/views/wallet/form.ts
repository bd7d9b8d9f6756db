import { html } from 'hono/html';
import type { Ctx } from '../../http/origin.ts';

/**
 * A labelled input with its inline error (aria-invalid + aria-describedby) when `error` (a locale
 * key) or `errorText` (a sentence already in the page's language) is set.
 */
export function input(
  c: Ctx,
  p: {
    id: string;
    label: string;
    error?: string;
    errorText?: string;
    type?: string;
    value?: string;
    autocomplete?: string;
    inputmode?: string;
    required?: boolean;
  },
) {
  const t = c.get('t');
  const error = p.errorText ?? (p.error ? t(p.error) : undefined);
  return html`<label for="${p.id}">${p.label}</label>
<input id="${p.id}" name="${p.id}" type="${p.type ?? 'text'}" autocomplete="${p.autocomplete ?? 'off'}" value="${p.value ?? ''}"
  ${p.inputmode ? html`inputmode="${p.inputmode}"` : ''} ${p.required === false ? '' : 'required'}
  ${error ? html`aria-invalid="true" aria-describedby="${p.id}-error"` : ''}>
${error ? html`<p id="${p.id}-error" class="error">${error}</p>` : ''}`;
}

/** A labelled select of `options` ([value, text]) with its inline error. */
export function select(
  c: Ctx,
  p: { id: string; label: string; error?: string; value?: string; options: [string, string][] },
) {
  const t = c.get('t');
  return html`<label for="${p.id}">${p.label}</label>
<select id="${p.id}" name="${p.id}" required ${p.error ? html`aria-invalid="true" aria-describedby="${p.id}-error"` : ''}>
  <option value=""></option>
  ${p.options.map(([value, text]) => html`<option value="${value}" ${value === p.value ? 'selected' : ''}>${text}</option>`)}
</select>
${p.error ? html`<p id="${p.id}-error" class="error">${t(p.error)}</p>` : ''}`;
}
