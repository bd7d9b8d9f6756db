import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { validateCard } from '../../mock-app/domain/card-input.ts';
import type { StoredCard } from '../../mock-app/domain/cards.ts';
import { cookieNames, type MockContext } from '../../mock-app/http/origin.ts';
import { skinBApps } from '../../mock-app/skins/b/index.ts';
import { randomTestCard, type TestCard } from '../../support/test-cards.ts';
import { Client, testMock } from './harness.ts';

/** Skin B's five origins over one in-memory platform, a buyer and a second buyer. */
export function skinB() {
  const mock: MockContext = testMock();
  const apps = skinBApps(mock);
  const accounts = mock.platform.accounts;
  const buyerId = accounts.create({ email: 'b@x.test', password: 'secret-pw', name: '' }).id;
  const otherId = accounts.create({ email: 'o@x.test', password: 'secret-pw', name: '' }).id;
  const client = (origin: keyof typeof apps, as?: string) => {
    // biome-ignore lint/suspicious/noExplicitAny: apps of any Env
    const c = new Client(apps[origin] as Hono<any>);
    if (as) c.signInAs(cookieNames(mock.cookiePrefix).session, accounts.openSession(as));
    return c;
  };
  const linkCard = (brand: 'VISA' | 'Mastercard' = 'VISA', id = buyerId): StoredCard => {
    const { card } = validateCard(randomTestCard(brand), new Date(mock.platform.clock.now()));
    const link = mock.platform.cards.link(id, card!);
    assert.ok(link.linked);
    return link.card;
  };
  return { mock, apps, buyerId, otherId, client, linkCard };
}

/**
 * What every skin B page keeps, whatever its markup: exactly one h1, a label for every visible field
 * (label[for] naming its id, or aria-label), and a CSRF field in every POST form.
 */
export function assertHonestPage(html: string, where: string): void {
  assert.doesNotMatch(html, /\s[\w-]+=&quot;/, `${where}: an attribute escaped into text`);
  const h1s = html.match(/<h1[\s>]/g) ?? [];
  assert.equal(h1s.length, 1, `${where}: ${h1s.length} h1 elements`);
  const labelled = new Set([...html.matchAll(/<label[^>]*\sfor="([^"]+)"/g)].map((m) => m[1]));
  for (const m of html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)) {
    const attrs = m[2]!;
    if (/type="(hidden|radio|checkbox)"/.test(attrs)) continue;
    const id = /\sid="([^"]+)"/.exec(attrs)?.[1];
    assert.ok(
      /aria-label="[^"]+"/.test(attrs) || (id && labelled.has(id)),
      `${where}: a ${m[1]} without a label (${attrs.trim().slice(0, 80)})`,
    );
  }
  // Radios and checkboxes sit inside their label.
  for (const m of html.matchAll(/<input\b[^>]*type="(radio|checkbox)"[^>]*>/g)) {
    const before = html.slice(0, m.index);
    assert.ok(
      before.lastIndexOf('<label') > before.lastIndexOf('</label>'),
      `${where}: an unlabelled ${m[1]}`,
    );
  }
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g))
    if (/method="post"/.test(m[1]!))
      assert.match(m[2]!, /name="_csrf"/, `${where}: a POST form without CSRF`);
}

/** Malformed posts a card action must answer with a 4xx, never a 5xx. */
export async function assertBadPostsAre4xx(client: Client, path: (id: string) => string, cardId: string) {
  const tries: [string, Record<string, string>, Parameters<Client['post']>[2]][] = [
    [path('x'.repeat(500)), {}, {}],
    [path('%3Cscript%3E'), {}, {}],
    [path(`${cardId}'%20OR%201=1`), {}, {}],
    [path(cardId), {}, { csrf: null }],
    [path(cardId), {}, { csrf: 'forged' }],
    [path(cardId), {}, { contentType: 'application/json', rawBody: '{}' }],
    [path(cardId), {}, { contentType: 'text/plain', rawBody: 'delete' }],
    [path(cardId), { pad: 'x'.repeat(20_000) }, {}],
  ];
  for (const [p, form, options] of tries) {
    const res = await client.post(p, form, options);
    assert.ok(res.status >= 400 && res.status < 500, `POST ${p.slice(0, 80)} answered ${res.status}`);
  }
}

/** The action of the first `<form method="...">` whose action matches `pattern`, or a failure. */
export function formAction(html: string, method: 'get' | 'post', pattern: RegExp): string {
  for (const m of html.matchAll(/<form\b[^>]*method="(get|post)"[^>]*action="([^"]+)"/g))
    if (m[1] === method && pattern.test(m[2]!)) return m[2]!;
  assert.fail(`no ${method} form with an action like ${pattern}`);
}

/** Pays for the phone case at skin B's checkout with a new card, the "save" box ticked or not. */
export function payWithNewCard(shop: Client, card: TestCard, save: boolean): Promise<Response> {
  return shop.post('/pay', {
    item: 'p-phone-case',
    method: 'new',
    number: card.number,
    exp: card.expiry,
    csc: card.cvc,
    name_on_card: card.holder,
    ...(save ? { save_card: 'yes' } : {}),
  });
}
