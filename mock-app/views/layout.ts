import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface LayoutProps {
  title: string;
  /** The page's language; undefined leaves `<html>` without `lang` (fault help-lang-missing only). */
  lang: string | undefined;
  siteName: string;
  header?: Html;
  flash?: string;
  body: Html;
}

const STYLE = `
  body { font-family: system-ui, sans-serif; margin: 0; color: #1b1b1f; }
  header { display: flex; gap: 1rem; align-items: center; justify-content: space-between; padding: .75rem 1.5rem; background: #f2f2f5; }
  main { max-width: 44rem; margin: 1.5rem auto; padding: 0 1.5rem; }
  ul.cards { list-style: none; padding: 0; } ul.cards li { display: flex; justify-content: space-between; align-items: center; padding: .5rem 0; border-bottom: 1px solid #ddd; }
  label { display: block; margin: .5rem 0 .2rem; } .error { color: #a4001d; }
  [role=status] { background: #e7f6ea; padding: .5rem 1rem; }
  button { cursor: pointer; } dialog::backdrop { background: rgb(0 0 0 / .3); }
`;

// Opens a <dialog> named by data-opens; the only script the mock needs.
const SCRIPT = `document.addEventListener('click', (e) => {
  const opener = e.target.closest('[data-opens]');
  if (opener) document.getElementById(opener.dataset.opens).showModal();
  const closer = e.target.closest('[data-closes]');
  if (closer) closer.closest('dialog').close();
});`;

export function layout(p: LayoutProps): Html {
  return html`<!doctype html>
<html${p.lang ? html` lang="${p.lang}"` : ''}>
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title} · ${p.siteName}</title><style>${raw(STYLE)}</style></head>
<body>
<header>${p.header ?? html`<strong>${p.siteName}</strong>`}</header>
<main>
${p.flash ? html`<p role="status">${p.flash}</p>` : ''}
${p.body}
</main>
<script>${raw(SCRIPT)}</script>
</body></html>`;
}

export function csrfField(token: string): Html {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}
