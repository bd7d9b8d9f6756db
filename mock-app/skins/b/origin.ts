import { html } from 'hono/html';
import { type Ctx, createOrigin, type MockContext } from '../../http/origin.ts';
import { document, type Html } from './layout.ts';
import { B } from './texts.ts';

/** Where skin B's shop signs a buyer in; `return_to` brings them back (only to the mock's own origins). */
export const LOGIN_PATH = '/account/login';

export type Status = 200 | 400 | 403 | 404 | 410 | 422;

export interface SkinPage {
  /** Renders a page of this origin (its header and footer around `body`). */
  show(
    c: Ctx,
    title: string,
    body: Html,
    status?: Status,
    options?: { lang?: boolean },
  ): Response | Promise<Response>;
  /** An error page of this origin: its own wording, a 4xx status. */
  problem(c: Ctx, status: Exclude<Status, 200>, title: string, detail?: string): Response | Promise<Response>;
  /** 404 in skin B's words: unknown pages and other buyers' cards alike. */
  notFound(c: Ctx): Response | Promise<Response>;
  /** Signed-out visitors log in at the shop and come back to `next` (default: this URL). */
  toLogin(c: Ctx, next?: string): Response;
}

/** What a guard gives a route: the signed-in account, or the answer to send instead. */
export type Gate<T> = T | Response | Promise<Response>;

export function isAnswer<T>(gate: Gate<T>): gate is Response | Promise<Response> {
  return gate instanceof Response || gate instanceof Promise;
}

/**
 * One origin of skin B over the shared middleware (session, CSRF, body limit, transient-503): the
 * same platform and rules as skin A, with skin B's document and its own 404 page.
 */
export function skinOrigin(
  mock: MockContext,
  name: string,
  site: { name: string; header: (c: Ctx) => Html; footer?: (c: Ctx) => Html },
) {
  const app = createOrigin(mock, name);
  const render = (c: Ctx, title: string, body: Html, options: { lang?: boolean } = {}) =>
    document({
      ...options,
      title,
      site: site.name,
      header: site.header(c),
      footer: site.footer?.(c),
      body,
      flash: c.get('flash'),
    });
  const pages: SkinPage = {
    show: (c, title, body, status = 200, options = {}) => c.html(render(c, title, body, options), status),
    problem: (c, status, title, detail) =>
      c.html(render(c, title, html`<h1>${title}</h1>${detail ? html`<p>${detail}</p>` : ''}`), status),
    notFound: (c) => pages.problem(c, 404, B.common.notFoundTitle, B.common.notFoundText),
    toLogin: (c, next = c.req.url) =>
      c.redirect(`${mock.urls.shop}${LOGIN_PATH}?return_to=${encodeURIComponent(next)}`),
  };
  app.notFound((c) => pages.notFound(c));
  return { app, ...pages };
}

/** The shop's footer, shown by the shop and the wallet: support is reached from here (and its URL). */
export function shopFooter(mock: MockContext): Html {
  return html`<nav aria-label="${B.footer.label}"><ul>
  <li><a href="${mock.urls.shop}/contact">${B.footer.contact}</a></li>
  <li><a href="${mock.urls.help}/">${B.footer.helpCentre}</a></li>
  <li><a href="${mock.urls.mobileSite}/">${B.footer.mobileSite}</a></li>
</ul></nav>`;
}
