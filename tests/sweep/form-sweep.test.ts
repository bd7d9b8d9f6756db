import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadMockConfig } from '../../mock-app/config.ts';
import { startMock, type RunningMock } from '../../mock-app/server.ts';
import { loadConfig } from '../../support/config.ts';
import { randomTestCard } from '../../support/test-cards.ts';
import mockProfile from '../../targets/mock.ts';
import skinBProfile from '../../targets/skin-b-sandbox.ts';
import { type FoundForm, formsIn, getFormUrlsIn, Jar, linksIn, postLarge } from './crawler.ts';

const BASE = 6710;
/** Skin B (MOCK_SKIN=b) is swept on ports of its own. */
const BASE_B = 6720;

/** Skin B's entry URLs, from its profile at `base` (the profile reads MOCK_PORT_BASE). */
function skinBSeeds(base: number): string[] {
  const saved = process.env.MOCK_PORT_BASE;
  process.env.MOCK_PORT_BASE = String(base);
  try {
    return [...new Set(Object.values(skinBProfile().urls))];
  } finally {
    if (saved === undefined) delete process.env.MOCK_PORT_BASE;
    else process.env.MOCK_PORT_BASE = saved;
  }
}

/** Values no form should choke on: empty, huge, markup, SQL, control bytes, wrong types. */
const MALFORMED = [
  '',
  ' ',
  'x'.repeat(5_000),
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '"; DROP TABLE cards; --',
  '\u0000\u0001\u001f',
  '../../../../etc/passwd',
  '%00%ff',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🃏',
  '-1',
  '1e309',
  'NaN',
  '99999999999999999999999',
  '[object Object]',
];

describe('malformed form posts', () => {
  let mock: RunningMock;
  let seeds: string[];
  const statuses = new Map<number, number>();
  const fiveHundreds: string[] = [];
  /** Requests whose connection was reset or dropped instead of answered: a failure like a 5xx. */
  const resets: string[] = [];
  /** Origins that already had their slow oversized post. */
  const slowSent = new Set<string>();
  let requests = 0;
  let pages = 0;
  let formCount = 0;

  const send = async (
    jar: Jar,
    method: string,
    url: string,
    body?: string,
    contentType = 'application/x-www-form-urlencoded',
  ) => {
    const what = (body ?? '').slice(0, 120);
    requests++;
    let res: Response;
    try {
      res = await jar.fetch(
        url,
        body === undefined ? {} : { method, headers: { 'content-type': contentType }, body },
      );
      // The whole answer must arrive too: a reset can also cut the body off.
      await res.clone().arrayBuffer();
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      resets.push(`${method} ${url} ${what}: ${cause?.code ?? cause?.message ?? String(error)}`);
      return undefined;
    }
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    if (res.status >= 500) fiveHundreds.push(`${res.status} ${method} ${url} ${what}`);
    return res;
  };

  /** Crawls from the profile's entry URLs as this visitor, then posts malformed variants to each form found. */
  const sweep = async (jar: Jar) => {
    const queue = [...seeds];
    const seen = new Set<string>();
    const forms = new Map<string, FoundForm>();
    while (queue.length && seen.size < 200) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const res = await send(jar, 'GET', url);
      if (!res) continue;
      if (!(res.headers.get('content-type') ?? '').includes('text/html')) {
        await res.arrayBuffer();
        continue;
      }
      const html = await res.text();
      for (const form of formsIn(html, url)) {
        const key = new URL(form.action).origin + new URL(form.action).pathname.replace(/[\w-]{16,}/g, ':id');
        if (!forms.has(key)) forms.set(key, form);
      }
      const origin = new URL(url).origin;
      // GET forms too: skin B's "Unlink" is one, leading to the confirm page that holds the POST form.
      for (const link of [...linksIn(html, url), ...getFormUrlsIn(html, url)])
        if (new URL(link).origin === origin && !seen.has(link)) queue.push(link);
    }
    pages += seen.size;
    formCount += forms.size;
    // Signing out last keeps the session for every other form.
    const signOut = (form: FoundForm) => Number(/\/(signout|logout)$/.test(form.action));
    const ordered = [...forms.values()].sort((a, b) => signOut(a) - signOut(b));
    for (const form of ordered) {
      const valid = Object.fromEntries(form.fields.map((f) => [f.name, f.value]));
      const encode = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
      const post = async (body: string, type?: string) =>
        (await send(jar, 'POST', form.action, body, type))?.arrayBuffer();
      await post(encode({ _csrf: valid._csrf ?? '' }));
      await post(encode({ ...valid, _csrf: 'forged' }));
      await post(JSON.stringify(valid), 'application/json');
      await post(encode({ ...valid, filler: 'x'.repeat(40_000) }));
      // Far over the limit, declared and chunked: the client is still sending when the 413 is decided.
      // Once per origin, a slow client too (2 MB, 64 KiB every 20 ms: about 0.6 s of sending).
      const origin = new URL(form.action).origin;
      const slow = !slowSent.has(origin);
      slowSent.add(origin);
      const large = [
        { bytes: 10_000_000, declared: true },
        { bytes: 10_000_000, declared: false },
        ...(slow ? [{ bytes: 2_000_000, declared: true, pauseMs: 20 }] : []),
      ];
      for (const body of large) {
        requests++;
        const answer = await postLarge(form.action, { cookie: jar.header(), head: encode(valid), ...body });
        const what = `POST ${form.action} ${body.bytes / 1e6} MB ${body.declared ? 'with Content-Length' : 'chunked'}${body.pauseMs ? ', slowly' : ''}`;
        if ('error' in answer) resets.push(`${what}: ${answer.error}`);
        else {
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          if (answer.status !== 413) fiveHundreds.push(`${answer.status} ${what} (expected 413)`);
        }
      }
      for (const field of form.fields.filter((f) => f.name !== '_csrf')) {
        for (const bad of MALFORMED) await post(encode({ ...valid, [field.name]: bad }));
        await post(`${encode(valid)}&${encodeURIComponent(field.name)}=second`);
        await post(`${encode(valid)}&${encodeURIComponent(field.name)}[]=array`);
      }
    }
    return forms.size;
  };

  before(async () => {
    mock = await startMock(
      loadMockConfig({
        MOCK_PORT_BASE: String(BASE),
        MOCK_DB: ':memory:',
        MOCK_CONTROL: 'on',
        MOCK_MAIL: 'on',
      }),
      () => {},
    );
    const profile = mockProfile(loadConfig({ MOCK_PORT_BASE: String(BASE) }));
    seeds = [...new Set(Object.values(profile.urls))];
  });

  after(async () => {
    await mock.close();
  });

  const buyerJar = async (walletAccount: boolean) => {
    const call = async (path: string, body: unknown) =>
      (
        await fetch(`${mock.urls.control}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json();
    const buyer = (await call('/buyers', { walletAccount })) as { id: string };
    for (const brand of ['VISA', 'Mastercard'] as const)
      await call(`/buyers/${buyer.id}/cards`, randomTestCard(brand));
    const session = (await call(`/buyers/${buyer.id}/session`, {})) as { name: string; value: string };
    const jar = new Jar();
    jar.set(session.name, session.value);
    return jar;
  };

  it('answers every malformed post to every form with a 4xx (or a handled 2xx/3xx), never a 5xx', async () => {
    const perVisitor = {
      signedOut: await sweep(new Jar()),
      buyerWithoutWallet: await sweep(await buyerJar(false)),
      buyerWithWallet: await sweep(await buyerJar(true)),
    };
    assert.equal(
      (await fetch(`${mock.urls.shop}/healthz`)).status,
      200,
      'the mock must still be up after the sweep',
    );
    console.log(
      `form sweep: ${requests} requests, ${pages} pages, ${formCount} forms ${JSON.stringify(perVisitor)}, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`,
    );
    assert.ok(formCount >= 15, `found only ${formCount} forms: the crawl did not reach the mock's screens`);
    assert.deepEqual(fiveHundreds, []);
    console.log(`form sweep: ${resets.length} resets`);
    assert.deepEqual(resets, [], 'every request gets an answer, none a reset');
  });
  it('sweeps skin B (MOCK_SKIN=b) the same way: its own screens, confirm pages reached through GET forms', async () => {
    await mock.close();
    mock = await startMock(
      loadMockConfig({
        MOCK_SKIN: 'b',
        MOCK_PORT_BASE: String(BASE_B),
        MOCK_DB: ':memory:',
        MOCK_CONTROL: 'on',
        MOCK_MAIL: 'on',
      }),
      () => {},
    );
    seeds = skinBSeeds(BASE_B);
    const before = { forms: formCount, fiveHundreds: fiveHundreds.length, resets: resets.length };
    const perVisitor = {
      signedOut: await sweep(new Jar()),
      buyerWithoutWallet: await sweep(await buyerJar(false)),
      buyerWithWallet: await sweep(await buyerJar(true)),
    };
    assert.equal((await fetch(`${mock.urls.shop}/healthz`)).status, 200, 'skin B must still be up');
    console.log(`form sweep, skin B: ${formCount - before.forms} forms ${JSON.stringify(perVisitor)}`);
    assert.ok(formCount - before.forms >= 15, `skin B: only ${formCount - before.forms} forms found`);
    assert.deepEqual(fiveHundreds.slice(before.fiveHundreds), []);
    assert.deepEqual(resets.slice(before.resets), [], 'every request gets an answer, none a reset');
  });
});
