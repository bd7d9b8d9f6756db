import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { secondBuyer, shopWithBuyer } from './shop-helpers.ts';

describe('shop "Contact support" (F10)', () => {
  it('answers a category and a description with a ticket number', async () => {
    const { shop, mock, buyerId } = shopWithBuyer();
    await shop.get('/support');
    assert.match(shop.lastHtml, /<select id="category" name="category"/);
    const res = await shop.post('/support', {
      category: 'removeCard',
      description: 'The wallet says my card was removed but checkout still offers it.',
    });
    assert.equal(res.status, 303);
    const location = res.headers.get('location') ?? '';
    assert.match(location, /^\/support\/tickets\/T-\d{8}$/);
    await shop.get(location);
    assert.match(shop.lastHtml, /Your ticket number is T-\d{8}\./);
    assert.equal(mock.platform.tickets.list(buyerId).length, 1);
  });

  const bad: [string, Record<string, string>][] = [
    ['a missing category', { description: 'Something long enough.' }],
    ['an unknown category', { category: 'refund; DROP TABLE', description: 'Something long enough.' }],
    ['a missing description', { category: 'payment' }],
    ['a too short description', { category: 'payment', description: 'short' }],
    ['a too long description', { category: 'payment', description: 'x'.repeat(2001) }],
    ['control characters', { category: 'payment', description: 'Something \u0000 long enough.' }],
  ];
  for (const [what, form] of bad) {
    it(`refuses ${what} with 422`, async () => {
      const { shop, mock, buyerId } = shopWithBuyer();
      await shop.get('/support');
      assert.equal((await shop.post('/support', form)).status, 422);
      assert.match(shop.lastHtml, /role="alert"/);
      assert.equal(mock.platform.tickets.list(buyerId).length, 0);
    });
  }

  it('escapes markup in the description and answers 413 to an oversized body', async () => {
    const { shop } = shopWithBuyer();
    await shop.get('/support');
    await shop.post('/support', { category: 'other', description: '<script>alert(1)</script>' });
    await shop.get((shop.lastHtml.match(/\/support\/tickets\/T-\d+/) ?? ['/support'])[0]);
    assert.doesNotMatch(shop.lastHtml, /<script>alert/);
    await shop.get('/support');
    assert.equal(
      (await shop.post('/support', { category: 'other', description: 'x'.repeat(20_000) })).status,
      413,
    );
  });

  it("404s another buyer's ticket", async () => {
    const { shop, mock } = shopWithBuyer();
    await shop.get('/support');
    const res = await shop.post('/support', { category: 'payment', description: 'My payment failed twice.' });
    const other = secondBuyer(mock);
    assert.equal((await other.client.get(res.headers.get('location')!)).status, 404);
  });
});
