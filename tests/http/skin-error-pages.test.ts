// The shared middleware's answers (mock-app/http/origin.ts `SharedProblem`) in each skin's own words and
// document: skin A's locale texts in views/layout.ts, skin B's texts (skins/b/texts.ts) in its layout.
// Over real HTTP (the malformed URL is answered by the HTTP server, before the app).
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { loadMockConfig } from '../../mock-app/config.ts';
import { createOrigin } from '../../mock-app/http/origin.ts';
import { LOCALES } from '../../mock-app/public.ts';
import { type RunningMock, startMock } from '../../mock-app/server.ts';
import { skinOrigin } from '../../mock-app/skins/b/origin.ts';
import { B, fill } from '../../mock-app/skins/b/texts.ts';
import { testMock } from './harness.ts';

/** Ports: skin A at base+0..9, skin B at base+10..19. */
const BASE = Number(process.env.SKIN_ERRORS_PORT_BASE ?? 6790);

type Kind = 'badUrl' | 'badForm' | 'fileField' | 'forbidden' | 'notFound' | 'tooLarge' | 'unsupportedType';
type Wording = Record<Kind | 'unavailable' | 'serverError', readonly [title: string, text?: string]>;

const A = LOCALES.en.common;
const P = B.problems;
/** What each skin must say, from the texts each skin is built from. */
const SKINS = {
  a: {
    /** views/layout.ts: "<title> · <site>". */
    document: (title: string) => `<title>${title} · ${A.siteName}</title>`,
    words: {
      badUrl: [A.badRequestTitle, A.badUrlText],
      badForm: [A.badRequestTitle],
      fileField: [A.badRequestTitle, A.fileFieldText.replace('{field}', 'upload')],
      forbidden: [A.forbiddenTitle, A.forbiddenText],
      notFound: [A.notFoundTitle, A.notFoundText],
      tooLarge: [A.tooLargeTitle],
      unsupportedType: [A.badRequestTitle, A.unsupportedTypeText],
      unavailable: [A.errorTitle],
      serverError: [A.errorTitle],
    } satisfies Wording,
  },
  b: {
    /** skins/b/layout.ts: "<title> – <site>", the site being the origin's (Northwind, Northwind Pay, ...). */
    document: (title: string) => `<title>${title} – ${B.site}`,
    words: {
      badUrl: [B.common.badRequestTitle, P.badUrlText],
      badForm: [B.common.badRequestTitle, P.badFormText],
      fileField: [B.common.badRequestTitle, fill(P.fileFieldText, { field: 'upload' })],
      forbidden: [B.common.forbiddenTitle, B.common.forbiddenText],
      notFound: [B.common.notFoundTitle, B.common.notFoundText],
      tooLarge: [P.tooLargeTitle, P.tooLargeText],
      unsupportedType: [B.common.badRequestTitle, P.unsupportedTypeText],
      unavailable: [P.unavailableTitle, P.unavailableText],
      serverError: [B.common.errorTitle, P.errorText],
    } satisfies Wording,
  },
} as const;
type Skin = keyof typeof SKINS;

/** HTML-escapes a text as hono/html does, to find it in a page. */
const escaped = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** The page says what `skin` says for `kind`, in its document, and nothing the other skin says there. */
function assertWording(skin: Skin, kind: keyof Wording, page: string, what: string): void {
  const [title, text] = SKINS[skin].words[kind];
  const h1s = [...page.matchAll(/<h1>([^<]*)<\/h1>/g)].map((m) => m[1]);
  assert.deepEqual(h1s, [escaped(title)], `${what}: the h1 (page: ${page.slice(0, 400)})`);
  assert.ok(page.includes(SKINS[skin].document(escaped(title))), `${what}: not skin ${skin}'s document`);
  const paragraphs = [...page.matchAll(/<p>([^<]*)<\/p>/g)].map((m) => m[1]);
  if (text) assert.ok(paragraphs.includes(escaped(text)), `${what}: text "${text}" missing`);
  const [, otherText] = SKINS[skin === 'a' ? 'b' : 'a'].words[kind];
  if (otherText && otherText !== text)
    assert.ok(!paragraphs.includes(escaped(otherText)), `${what}: the other skin's text`);
}

/** A request line the HTTP server cannot turn into a URL (a backslash in the path), sent raw. */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () =>
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`),
    );
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      data += chunk;
    });
    socket.on('error', reject);
    socket.on('end', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1]);
      resolve({ status, body: data.slice(data.indexOf('\r\n\r\n') + 4) });
    });
  });
}

const form = { 'content-type': 'application/x-www-form-urlencoded' };
/** Each shared answer a client can provoke over HTTP: the request, and the status it must get. */
const REQUESTS: [Kind, number, (shop: string) => Promise<{ status: number; body: string }>][] = [
  ['badUrl', 400, (shop) => rawGet(shop, '/a\\b')],
  ['notFound', 404, (shop) => send(`${shop}/no-such-page`)],
  ['forbidden', 403, (shop) => send(shop, { method: 'POST', headers: form, body: 'email=a%40x.test' })],
  [
    'tooLarge',
    413,
    (shop) => send(shop, { method: 'POST', headers: form, body: `pad=${'x'.repeat(40_000)}` }),
  ],
  [
    'unsupportedType',
    415,
    (shop) => send(shop, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
  ],
  [
    'fileField',
    400,
    (shop) => {
      const body = new FormData();
      body.set('upload', new Blob(['not text']), 'a.txt');
      return send(shop, { method: 'POST', body });
    },
  ],
  [
    'badForm',
    400,
    (shop) =>
      send(shop, { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: 'no boundary' }),
  ],
];

async function send(url: string, init?: RequestInit): Promise<{ status: number; body: string }> {
  const res = await fetch(url, init);
  return { status: res.status, body: await res.text() };
}

describe('shared error pages, per skin (over HTTP)', () => {
  const mocks = {} as Record<Skin, RunningMock>;

  before(async () => {
    for (const [skin, offset] of [
      ['a', 0],
      ['b', 10],
    ] as const)
      mocks[skin] = await startMock(
        loadMockConfig({
          MOCK_SKIN: skin,
          MOCK_PORT_BASE: String(BASE + offset),
          MOCK_DB: ':memory:',
          MOCK_MAIL: 'off',
          MOCK_CONTROL: 'off',
        }),
        () => {},
      );
  });
  after(async () => {
    await Promise.all(Object.values(mocks).map((m) => m.close()));
  });

  for (const skin of ['a', 'b'] as const)
    for (const [kind, status, request] of REQUESTS)
      it(`skin ${skin}: ${kind} answers ${status} in the skin's words`, async () => {
        for (const origin of ['shop', 'wallet', 'help'] as const) {
          const answer = await request(mocks[skin].urls[origin]!);
          assert.equal(answer.status, status, `${origin}: ${kind}`);
          assertWording(skin, kind, answer.body, `skin ${skin} ${origin} ${kind}`);
        }
      });

  for (const skin of ['a', 'b'] as const)
    it(`skin ${skin}: the transient-503 blip answers 503 in the skin's words, then the page`, async () => {
      const { platform, urls } = mocks[skin];
      platform.faults.set(['transient-503']);
      try {
        const first = await send(`${urls.help}/transient-${skin}`);
        assert.equal(first.status, 503);
        assertWording(skin, 'unavailable', first.body, `skin ${skin} 503`);
        assert.equal((await send(`${urls.help}/transient-${skin}`)).status, 404, 'then the page itself');
      } finally {
        platform.faults.set([]);
      }
    });
});

describe('a crash in a route (500), per skin', () => {
  it("answers the skin's error page, never the stack", async () => {
    const mock = testMock();
    const apps = {
      a: createOrigin(mock, 'test-a'),
      b: skinOrigin(mock, 'test-b', { name: B.site, header: () => B.site as never }).app,
    };
    for (const [skin, app] of Object.entries(apps) as [Skin, (typeof apps)['a']][]) {
      app.get('/boom', () => {
        throw new Error('secret stack detail');
      });
      const res = await app.request('/boom');
      const body = await res.text();
      assert.equal(res.status, 500);
      assert.ok(!body.includes('secret stack detail'), `skin ${skin}: the error leaks`);
      assertWording(skin, 'serverError', body, `skin ${skin} 500`);
    }
  });
});
