import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import type { Account } from '../domain/accounts.ts';
import type { Platform } from '../domain/platform.ts';
import type { LocaleName } from '../public.ts';
import { layout, type Html } from '../views/layout.ts';
import { formFields, readBody } from './body.ts';
import { isLocale, translator, type Translator } from './i18n.ts';

export interface MockContext {
  platform: Platform;
  locale: LocaleName;
  cookiePrefix: string;
  urls: Record<string, string>;
  log: (line: string) => void;
}

export type Env = {
  Variables: {
    account: Account | undefined;
    sid: string | undefined;
    csrf: string;
    locale: LocaleName;
    t: Translator;
    form: Record<string, string>;
    flash: string | undefined;
  };
};

export type Ctx = Context<Env>;

export function cookieNames(prefix: string) {
  return {
    session: `${prefix}_sid`,
    csrf: `${prefix}_csrf`,
    lang: `${prefix}_lang`,
    flash: `${prefix}_flash`,
  };
}

/**
 * The answers the shared middleware gives instead of a route's page, each with its HTTP status
 * (`SHARED_STATUS`). `badUrl` never reaches the app: the HTTP server answers it (mock-app/server.ts,
 * `badUrlAnswer`) for a request line it cannot read (a backslash in the path, an invalid Host).
 */
export type SharedProblem =
  | { kind: 'badUrl' }
  | { kind: 'badForm' }
  | { kind: 'fileField'; field: string }
  | { kind: 'forbidden' }
  | { kind: 'notFound' }
  | { kind: 'tooLarge' }
  | { kind: 'unsupportedType' }
  | { kind: 'unavailable' }
  | { kind: 'serverError' };

export const SHARED_STATUS = {
  badUrl: 400,
  badForm: 400,
  fileField: 400,
  forbidden: 403,
  notFound: 404,
  tooLarge: 413,
  unsupportedType: 415,
  unavailable: 503,
  serverError: 500,
} as const satisfies Record<SharedProblem['kind'], number>;

/**
 * A skin's page for a shared answer: its wording in its layout. `c` is the request's context, absent
 * for `badUrl` (answered before any middleware ran).
 */
export type ErrorView = (problem: SharedProblem, c: Ctx | undefined) => Html;

/** Skin A's error pages: the locale's wording (locales/<lang>/common.json) in views/layout.ts. */
export function skinAErrorView(mock: MockContext): ErrorView {
  return (problem, c) => {
    const t = c?.get('t') ?? translator(mock.locale);
    const [titleKey, detail] = ((): [string, string?] => {
      switch (problem.kind) {
        case 'badUrl':
          return ['common.badRequestTitle', t('common.badUrlText')];
        case 'badForm':
          return ['common.badRequestTitle'];
        case 'fileField':
          return ['common.badRequestTitle', t('common.fileFieldText', { field: problem.field })];
        case 'forbidden':
          return ['common.forbiddenTitle', t('common.forbiddenText')];
        case 'notFound':
          return ['common.notFoundTitle', t('common.notFoundText')];
        case 'tooLarge':
          return ['common.tooLargeTitle'];
        case 'unsupportedType':
          return ['common.badRequestTitle', t('common.unsupportedTypeText')];
        case 'unavailable':
        case 'serverError':
          return ['common.errorTitle'];
      }
    })();
    const title = t(titleKey);
    const body = errorBody(title, detail);
    if (c) return page(c, { title, body });
    return layout({ title, body, lang: mock.locale, siteName: t('common.siteName') });
  };
}

/** The error view of each app createOrigin built, for the HTTP server's `badUrl` answer. */
const errorViews = new WeakMap<object, ErrorView>();

/**
 * The page for a request the HTTP server could not turn into a URL (node-server's `errorHandler`):
 * the app's own `badUrl` page, or undefined for an app that has no error view (the control API).
 */
export async function badUrlAnswer(app: object): Promise<Response | undefined> {
  const view = errorViews.get(app);
  if (!view) return undefined;
  return new Response(String(await view({ kind: 'badUrl' }, undefined)), {
    status: SHARED_STATUS.badUrl,
    headers: { 'content-type': 'text/html; charset=UTF-8' },
  });
}

/** Answers one shared problem with the origin's error view and its status. */
function answer(c: Ctx, view: ErrorView, problem: SharedProblem) {
  return c.html(view(problem, c), SHARED_STATUS[problem.kind]);
}

/**
 * Middleware every origin shares: locale, session, CSRF, size limit, and 4xx pages instead of 5xx on
 * bad input. The pages it answers with come from `errorView` (default: skin A's); a skin passes its own.
 */
export function createOrigin(
  mock: MockContext,
  name: string,
  errorView: ErrorView = skinAErrorView(mock),
): Hono<Env> {
  const app = new Hono<Env>();
  errorViews.set(app, errorView);
  const names = cookieNames(mock.cookiePrefix);

  app.use(async (c, next) => {
    const sid = getCookie(c, names.session);
    const account = sid ? mock.platform.accounts.bySession(sid) : undefined;
    c.set('sid', account ? sid : undefined);
    c.set('account', account);
    const fromQuery = c.req.query('lang');
    if (isLocale(fromQuery)) setCookie(c, names.lang, fromQuery, { path: '/', sameSite: 'Lax' });
    const fromCookie = getCookie(c, names.lang);
    const locale = isLocale(fromQuery)
      ? fromQuery
      : isLocale(account?.locale)
        ? account.locale
        : isLocale(fromCookie)
          ? fromCookie
          : mock.locale;
    c.set('locale', locale);
    c.set('t', translator(locale));
    let csrf = getCookie(c, names.csrf);
    if (!csrf || !/^[\w-]{32}$/.test(csrf)) {
      csrf = randomBytes(24).toString('base64url');
      setCookie(c, names.csrf, csrf, { path: '/', httpOnly: true, sameSite: 'Strict' });
    }
    c.set('csrf', csrf);
    c.set('form', {});
    const flash = getCookie(c, names.flash);
    c.set('flash', flash ? flash.slice(0, 300) : undefined);
    if (flash) deleteCookie(c, names.flash, { path: '/' });
    await next();
  });

  app.use(transientFault(mock, name, errorView));

  // The body is read before any answer (bounded: http/body.ts), so a refused post still gets its page.
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '*', async (c, next) => {
    const body = await readBody(c.req.raw);
    if (body.kind === 'tooLarge') {
      if (!body.drained) c.header('Connection', 'close');
      return answer(c, errorView, { kind: 'tooLarge' });
    }
    const type = c.req.header('content-type') ?? '';
    if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/.test(type))
      return answer(c, errorView, { kind: 'unsupportedType' });
    let form: Record<string, string>;
    try {
      const parsed = await formFields(body.bytes, type);
      if (parsed.file) return answer(c, errorView, { kind: 'fileField', field: parsed.file });
      form = parsed.fields;
    } catch {
      return answer(c, errorView, { kind: 'badForm' });
    }
    if (!sameToken(form._csrf, c.get('csrf'))) return answer(c, errorView, { kind: 'forbidden' });
    c.set('form', form);
    await next();
  });

  app.get('/healthz', (c) => c.json({ ok: true, origin: name }));
  app.notFound((c) => answer(c, errorView, { kind: 'notFound' }));
  app.onError((err, c) => {
    mock.log(`[${name}] 500 ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}`);
    return answer(c, errorView, { kind: 'serverError' });
  });
  return app;
}

function sameToken(a: string | undefined, b: string): boolean {
  if (!a || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export function page(
  c: Ctx,
  p: { title: string; body: Html; header?: Html; flash?: string; omitLang?: boolean },
): Html {
  const t = c.get('t');
  return layout({
    ...p,
    flash: p.flash ?? c.get('flash'),
    lang: p.omitLang ? undefined : c.get('locale'),
    siteName: t('common.siteName'),
  });
}

/** A message shown once on the next page (post/redirect/get). */
export function setFlash(c: Ctx, mock: MockContext, text: string): void {
  setCookie(c, cookieNames(mock.cookiePrefix).flash, text, { path: '/', httpOnly: true, sameSite: 'Lax' });
}

/** The body of skin A's error pages: the title as h1, then the detail if any. */
function errorBody(title: string, detail?: string): Html {
  return html`<h1>${title}</h1>${detail ? html`<p>${detail}</p>` : ''}`;
}

/** Skin A's error page for a route's own refusal (an unknown product, another buyer's card). */
export function errorPage(
  c: Ctx,
  status: 400 | 403 | 404 | 413 | 415 | 422,
  titleKey: string,
  detail?: string,
) {
  const title = c.get('t')(titleKey);
  return c.html(page(c, { title, body: errorBody(title, detail) }), status);
}

export function signInSession(c: Ctx, mock: MockContext, accountId: string): void {
  const sid = mock.platform.accounts.openSession(accountId);
  setCookie(c, cookieNames(mock.cookiePrefix).session, sid, { path: '/', httpOnly: true, sameSite: 'Lax' });
}

/** Ends the buyer's session (if any) and drops its cookie: every skin's sign-out. */
export function signOutSession(c: Ctx, mock: MockContext): void {
  const sid = c.get('sid');
  if (sid) mock.platform.accounts.closeSession(sid);
  deleteCookie(c, cookieNames(mock.cookiePrefix).session, { path: '/' });
}

/** Only our own origins may be a redirect target after sign-in. */
export function safeNext(mock: MockContext, next: string | undefined, fallback: string): string {
  if (!next) return fallback;
  if (next.startsWith('/') && !next.startsWith('//')) return next;
  try {
    const url = new URL(next);
    return Object.values(mock.urls).some((u) => new URL(u).origin === url.origin) ? url.toString() : fallback;
  } catch {
    return fallback;
  }
}

/** After a transient-503 blip, pages requested for the first time answer normally for this long. */
export const TRANSIENT_QUIET_MS = 60_000;

/** Per mock process (keyed by its platform): pages already requested, and when the last 503 was served. */
const transientState = new WeakMap<Platform, { seen: Set<string>; lastBlipAt: number }>();

/**
 * Fault transient-503: the first GET of a page answers 503 once (`Retry-After: 1`), then the page
 * works: a deploy blip the monitor's retry must survive. Pages are keyed by origin and path, with ids
 * folded (`/cards/card_x1y2...` -> `/cards/:id`) so a page whose URL carries a fresh id is not new on
 * every try. Blips are spaced: after one, pages seen for the first time within TRANSIENT_QUIET_MS
 * answer normally (and count as seen), so one scenario meets at most one blip per attempt and a
 * single retry passes; otherwise a scenario opening k new pages would need k retries. Only GETs (a
 * retry does not repeat a form post) and never /healthz.
 */
function transientFault(mock: MockContext, name: string, errorView: ErrorView) {
  return async (c: Ctx, next: () => Promise<void>) => {
    if (!mock.platform.faults.has('transient-503') || c.req.method !== 'GET' || c.req.path === '/healthz')
      return next();
    const state = transientState.get(mock.platform) ?? { seen: new Set<string>(), lastBlipAt: -Infinity };
    transientState.set(mock.platform, state);
    const path = c.req.path
      .split('/')
      .map((part) => (/^[\w-]{16,}$/.test(part) && !/^[a-z]+(-[a-z]+)*$/.test(part) ? ':id' : part))
      .join('/');
    const key = `${name} ${path}`;
    if (state.seen.has(key)) return next();
    state.seen.add(key);
    const now = Date.now();
    if (now - state.lastBlipAt < TRANSIENT_QUIET_MS) return next();
    state.lastBlipAt = now;
    c.header('Retry-After', '1');
    return answer(c, errorView, { kind: 'unavailable' });
  };
}
