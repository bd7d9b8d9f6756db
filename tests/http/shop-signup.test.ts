import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { MockContext } from '../../mock-app/http/origin.ts';
import { shopApp } from '../../mock-app/origins/shop.ts';
import { Client, testMock } from './harness.ts';

describe('shop sign-up', () => {
  let mock: MockContext;
  let shop: Client;
  const valid = { email: 'New.Buyer@x.test', password: 'long-enough', name: 'Nina', country: 'RU' };

  beforeEach(async () => {
    mock = testMock();
    shop = new Client(shopApp(mock));
    await shop.get('/signup');
  });

  it('creates the account, signs it in and remembers the country and the page locale', async () => {
    await shop.get('/signup?lang=id');
    const res = await shop.post('/signup', valid);
    assert.equal(res.status, 303);
    const account = mock.platform.accounts.authenticate('new.buyer@x.test', 'long-enough');
    assert.ok(account);
    assert.equal(account.country, 'RU');
    assert.equal(account.locale, 'id');
    await shop.get('/checkout');
    assert.match(shop.lastHtml, /WebMoney/, 'signed in, and offered the methods of Russia');
  });

  const cases: [string, Record<string, string>, RegExp][] = [
    ['a missing email', { email: '' }, /Enter a valid email address/],
    ['a malformed email', { email: 'not-an-email' }, /Enter a valid email address/],
    ['a short password', { password: 'short' }, /password of 8 to 200/],
    ['an oversized password', { password: 'p'.repeat(201) }, /password of 8 to 200/],
    ['a missing name', { name: '   ' }, /Enter your name/],
    ['markup in the name', { name: '<script>alert(1)</script>' }, /Enter your name/],
    ['a control character in the name', { name: 'Ni\u0007na' }, /Enter your name/],
    ['an unknown country', { country: 'XX' }, /Choose your country/],
    ['a wrong-typed country', { country: '42' }, /Choose your country/],
  ];
  for (const [what, change, message] of cases) {
    it(`refuses ${what} with 422 and an inline error`, async () => {
      const res = await shop.post('/signup', { ...valid, ...change });
      assert.equal(res.status, 422);
      assert.match(shop.lastHtml, message);
      assert.match(shop.lastHtml, /aria-invalid="true"/);
      assert.doesNotMatch(shop.lastHtml, /<script>alert/);
      assert.equal(mock.platform.accounts.authenticate(valid.email, valid.password), undefined);
    });
  }

  it('refuses an email that already has an account', async () => {
    mock.platform.accounts.create({ email: 'taken@x.test', password: 'whatever1', name: 'T' });
    const res = await shop.post('/signup', { ...valid, email: 'TAKEN@x.test' });
    assert.equal(res.status, 422);
    assert.match(shop.lastHtml, /already exists/);
  });

  it('never echoes the password back', async () => {
    await shop.post('/signup', { ...valid, password: 'secret-password-x', country: 'XX' });
    assert.ok(!shop.lastHtml.includes('secret-password-x'));
  });

  it('answers 4xx, never 5xx, to missing fields, an oversized body and a missing CSRF token', async () => {
    assert.equal((await shop.post('/signup', {})).status, 422);
    await shop.get('/signup');
    assert.equal((await shop.post('/signup', { ...valid, name: 'x'.repeat(20_000) })).status, 413);
    assert.equal((await shop.post('/signup', valid, { csrf: null })).status, 403);
  });

  it('does not follow an outside "next" after sign-up', async () => {
    const res = await shop.post('/signup', { ...valid, next: '//evil.example/' });
    assert.equal(res.headers.get('location'), '/');
  });
});
