import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { validateCard } from '../../mock-app/domain/card-input.ts';
import type { StoredCard } from '../../mock-app/domain/cards.ts';
import { cookieNames, type MockContext } from '../../mock-app/http/origin.ts';
import { mobileAppApp } from '../../mock-app/origins/mobile-app.ts';
import { mobileSiteApp } from '../../mock-app/origins/mobile-site.ts';
import { randomTestCard } from '../../support/test-cards.ts';
import { Client, testMock } from './harness.ts';

let mock: MockContext;
let buyerId: string;
let otherId: string;

function setUp() {
  mock = testMock();
  buyerId = mock.platform.accounts.create({ email: 'm@x.test', password: 'secret-pw', name: 'Mia' }).id;
  otherId = mock.platform.accounts.create({ email: 'o@x.test', password: 'secret-pw', name: 'O' }).id;
}
const signIn = (client: Client, id = buyerId) =>
  client.signInAs(cookieNames('cwt').session, mock.platform.accounts.openSession(id));
const linkCard = (id = buyerId): StoredCard => {
  const { card } = validateCard(randomTestCard('Mastercard'), new Date());
  const link = mock.platform.cards.link(id, card!);
  assert.ok(link.linked);
  return link.card;
};

/** Malformed requests every card action must answer with a 4xx, never a 5xx. */
async function assertBadInputIs4xx(client: Client, action: (id: string) => string, cardId: string) {
  const tries: [string, Record<string, string>, Parameters<Client['post']>[2]][] = [
    [action('x'.repeat(500)), {}, {}],
    [action('%3Cscript%3E'), {}, {}],
    [action(`${cardId}'%20OR%201=1`), {}, {}],
    [action(cardId), {}, { contentType: 'application/json', rawBody: '{}' }],
    [action(cardId), {}, { contentType: 'text/plain', rawBody: 'delete' }],
    [action(cardId), { pad: 'x'.repeat(20_000) }, {}],
  ];
  for (const [path, form, options] of tries) {
    const res = await client.post(path, form, options);
    assert.ok(res.status >= 400 && res.status < 500, `${path} answered ${res.status}`);
  }
}

describe('mobile app over HTTP (R5)', () => {
  let app: Client;
  beforeEach(() => {
    setUp();
    app = new Client(mobileAppApp(mock));
  });

  it('sends a signed-out visitor to the shop sign-in with a safe next', async () => {
    for (const path of ['/', '/profile', '/profile/cards']) {
      const res = await app.get(path);
      assert.equal(res.status, 302);
      assert.match(res.headers.get('location') ?? '', /^http:\/\/127\.0\.0\.1:4310\/signin\?next=/);
    }
  });

  it('main menu -> "My Profile" -> tab "My bank cards" lists the cards with "Delete" next to each', async () => {
    signIn(app);
    const card = linkCard();
    await app.get('/');
    assert.match(app.lastHtml, /<nav aria-label="Main menu">[\s\S]*<a href="\/profile">My Profile<\/a>/);
    await app.get('/profile');
    assert.match(
      app.lastHtml,
      /<a role="tab" id="tab-cards" href="\/profile\/cards" aria-selected="false">My bank cards<\/a>/,
    );
    await app.get('/profile/cards');
    assert.match(app.lastHtml, /role="tabpanel" id="panel-cards" aria-labelledby="tab-cards"/);
    assert.match(
      app.lastHtml,
      new RegExp(`aria-label="Delete Mastercard •••• ${card.last4}">Delete</button>`),
    );
  });

  it('deletes the card and then shows the empty state', async () => {
    signIn(app);
    const card = linkCard();
    await app.get('/profile/cards');
    const res = await app.post(`/profile/cards/${card.id}/delete`, {});
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/profile/cards');
    assert.equal(mock.platform.cards.list(buyerId).length, 0);
    await app.get('/profile/cards');
    assert.match(app.lastHtml, /You have no bank cards\./);
  });

  it("answers 404 to another buyer's card", async () => {
    signIn(app);
    linkCard(); // the buyer's own card gives the page a form, and so a CSRF token
    const theirs = linkCard(otherId);
    await app.get('/profile/cards');
    assert.equal((await app.post(`/profile/cards/${theirs.id}/delete`, {})).status, 404);
    assert.equal(mock.platform.cards.list(otherId).length, 1);
  });

  it('refuses a delete without the CSRF token (403)', async () => {
    signIn(app);
    const card = linkCard();
    await app.get('/profile/cards');
    assert.equal((await app.post(`/profile/cards/${card.id}/delete`, {}, { csrf: null })).status, 403);
    assert.equal(mock.platform.cards.list(buyerId).length, 1);
  });

  it('answers 4xx, never 5xx, to bad input', async () => {
    signIn(app);
    const card = linkCard();
    await app.get('/profile/cards');
    await assertBadInputIs4xx(app, (id) => `/profile/cards/${id}/delete`, card.id);
    assert.equal(mock.platform.cards.list(buyerId).length, 1);
  });

  it('renames "My Profile" to "Profile" under mobile-label-drift; the cards tab keeps its name', async () => {
    signIn(app);
    mock.platform.faults.set(['mobile-label-drift']);
    await app.get('/');
    assert.ok(!app.lastHtml.includes('My Profile'));
    assert.match(app.lastHtml, /<a href="\/profile">Profile<\/a>/);
    await app.get('/profile/cards');
    assert.match(app.lastHtml, />My bank cards<\/a>/);
  });

  it('speaks Indonesian', async () => {
    signIn(app);
    await app.get('/?lang=id');
    assert.match(app.lastHtml, /Profil Saya/);
  });
});

describe('mobile site over HTTP (R6)', () => {
  let site: Client;
  beforeEach(() => {
    setUp();
    site = new Client(mobileSiteApp(mock));
  });

  it('menu -> Help Center -> "How do I change my card information?" -> a link to the card page', async () => {
    await site.get('/index.htm');
    assert.match(site.lastHtml, /<button type="button" data-opens="site-menu" aria-label="Menu"/);
    assert.match(
      site.lastHtml,
      /<dialog id="site-menu" aria-label="Menu"[\s\S]*<a href="\/help">Help Center<\/a>/,
    );
    await site.get('/help');
    assert.match(
      site.lastHtml,
      /<a href="\/help\/card-information">How do I change my card information\?<\/a>/,
    );
    await site.get('/help/card-information');
    assert.match(site.lastHtml, /<a href="\/cards">Remove a linked card<\/a>/);
    assert.equal((await site.get('/help/nope')).status, 404);
  });

  it('sends a signed-out visitor of the card page to the shop sign-in', async () => {
    const res = await site.get('/cards');
    assert.equal(res.status, 302);
    assert.match(res.headers.get('location') ?? '', /^http:\/\/127\.0\.0\.1:4310\/signin\?next=/);
  });

  it('deletes a card after the confirm dialog, through platform.removeCard("mobile-site")', async () => {
    signIn(site);
    const card = linkCard();
    await site.get('/cards');
    assert.match(site.lastHtml, new RegExp(`aria-label="Delete Mastercard •••• ${card.last4}"`));
    mock.platform.faults.set(['remove-partial']);
    assert.equal((await site.post(`/cards/${card.id}/delete`, {})).status, 303);
    assert.equal(mock.platform.cardsOn('mobile-site', buyerId).length, 0, 'hidden on this screen');
    assert.equal(mock.platform.cards.list(buyerId).length, 1, 'but still stored: the partial fault');
    mock.platform.faults.set([]);
    const again = linkCard();
    await site.get('/cards');
    assert.equal((await site.post(`/cards/${again.id}/delete`, {})).status, 303);
    assert.ok(!mock.platform.cards.list(buyerId).some((c) => c.id === again.id));
  });

  it('remove-keeps-mobile-site: a card removed anywhere is gone from the store and every list but this one', async () => {
    signIn(site);
    const card = linkCard();
    mock.platform.faults.set(['remove-keeps-mobile-site']);
    assert.ok(mock.platform.removeCard('help', buyerId, card.id), 'the help centre says removed');
    assert.equal(mock.platform.cards.list(buyerId).length, 0, 'gone from the store');
    for (const screen of ['checkout', 'wallet-direct', 'wallet-home', 'help', 'mobile-app'] as const)
      assert.equal(mock.platform.cardsOn(screen, buyerId).length, 0, screen);
    await site.get('/cards');
    assert.match(
      site.lastHtml,
      new RegExp(`Mastercard •••• ${card.last4} · expires`),
      'still on the mobile site',
    );
    assert.equal(
      (await site.post(`/cards/${card.id}/delete`, {})).status,
      404,
      'and it cannot be deleted there',
    );
    mock.platform.faults.set([]);
    mock.platform.reset();
  });

  it('remove-extra-confirm-page: one more page ("Are you sure?") before the card goes', async () => {
    signIn(site);
    const card = linkCard();
    mock.platform.faults.set(['remove-extra-confirm-page']);
    await site.get('/cards');
    assert.equal((await site.post(`/cards/${card.id}/delete`, {})).status, 200);
    assert.match(site.lastHtml, /<h1>Are you sure\?<\/h1>/);
    assert.match(site.lastHtml, /name="sure" value="yes">\s*<button type="submit">Yes, remove it<\/button>/);
    assert.match(site.lastHtml, /<a href="\/cards">Keep the card<\/a>/);
    assert.equal(mock.platform.cards.list(buyerId).length, 1, 'not yet removed');
    assert.equal((await site.post(`/cards/${card.id}/delete`, { sure: 'yes' })).status, 303);
    assert.equal(mock.platform.cards.list(buyerId).length, 0);
    mock.platform.faults.set([]);
  });

  it("answers 404 to another buyer's card, 403 without CSRF, 4xx on bad input", async () => {
    signIn(site);
    const mine = linkCard();
    const theirs = linkCard(otherId);
    await site.get('/cards');
    assert.equal((await site.post(`/cards/${theirs.id}/delete`, {})).status, 404);
    assert.equal((await site.post(`/cards/${mine.id}/delete`, {}, { csrf: null })).status, 403);
    await assertBadInputIs4xx(site, (id) => `/cards/${id}/delete`, mine.id);
    assert.equal(mock.platform.cards.list(buyerId).length, 1);
    assert.equal(mock.platform.cards.list(otherId).length, 1);
  });
});
