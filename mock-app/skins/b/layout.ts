import { html, raw } from 'hono/html';
import type { Html } from '../../views/layout.ts';
import { B } from './texts.ts';

export type { Html };

const STYLE = `
  :root { --ink: #14213d; --accent: #0b6e4f; }
  body { font-family: Georgia, serif; margin: 0; color: var(--ink); background: #fbfaf7; }
  .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
  header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; padding: .6rem 2rem; border-bottom: 3px solid var(--accent); }
  header .brand { font-size: 1.3rem; color: var(--accent); text-decoration: none; font-weight: bold; }
  header nav { margin-left: auto; position: relative; }
  header nav ul { position: absolute; right: 0; background: #fff; border: 1px solid #ccc; list-style: none; padding: .5rem 1rem; min-width: 14rem; z-index: 2; }
  main { max-width: 52rem; margin: 2rem auto; padding: 0 2rem; }
  footer { border-top: 1px solid #ccc; padding: 1rem 2rem; font-size: .9rem; }
  footer ul { display: flex; gap: 1.5rem; list-style: none; padding: 0; }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .5rem; border-bottom: 1px solid #ddd; }
  fieldset { border: 1px solid #bbb; margin: 1rem 0; } label { display: block; margin: .6rem 0 .2rem; }
  label.option { display: flex; gap: .5rem; align-items: center; }
  .hint { font-size: .85rem; color: #555; margin: .1rem 0; } .problem { color: #9b1c1c; }
  [role=status] { border-left: 4px solid var(--accent); background: #eef7f2; padding: .5rem 1rem; }
  .button { display: inline-block; padding: .4rem .9rem; background: var(--accent); color: #fff; text-decoration: none; border-radius: 3px; }
  dialog::backdrop { background: rgb(0 0 0 / .4); }
`;

/**
 * The only script skin B needs: disclosure buttons (aria-expanded + aria-controls) show and hide
 * their target; [data-dialog] opens a modal <dialog>, [data-dismiss] closes it.
 */
const SCRIPT = `document.addEventListener('click', (e) => {
  const toggle = e.target.closest('button[aria-controls][aria-expanded]');
  if (toggle) {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    document.getElementById(toggle.getAttribute('aria-controls')).hidden = !open;
  }
  const opener = e.target.closest('[data-dialog]');
  if (opener) document.getElementById(opener.dataset.dialog).showModal();
  const dismiss = e.target.closest('[data-dismiss]');
  if (dismiss) dismiss.closest('dialog').close();
});`;

export interface DocumentProps {
  title: string;
  /** The site the page belongs to, in the tab title: "Northwind", "Northwind Pay", ... */
  site: string;
  header: Html;
  body: Html;
  footer?: Html;
  flash?: string;
  /** False drops `<html lang>` (fault help-lang-missing only: an accessibility regression on purpose). */
  lang?: boolean;
}

/** Skin B's HTML document: skip link, banner, main (flash first), footer. One h1 comes from `body`. */
export function document(p: DocumentProps): Html {
  return html`<!doctype html>
<html${p.lang === false ? '' : raw(' lang="en"')}>
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title} – ${p.site}</title><style>${raw(STYLE)}</style></head>
<body>
<a class="skip" href="#content">${B.skip}</a>
<header>${p.header}</header>
<main id="content">
${p.flash ? html`<p role="status">${p.flash}</p>` : ''}
${p.body}
</main>
${p.footer ? html`<footer>${p.footer}</footer>` : ''}
<script>${raw(SCRIPT)}</script>
</body></html>`;
}

/** A labelled field with its hint and inline problem (aria-invalid, aria-describedby). */
export function field(p: {
  id: string;
  label: string;
  name?: string;
  type?: string;
  value?: string;
  autocomplete?: string;
  inputmode?: string;
  hint?: string;
  problem?: string;
  required?: boolean;
}): Html {
  const described = [p.hint ? `${p.id}-hint` : '', p.problem ? `${p.id}-problem` : '']
    .filter(Boolean)
    .join(' ');
  return html`<label for="${p.id}">${p.label}</label>
${p.hint ? html`<p class="hint" id="${p.id}-hint">${p.hint}</p>` : ''}
<input id="${p.id}" name="${p.name ?? p.id}" type="${p.type ?? 'text'}" autocomplete="${p.autocomplete ?? 'off'}" value="${p.value ?? ''}"
  ${p.inputmode ? html`inputmode="${p.inputmode}"` : ''} ${p.required === false ? '' : 'required'}
  ${described ? html`aria-describedby="${described}"` : ''} ${p.problem ? html`aria-invalid="true"` : ''}>
${p.problem ? html`<p class="problem" id="${p.id}-problem">${p.problem}</p>` : ''}`;
}

/** A labelled select; `options` are [value, text]; an empty first option when `placeholder` is set. */
export function choice(p: {
  id: string;
  label: string;
  options: readonly (readonly [string, string])[];
  value?: string;
  placeholder?: string;
  problem?: string;
}): Html {
  return html`<label for="${p.id}">${p.label}</label>
<select id="${p.id}" name="${p.id}" required ${p.problem ? html`aria-invalid="true" aria-describedby="${p.id}-problem"` : ''}>
  ${p.placeholder !== undefined ? html`<option value="">${p.placeholder}</option>` : ''}
  ${p.options.map(([value, text]) => html`<option value="${value}" ${value === p.value ? 'selected' : ''}>${text}</option>`)}
</select>
${p.problem ? html`<p class="problem" id="${p.id}-problem">${p.problem}</p>` : ''}`;
}

/** Every problem of a refused form in one alert, one line per field (the field named first). */
export function problems(lines: string[]): Html | '' {
  if (!lines.length) return '';
  return html`<div role="alert" class="problem"><ul>${lines.map((l) => html`<li>${l}</li>`)}</ul></div>`;
}
