import { request } from 'node:http';

/** A tiny browser-like HTTP client for the sweep: cookie jar, no redirects followed, HTML form discovery. */
export interface FoundForm {
  page: string;
  action: string;
  fields: { name: string; type: string; value: string }[];
}

export class Jar {
  private readonly cookies = new Map<string, string>();

  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...init.headers, cookie: this.header() },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      if (/Max-Age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, pair!.slice(eq + 1));
    }
    return res;
  }
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1];
const decodeEntities = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

export function formsIn(html: string, pageUrl: string): FoundForm[] {
  const forms: FoundForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    if ((attr(m[1]!, 'method') ?? 'get').toLowerCase() !== 'post') continue;
    const action = new URL(decodeEntities(attr(m[1]!, 'action') ?? pageUrl), pageUrl).toString();
    const fields: FoundForm['fields'] = [];
    for (const f of m[2]!.matchAll(/<(input|select|textarea)\b([^>]*)>/gi)) {
      const name = attr(f[2]!, 'name');
      if (!name) continue;
      const type =
        f[1]!.toLowerCase() === 'input' ? (attr(f[2]!, 'type') ?? 'text').toLowerCase() : f[1]!.toLowerCase();
      fields.push({ name, type, value: decodeEntities(attr(f[2]!, 'value') ?? '') });
    }
    forms.push({ page: pageUrl, action, fields });
  }
  return forms;
}

export function linksIn(html: string, pageUrl: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\shref="([^"#]+)"/gi)].map((m) =>
    new URL(decodeEntities(m[1]!), pageUrl).toString(),
  );
}

/**
 * The addresses GET forms lead to, with their fields' default values, as a browser would build them
 * on submit (a "Delete card" GET form that opens a confirm page, a search box): pages a crawl that only
 * followed links would never reach.
 */
export function getFormUrlsIn(html: string, pageUrl: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    if ((attr(m[1]!, 'method') ?? 'get').toLowerCase() !== 'get') continue;
    const url = new URL(decodeEntities(attr(m[1]!, 'action') ?? pageUrl), pageUrl);
    url.search = '';
    for (const f of m[2]!.matchAll(/<(input|select|textarea)\b([^>]*)>/gi)) {
      const name = attr(f[2]!, 'name');
      if (name) url.searchParams.append(name, decodeEntities(attr(f[2]!, 'value') ?? ''));
    }
    urls.push(url.toString());
  }
  return urls;
}

/**
 * Posts `head` then filler up to `bytes` over a plain node:http connection (`declared`: with
 * Content-Length, else chunked), as a browser uploading a form does: it sends the whole body, then
 * reads the answer; `pauseMs` between 64 KiB chunks makes a slow client. Only a body sent to its end
 * and an answer read to its end count as answered: an error before both (ECONNRESET, EPIPE) is the
 * reset the buyer would see ("connection reset" in the browser), even when a 413 had already arrived.
 */
const STALL_MS = 15_000;

export function postLarge(
  url: string,
  p: { cookie: string; head: string; bytes: number; declared: boolean; pauseMs?: number },
): Promise<{ status: number; length: number } | { error: string }> {
  return new Promise((resolve) => {
    const filler = Buffer.alloc(64 * 1024, 'x');
    const head = Buffer.from(`${p.head}&filler=`);
    const req = request(url, {
      method: 'POST',
      headers: {
        cookie: p.cookie,
        'content-type': 'application/x-www-form-urlencoded',
        ...(p.declared ? { 'content-length': String(head.byteLength + p.bytes) } : {}),
      },
    });
    let sentAll = false;
    let answer: { status: number; length: number } | undefined;
    let settled = false;
    const settle = (result: { status: number; length: number } | { error: string }) => {
      if (!settled) resolve(result);
      settled = true;
    };
    const maybeDone = () => {
      if (sentAll && answer) settle(answer);
    };
    req.on('error', (error: NodeJS.ErrnoException) => settle({ error: error.code ?? error.message }));
    // A server that stops reading and never answers would stall the client forever: a failure too.
    const stalled = setTimeout(() => {
      settle({ error: `no answer within ${STALL_MS / 1000} s` });
      req.destroy();
    }, STALL_MS);
    req.on('close', () => clearTimeout(stalled));
    req.on('finish', () => {
      sentAll = true;
      maybeDone();
    });
    req.on('response', (res) => {
      let length = 0;
      res.on('data', (chunk: Buffer) => {
        length += chunk.byteLength;
      });
      res.on('end', () => {
        answer = { status: res.statusCode ?? 0, length };
        maybeDone();
      });
      res.on('error', (error: NodeJS.ErrnoException) => settle({ error: error.code ?? error.message }));
    });
    req.write(head);
    let sent = 0;
    const pump = () => {
      while (sent < p.bytes && !settled) {
        const n = Math.min(filler.byteLength, p.bytes - sent);
        sent += n;
        const more = req.write(n === filler.byteLength ? filler : filler.subarray(0, n));
        if (p.pauseMs) return void setTimeout(pump, p.pauseMs);
        if (!more) return void req.once('drain', pump);
      }
      if (!settled) req.end();
    };
    pump();
  });
}
