import { html, raw } from 'hono/html';
import type { Ctx } from '../../http/origin.ts';
import type { Html } from '../layout.ts';

// A phone-sized app screen: an app bar, one column at most 420px wide, large touch targets.
const STYLE = `
  body { font-family: system-ui, sans-serif; margin: 0; background: #e9e9ee; color: #1b1b1f; }
  .phone { max-width: 420px; min-height: 100vh; margin: 0 auto; background: #fff; }
  .appbar { display: flex; gap: .75rem; align-items: center; padding: .75rem 1rem; background: #d4380d; color: #fff; }
  .appbar a { color: #fff; }
  main { padding: 1rem; }
  nav ul, ul.cards { list-style: none; padding: 0; margin: 0; }
  nav li a { display: block; padding: .9rem .5rem; border-bottom: 1px solid #eee; text-decoration: none; color: inherit; }
  [role=tablist] { display: flex; border-bottom: 2px solid #eee; margin-bottom: .75rem; }
  [role=tab] { flex: 1; text-align: center; padding: .75rem .25rem; text-decoration: none; color: #555; }
  [role=tab][aria-selected=true] { color: #d4380d; border-bottom: 2px solid #d4380d; font-weight: 600; }
  ul.cards li { display: flex; justify-content: space-between; align-items: center; padding: .75rem 0; border-bottom: 1px solid #eee; }
  button { min-height: 44px; min-width: 44px; }
  [role=status] { background: #e7f6ea; padding: .5rem 1rem; }
`;

/** The mobile app's own document (it is an app, not a page of the shop). */
export function appScreen(c: Ctx, p: { title: string; body: Html; back?: string }): Html {
  const t = c.get('t');
  const flash = c.get('flash');
  return html`<!doctype html>
<html lang="${c.get('locale')}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title} · ${t('mobile.app.name')}</title><style>${raw(STYLE)}</style></head>
<body><div class="phone">
<header class="appbar">${p.back ? html`<a href="${p.back}">${t('mobile.app.back')}</a>` : ''}<strong>${t('mobile.app.name')}</strong></header>
<main>
${flash ? html`<p role="status">${flash}</p>` : ''}
${p.body}
</main>
</div></body></html>`;
}
