import { html } from 'hono/html';
import {
  type Ctx,
  createOrigin,
  type ErrorView,
  type MockContext,
  type SharedProblem,
} from '../../http/origin.ts';
import { document, type Html } from './layout.ts';
import { B, fill } from './texts.ts';

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

/** Skin B's title and text for each answer of the shared middleware. */
function sharedWording(problem: SharedProblem): [title: string, text: string] {
  const { common, problems } = B;
  switch (problem.kind) {
    case 'badUrl':
      return [common.badRequestTitle, problems.badUrlText];
    case 'badForm':
      return [common.badRequestTitle, problems.badFormText];
    case 'fileField':
      return [common.badRequestTitle, fill(problems.fileFieldText, { field: problem.field })];
    case 'forbidden':
      return [common.forbiddenTitle, common.forbiddenText];
    case 'notFound':
      return [common.notFoundTitle, common.notFoundText];
    case 'tooLarge':
      return [problems.tooLargeTitle, problems.tooLargeText];
    case 'unsupportedType':
      return [common.badRequestTitle, problems.unsupportedTypeText];
    case 'unavailable':
      return [problems.unavailableTitle, problems.unavailableText];
    case 'serverError':
      return [common.errorTitle, problems.errorText];
  }
}

/**
 * One origin of skin B over the shared middleware (session, CSRF, body limit, transient-503): the
 * same platform and rules as skin A, with skin B's document and its own error pages (every answer of
 * the shared middleware, and 404 for unknown pages and other buyers' cards alike).
 */
export function skinOrigin(
  mock: MockContext,
  name: string,
  site: { name: string; header: (c: Ctx) => Html; footer?: (c: Ctx) => Html },
) {
  const render = (
    c: Ctx | undefined,
    title: string,
    body: Html,
    options: { lang?: boolean; bare?: boolean } = {},
  ) =>
    document({
      lang: options.lang,
      title,
      site: site.name,
      // A page the app could not serve (an unreadable URL, a crash) shows the brand only.
      header:
        c && !options.bare ? site.header(c) : html`<a class="brand" href="${mock.urls.shop}/">${B.site}</a>`,
      footer: c && !options.bare ? site.footer?.(c) : undefined,
      body,
      flash: c?.get('flash'),
    });
  const problemBody = (title: string, detail?: string) =>
    html`<h1>${title}</h1>${detail ? html`<p>${detail}</p>` : ''}`;
  const errorView: ErrorView = (problem, c) => {
    const [title, text] = sharedWording(problem);
    return render(
      c,
      title,
      html`${problemBody(title, text)}<p><a href="${mock.urls.shop}/">${B.problems.backHome}</a></p>`,
      { bare: problem.kind === 'serverError' },
    );
  };
  const app = createOrigin(mock, name, errorView);
  const pages: SkinPage = {
    show: (c, title, body, status = 200, options = {}) => c.html(render(c, title, body, options), status),
    problem: (c, status, title, detail) => c.html(render(c, title, problemBody(title, detail)), status),
    notFound: (c) => c.html(errorView({ kind: 'notFound' }, c), 404),
    toLogin: (c, next = c.req.url) =>
      c.redirect(`${mock.urls.shop}${LOGIN_PATH}?return_to=${encodeURIComponent(next)}`),
  };
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
