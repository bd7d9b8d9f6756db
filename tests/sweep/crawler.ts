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
