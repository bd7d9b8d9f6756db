import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { CATALOG } from '../../mock-app/domain/orders.ts';
import { randomTestCard } from '../../support/test-cards.ts';
import type { Client } from './harness.ts';
import { assertHonestPage, payWithNewCard, skinB } from './skin-b-helpers.ts';

/** Skin B's shop: its own URLs and wording, sign-up with a phone, checkout, purchases, contact (F10). */
let s: ReturnType<typeof skinB>;
let shop: Client;
beforeEach(() => {
  s = skinB();
  shop = s.client('shop', s.buyerId);
});

describe('skin B shop screens', () => {
  it('renders every screen with one h1, labelled fields and CSRF on every form', async () => {
    const order = s.mock.platform.checkout.pay(s.mock.platform.accounts.get(s.buyerId)!, CATALOG[0]!, {
      kind: 'balance',
    });
    assert.equal(order.ok, false, 'no balance yet: the order page comes from a card payment below');
    const pages = ['/', '/item/p-phone-case', '/pay?item=p-phone-case', '/purchases', '/claims', '/contact'];
    for (const path of pages) {
      const res = await shop.get(path);
      assert.equal(res.status, 200, path);
      assertHonestPage(shop.lastHtml, path);
    }
    const visitor = s.client('shop');
    for (const path of ['/account/login', '/account/register']) {
      assert.equal((await visitor.get(path)).status, 200, path);
      assertHonestPage(visitor.lastHtml, path);
    }
    assert.equal((await shop.get('/item/nope')).status, 404);
    assert.match(shop.lastHtml, /<h1>We could not find that page<\/h1>/);
    assert.equal((await shop.get('/pay?item=nope')).status, 404);
  });

  it('"Your account" is a disclosure of an unnamed list without support; support is in the footer', async () => {
    await shop.get('/');
    assert.match(
      shop.lastHtml,
      /<button type="button" aria-expanded="false" aria-controls="account-menu">Your account<\/button>\s*<ul id="account-menu" hidden>/,
    );
    const menu = /<ul id="account-menu" hidden>[\s\S]*?<\/ul>/.exec(shop.lastHtml)![0];
    for (const entry of ['Purchases', 'Claims', 'Northwind Pay', 'Log out'])
      assert.ok(menu.includes(`>${entry}<`), entry);
    assert.doesNotMatch(menu, /contact/i);
    assert.doesNotMatch(menu, /aria-label/);
    assert.match(
      shop.lastHtml,
      /<footer><nav aria-label="Footer"><ul>\s*<li><a href="http:\/\/127\.0\.0\.1:4310\/contact">Contact us<\/a>/,
    );
  });

  it("a signed-out visitor of checkout logs in and comes back; only the mock's own origins as return_to", async () => {
    const visitor = s.client('shop');
    const res = await visitor.get('/pay?item=p-phone-case');
    assert.equal(res.status, 302);
    assert.match(
      res.headers.get('location') ?? '',
      /^http:\/\/127\.0\.0\.1:4310\/account\/login\?return_to=/,
    );
    await visitor.get('/account/login');
    const wrong = await visitor.post('/account/login', {
      email: 'b@x.test',
      password: 'nope',
      return_to: '',
    });
    assert.equal(wrong.status, 422);
    assert.match(visitor.lastHtml, /role="alert"/);
    const ok = await visitor.post('/account/login', {
      email: 'b@x.test',
      password: 'secret-pw',
      return_to: 'https://evil.example/steal',
    });
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('location'), '/');
  });
});

describe('skin B log out', () => {
  it('"Log out" ends the session: checkout asks to log in again', async () => {
    const sid = s.mock.platform.accounts.openSession(s.buyerId);
    const visitor = s.client('shop');
    visitor.signInAs('cwt_sid', sid);
    assert.equal((await visitor.get('/pay?item=p-phone-case')).status, 200);
    const res = await visitor.post('/account/logout', {});
    assert.equal(res.status, 303);
    visitor.signInAs('cwt_sid', sid); // the old cookie, replayed: the session itself is gone
    assert.equal((await visitor.get('/pay?item=p-phone-case')).status, 302);
  });
});

describe('skin B sign-up: email, password, mobile number (no name, no country)', () => {
  it('asks exactly those three fields', async () => {
    const visitor = s.client('shop');
    await visitor.get('/account/register');
    const labels = [...visitor.lastHtml.matchAll(/<label for="[^"]+">([^<]+)<\/label>/g)].map((m) => m[1]);
    assert.deepEqual(labels, ['Email address', 'Password', 'Mobile number']);
  });

  it('creates the account with the country of the number, signs in, returns', async () => {
    const visitor = s.client('shop');
    await visitor.get('/account/register');
    const res = await visitor.post('/account/register', {
      email: 'New@X.test',
      password: 'long-enough',
      phone: '+7 701 555 01 01',
      return_to: 'http://127.0.0.1:4313/account',
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), 'http://127.0.0.1:4313/account');
    const account = s.mock.platform.accounts.authenticate('new@x.test', 'long-enough');
    assert.equal(account?.country, 'KZ');
    assert.equal(account?.name, '');
  });

  it('refuses bad input with one line per field, naming it, and keeps what was typed', async () => {
    const visitor = s.client('shop');
    await visitor.get('/account/register');
    const res = await visitor.post('/account/register', {
      email: 'b@x.test',
      password: 'short',
      phone: '+99 123',
    });
    assert.equal(res.status, 422);
    const alert = /<div role="alert"[^>]*><ul>([\s\S]*?)<\/ul><\/div>/.exec(visitor.lastHtml)![1]!;
    assert.deepEqual(
      [...alert.matchAll(/<li>([^:]+):/g)].map((m) => m[1]),
      ['Email address', 'Password', 'Mobile number'],
    );
    assert.match(visitor.lastHtml, /aria-invalid="true"/);
    assert.match(visitor.lastHtml, /value="\+99 123"/);
    for (const phone of ['', '0812 5555 0101', '+62 81', '+999 1234 5678', '<script>']) {
      await visitor.post('/account/register', {
        email: `p${phone.length}@x.test`,
        password: 'long-enough',
        phone,
      });
      assert.match(visitor.lastHtml, /<li>Mobile number:/, `phone "${phone}" refused`);
    }
  });
});

describe('skin B checkout (L1, F3)', () => {
  it('saved cards in their own fieldset, the other ways in a second one, the save box after the card fields, ticked', async () => {
    const card = s.linkCard();
    await shop.get('/pay?item=p-phone-case');
    const html = shop.lastHtml;
    const saved = /<fieldset>\s*<legend>Saved cards<\/legend>([\s\S]*?)<\/fieldset>/.exec(html)?.[1] ?? '';
    assert.match(
      saved,
      new RegExp(
        `<input type="radio" name="method" value="card:${card.id}" checked> VISA •••• ${card.last4}, expires`,
      ),
    );
    const other =
      /<fieldset>\s*<legend>Other ways to pay<\/legend>([\s\S]*?)<\/fieldset>/.exec(html)?.[1] ?? '';
    assert.match(other, /value="new" > New debit or credit card/);
    assert.doesNotMatch(other, /••••/);
    const details = html.indexOf('<legend>Card details</legend>');
    const box = html.indexOf('Save this card to Northwind Pay');
    assert.ok(details > 0 && box > html.indexOf('</fieldset>', details), 'the box follows the card fields');
    assert.match(
      html,
      /<input type="checkbox" name="save_card" value="yes" checked> Save this card to Northwind Pay/,
    );
  });

  it('paying with a new card and the box ticked saves it; unticked saves nothing', async () => {
    await shop.get('/pay?item=p-phone-case');
    const visa = randomTestCard('VISA');
    const pay = (card: typeof visa, save: boolean) => payWithNewCard(shop, card, save);
    assert.equal((await pay(visa, true)).status, 200);
    assert.match(shop.lastHtml, /<h1>Thank you for your order<\/h1>/);
    assert.match(
      shop.lastHtml,
      new RegExp(`<p role="status">VISA •••• ${visa.number.slice(-4)} is now saved in Northwind Pay\\.</p>`),
    );
    await shop.get('/pay?item=p-phone-case');
    const mc = randomTestCard('Mastercard');
    await pay(mc, false);
    assert.match(shop.lastHtml, /We did not save the card\./);
    assert.deepEqual(
      s.mock.platform.cards.list(s.buyerId).map((c) => c.last4),
      [visa.number.slice(-4)],
    );
  });

  it('the fault link-unticked leaves the box unticked', async () => {
    s.mock.platform.faults.set(['link-unticked']);
    await shop.get('/pay?item=p-phone-case');
    assert.match(shop.lastHtml, /<input type="checkbox" name="save_card" value="yes" > Save this card/);
  });

  it('refuses a bad card with one line per field, never echoing the number or the code', async () => {
    await shop.get('/pay?item=p-phone-case');
    const res = await shop.post('/pay', {
      item: 'p-phone-case',
      method: 'new',
      number: '4111 1111 1111 1112',
      exp: '13/99',
      csc: '98765',
      name_on_card: 'X',
    });
    assert.equal(res.status, 422);
    const lines = [...shop.lastHtml.matchAll(/<li>([^:<]+):/g)].map((m) => m[1]);
    assert.deepEqual(lines, ['Card number', 'Expiry date', 'Security code', 'Name on card']);
    assert.doesNotMatch(shop.lastHtml, /4111 1111 1111 1112|98765/);
  });

  it('answers unknown items and methods with a 400, never a 5xx', async () => {
    await shop.get('/pay?item=p-phone-case');
    assert.equal((await shop.post('/pay', { item: 'nope', method: 'new' })).status, 400);
    assert.equal((await shop.post('/pay', { item: 'p-phone-case', method: 'alt:bitcoin' })).status, 400);
    assert.equal((await shop.post('/pay', { item: 'p-phone-case', method: 'card:nope' })).status, 422);
  });
});

describe('skin B contact us (F10)', () => {
  it('answers a topic and a message with a reference T-nnnnnnnn', async () => {
    await shop.get('/contact');
    const res = await shop.post('/contact', { topic: 'removeCard', message: 'I cannot unlink my card.' });
    assert.equal(res.status, 303);
    await shop.get(res.headers.get('location')!);
    assert.match(shop.lastHtml, /<h1>Message received<\/h1>\s*<p role="status">Your reference is T-\d{8}\./);
    assert.match(shop.lastHtml, /Topic: Unlinking a card/);
  });

  it("refuses a missing topic and a short message, one line each; another buyer's reference is 404", async () => {
    await shop.get('/contact');
    assert.equal((await shop.post('/contact', { topic: '', message: 'short' })).status, 422);
    const lines = [...shop.lastHtml.matchAll(/<li>([^:<]+):/g)].map((m) => m[1]);
    assert.deepEqual(lines, ['What is it about', 'Your message']);
    const theirs = s.mock.platform.tickets.open(s.otherId, 'other', 'a ticket of theirs');
    assert.equal((await shop.get(`/contact/${theirs.id}`)).status, 404);
  });
});
