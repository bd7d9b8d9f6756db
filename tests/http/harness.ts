import type { Hono } from 'hono';
import { Platform } from '../../mock-app/domain/platform.ts';
import type { MockContext } from '../../mock-app/http/origin.ts';
import { originUrls } from '../../mock-app/public.ts';
import { openDb } from '../../mock-app/store/db.ts';

export function testMock(): MockContext {
  return {
    platform: new Platform(openDb(':memory:'), { secret: 's'.repeat(32) }),
    locale: 'en',
    cookiePrefix: 'cwt',
    urls: originUrls('127.0.0.1', 4310),
    log: () => {},
  };
}

/** A browser-like client over app.request(): keeps cookies, reads the CSRF field of the last page. */
export class Client {
  private readonly cookies = new Map<string, string>();
  lastHtml = '';

  // biome-ignore lint/suspicious/noExplicitAny: apps of any Env
  constructor(private readonly app: Hono<any>) {}

  private remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=');
      if (/Max-Age=0/i.test(line)) this.cookies.delete(name!);
      else this.cookies.set(name!, value ?? '');
    }
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...extra };
  }

  async get(path: string): Promise<Response> {
    const res = await this.app.request(path, { headers: this.headers() });
    this.remember(res);
    this.read(await res.clone().text());
    return res;
  }

  private csrfSeen?: string;

  /** The CSRF field of the last page that had one, as a browser's open form would still hold it. */
  get csrf(): string {
    if (!this.csrfSeen) throw new Error('no page with a CSRF field was loaded yet');
    return this.csrfSeen;
  }

  private read(html: string): void {
    this.lastHtml = html;
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    if (m) this.csrfSeen = m[1];
  }

  async post(
    path: string,
    form: Record<string, string>,
    options: { csrf?: string | null; contentType?: string; rawBody?: string } = {},
  ): Promise<Response> {
    const fields = { ...form };
    if (options.csrf !== null) fields._csrf = options.csrf ?? this.csrf;
    const res = await this.app.request(path, {
      method: 'POST',
      headers: this.headers({ 'content-type': options.contentType ?? 'application/x-www-form-urlencoded' }),
      body: options.rawBody ?? new URLSearchParams(fields).toString(),
    });
    this.remember(res);
    this.read(await res.clone().text());
    return res;
  }

  signInAs(sessionCookie: string, sid: string): void {
    this.cookies.set(sessionCookie, sid);
  }
}
