import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock as nodeMock } from 'node:test';
import { validateCard } from '../../mock-app/domain/card-input.ts';
import type { StoredCard } from '../../mock-app/domain/cards.ts';
import { cookieNames, type MockContext, TRANSIENT_QUIET_MS } from '../../mock-app/http/origin.ts';
import { helpApp } from '../../mock-app/origins/help.ts';
import { mobileSiteApp } from '../../mock-app/origins/mobile-site.ts';
import { randomTestCard } from '../../support/test-cards.ts';
import { Client, testMock } from './harness.ts';

const { timers } = nodeMock;
const ENTRY = '/buyercenter/questionAnswer.htm';
const LIST = '/buyercenter/cards';

describe('help centre over HTTP (R4)', () => {
  let mock: MockContext;
  let help: Client;
  let buyerId: string;
  let otherId: string;

  beforeEach(() => {
    mock = testMock();
    buyerId = mock.platform.accounts.create({ email: 'h@x.test', password: 'secret-pw', name: 'H' }).id;
    otherId = mock.platform.accounts.create({ email: 'o@x.test', password: 'secret-pw', name: 'O' }).id;
    help = new Client(helpApp(mock));
  });

  const signIn = (client: Client, id = buyerId) =>
    client.signInAs(cookieNames('cwt').session, mock.platform.accounts.openSession(id));
  const linkCard = (id = buyerId): StoredCard => {
    const { card } = validateCard(randomTestCard('VISA'), new Date());
    const link = mock.platform.cards.link(id, card!);
    assert.ok(link.linked);
    return link.card;
  };

  it('shows the question/answer page with a "Check cards" button leading to the list', async () => {
    const res = await help.get(ENTRY);
    assert.equal(res.status, 200);
    assert.match(
      help.lastHtml,
      /<form method="get" action="\/buyercenter\/cards"><button type="submit">Check cards<\/button>/,
    );
  });

  it('sends a signed-out visitor of the list to the shop sign-in with a safe next', async () => {
    const res = await help.get(LIST);
    assert.equal(res.status, 302);
    assert.match(res.headers.get('location') ?? '', /^http:\/\/127\.0\.0\.1:4310\/signin\?next=/);
  });

  it("lists the profile's cards, each with a delete icon button named after the card", async () => {
    signIn(help);
    const card = linkCard();
    linkCard(otherId);
    await help.get(LIST);
    assert.match(help.lastHtml, new RegExp(`aria-label="Delete card VISA •••• ${card.last4}"`));
    assert.equal(
      (help.lastHtml.match(/aria-label="Delete card /g) ?? []).length,
      1,
      "only the buyer's own cards",
    );
    assert.match(help.lastHtml, /<dialog id="confirm-card_[\w-]+" aria-labelledby=/);
  });

  it('unlinks the card through the confirm form and says so', async () => {
    signIn(help);
    const card = linkCard();
    await help.get(LIST);
    const res = await help.post(`${LIST}/${card.id}/delete`, {});
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), LIST);
    assert.equal(mock.platform.cards.list(buyerId).length, 0);
    await help.get(LIST);
    assert.match(help.lastHtml, /role="status">The card VISA •••• \d{4} was unlinked/);
    assert.match(help.lastHtml, /No cards are linked to your profile/);
  });

  it("answers 404 to another buyer's card and keeps it", async () => {
    signIn(help);
    linkCard(); // the buyer's own card gives the page a form, and so a CSRF token
    const theirs = linkCard(otherId);
    await help.get(LIST);
    assert.equal((await help.post(`${LIST}/${theirs.id}/delete`, {})).status, 404);
    assert.equal(mock.platform.cards.list(otherId).length, 1);
  });

  it('refuses a delete without the CSRF token (403) or with a wrong one', async () => {
    signIn(help);
    const card = linkCard();
    await help.get(LIST);
    assert.equal((await help.post(`${LIST}/${card.id}/delete`, {}, { csrf: null })).status, 403);
    assert.equal((await help.post(`${LIST}/${card.id}/delete`, {}, { csrf: 'x'.repeat(32) })).status, 403);
    assert.equal(mock.platform.cards.list(buyerId).length, 1);
  });

  it('answers 4xx, never 5xx, to bad input', async () => {
    signIn(help);
    const card = linkCard();
    await help.get(LIST);
    const tries: [string, Record<string, string>, Parameters<Client['post']>[2]][] = [
      [`${LIST}/${'x'.repeat(500)}/delete`, {}, {}],
      [`${LIST}/%3Cscript%3E/delete`, {}, {}],
      [`${LIST}/${card.id}'%20OR%201=1/delete`, {}, {}],
      [`${LIST}/${card.id}/delete`, {}, { contentType: 'application/json', rawBody: '{}' }],
      [`${LIST}/${card.id}/delete`, { pad: 'x'.repeat(20_000) }, {}],
      [
        `${LIST}/${card.id}/delete`,
        {},
        { contentType: 'multipart/form-data; boundary=zz', rawBody: '--zz\r\nbroken' },
      ],
    ];
    for (const [path, form, options] of tries) {
      const res = await help.post(path, form, options);
      assert.ok(res.status >= 400 && res.status < 500, `${path} answered ${res.status}`);
    }
    assert.equal((await help.get('/buyercenter/nothing-here')).status, 404);
    assert.equal(mock.platform.cards.list(buyerId).length, 1);
  });

  it('answers 500 on every help page under the help-500 fault, health check excepted', async () => {
    signIn(help);
    linkCard();
    mock.platform.faults.set(['help-500']);
    assert.equal((await help.get(ENTRY)).status, 500);
    assert.match(help.lastHtml, /not available right now/);
    assert.equal((await help.get(LIST)).status, 500);
    assert.equal((await help.get('/healthz')).status, 200);
    mock.platform.faults.set([]);
    assert.equal((await help.get(LIST)).status, 200);
  });

  it('help-lang-missing: the card page loses <html lang>, nothing else changes', async () => {
    signIn(help);
    const card = linkCard();
    await help.get(LIST);
    assert.match(help.lastHtml, /<html lang="en">/);
    const clean = help.lastHtml.replace(/<input type="hidden" name="_csrf" value="[^"]+">/g, '');
    mock.platform.faults.set(['help-lang-missing']);
    await help.get(LIST);
    assert.match(help.lastHtml, /<html>\n/);
    assert.equal(
      help.lastHtml.replace(/<input type="hidden" name="_csrf" value="[^"]+">/g, ''),
      clean.replace('<html lang="en">', '<html>'),
    );
    assert.match(help.lastHtml, new RegExp(`aria-label="Delete card VISA •••• ${card.last4}"`));
    await help.get(ENTRY);
    assert.match(help.lastHtml, /<html lang="en">/, 'only the card page');
  });

  it('hides the card on the help list only under remove-partial', async () => {
    signIn(help);
    const card = linkCard();
    mock.platform.faults.set(['remove-partial']);
    await help.get(LIST);
    assert.equal((await help.post(`${LIST}/${card.id}/delete`, {})).status, 303);
    assert.equal(mock.platform.cardsOn('help', buyerId).length, 0);
    assert.equal(mock.platform.cardsOn('mobile-app', buyerId).length, 1);
    assert.equal(mock.platform.cards.list(buyerId).length, 1);
  });

  it('speaks Indonesian', async () => {
    await help.get(`${ENTRY}?lang=id`);
    assert.match(help.lastHtml, /Periksa kartu/);
  });
});

describe('transient-503 (every origin)', () => {
  afterEach(() => timers.reset());

  it('answers 503 once on the first GET of a page, spaced so one attempt meets at most one blip', async () => {
    timers.enable({ apis: ['Date'], now: 1_000_000 });
    const mock = testMock();
    mock.platform.faults.set(['transient-503']);
    const help = new Client(helpApp(mock));
    const site = new Client(mobileSiteApp(mock));
    assert.equal((await help.get('/healthz')).status, 200, 'the health check never blips');
    const first = await help.get(ENTRY);
    assert.equal(first.status, 503);
    assert.equal(first.headers.get('retry-after'), '1');
    assert.equal((await help.get(ENTRY)).status, 200, 'then the page works');
    assert.equal((await help.get(`${ENTRY}?lang=id`)).status, 200, 'the query does not make a new page');
    // Within the quiet time, new pages answer normally (a retry right after the blip passes) ...
    assert.equal((await site.get('/help')).status, 200);
    timers.tick(TRANSIENT_QUIET_MS);
    // ... and count as seen; after it, the next new page blips once.
    assert.equal((await site.get('/help')).status, 200);
    assert.equal((await site.get('/help/card-information')).status, 503, 'another origin, another page');
    assert.equal((await site.get('/help/card-information')).status, 200);
    timers.tick(TRANSIENT_QUIET_MS);
    assert.equal((await help.get('/x/card_AbCdEfGhIjKlMnOp')).status, 503);
    timers.tick(TRANSIENT_QUIET_MS);
    assert.equal((await help.get('/x/card_QrStUvWxYz012345')).status, 404, 'a fresh id is the same page');
  });

  it('does not touch form posts', async () => {
    timers.enable({ apis: ['Date'], now: 1_000_000 });
    const mock = testMock();
    const buyerId = mock.platform.accounts.create({ email: 't@x.test', password: 'secret-pw', name: 'T' }).id;
    const { card } = validateCard(randomTestCard('VISA'), new Date());
    const link = mock.platform.cards.link(buyerId, card!);
    assert.ok(link.linked);
    const help = new Client(helpApp(mock));
    help.signInAs(cookieNames('cwt').session, mock.platform.accounts.openSession(buyerId));
    await help.get(LIST);
    mock.platform.faults.set(['transient-503']);
    assert.equal((await help.post(`${LIST}/${link.card.id}/delete`, {})).status, 303);
    assert.equal(mock.platform.cards.list(buyerId).length, 0);
  });
});
