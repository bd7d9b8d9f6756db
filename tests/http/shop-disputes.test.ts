import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MockContext } from '../../mock-app/http/origin.ts';
import { controlApp } from '../../mock-app/origins/control.ts';
import { randomTestCard } from '../../support/test-cards.ts';
import type { Client } from './harness.ts';
import { cardForm, pay, secondBuyer, shopWithBuyer } from './shop-helpers.ts';

async function control(mock: MockContext, method: string, path: string, body?: unknown) {
  const res = await controlApp(mock).request(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> & unknown[] };
}

/** Pays for the phone case ($4.99) with a new card, opens a dispute on it, and lets the control API win it. */
async function disputeWon(shop: Client, mock: MockContext, buyerId: string, linkCard: boolean) {
  const card = randomTestCard('VISA');
  await pay(shop, cardForm(card, linkCard ? { linkCard: 'on' } : {}));
  const [order] = mock.platform.orders.list(buyerId);
  await shop.get('/orders');
  assert.match(shop.lastHtml, new RegExp(`href="/orders/${order!.id}/dispute"`));
  await shop.get(`/orders/${order!.id}/dispute`);
  const opened = await shop.post(`/orders/${order!.id}/dispute`, { reason: 'notReceived' });
  assert.equal(opened.status, 303);
  const list = await control(mock, 'GET', `/buyers/${buyerId}/disputes`);
  const dispute = (list.json as unknown as { id: string; status: string }[])[0]!;
  assert.equal(dispute.status, 'open');
  const resolved = await control(mock, 'POST', `/disputes/${dispute.id}/resolve`, { outcome: 'won' });
  assert.equal(resolved.status, 200);
  await shop.get('/disputes');
  return { card, dispute, resolved: resolved.json };
}

describe('shop disputes (F4)', () => {
  it('refunds a won dispute to the wallet balance when the card is linked; the balance pays in the shop', async () => {
    const { shop, mock, buyerId } = shopWithBuyer();
    const { resolved } = await disputeWon(shop, mock, buyerId, true);
    assert.equal(resolved.refundTo, 'balance');
    assert.match(shop.lastHtml, /Won: \$4\.99 refunded to your wallet balance/);
    assert.equal(mock.platform.balance.of(buyerId), 499);
    await shop.get('/checkout');
    assert.match(shop.lastHtml, /Wallet balance \(\$4\.99\)/);
    const res = await shop.post('/checkout', { product: 'p-phone-case', method: 'balance' });
    assert.equal(res.status, 200);
    assert.match(shop.lastHtml, /Paid with Wallet balance/);
    assert.equal(mock.platform.balance.of(buyerId), 0);
  });

  it('refunds to the card when the card was not linked', async () => {
    const { shop, mock, buyerId } = shopWithBuyer();
    const { card, resolved } = await disputeWon(shop, mock, buyerId, false);
    assert.equal(resolved.refundTo, 'card');
    assert.match(shop.lastHtml, new RegExp(`Won: \\$4\\.99 refunded to the card VISA •••• ${card.last4}`));
    assert.equal(mock.platform.balance.of(buyerId), 0);
  });

  it('resolves a dispute once (409 the second time) and 404s an unknown one', async () => {
    const { shop, mock, buyerId } = shopWithBuyer();
    const { dispute } = await disputeWon(shop, mock, buyerId, true);
    assert.equal((await control(mock, 'POST', `/disputes/${dispute.id}/resolve`, {})).status, 409);
    assert.equal((await control(mock, 'POST', '/disputes/dispute_nope/resolve', {})).status, 404);
    assert.equal(
      (await control(mock, 'POST', `/disputes/${dispute.id}/resolve`, { outcome: 'maybe' })).status,
      400,
    );
    assert.equal(mock.platform.balance.of(buyerId), 499, 'refunded once');
  });

  it("404s another buyer's order, and refuses a dispute without a known reason", async () => {
    const { shop, mock, buyerId } = shopWithBuyer();
    await pay(shop, cardForm(randomTestCard('VISA')));
    const [order] = mock.platform.orders.list(buyerId);
    const other = secondBuyer(mock);
    assert.equal((await other.client.get(`/orders/${order!.id}/dispute`)).status, 404);
    await other.client.get('/orders');
    assert.doesNotMatch(other.client.lastHtml, new RegExp(order!.id));
    assert.equal(
      (await other.client.post(`/orders/${order!.id}/dispute`, { reason: 'notReceived' })).status,
      404,
    );
    await shop.get(`/orders/${order!.id}/dispute`);
    assert.equal((await shop.post(`/orders/${order!.id}/dispute`, { reason: '<script>' })).status, 400);
    assert.equal((await shop.post(`/orders/${order!.id}/dispute`, {})).status, 400);
    assert.equal(mock.platform.disputes.list(buyerId).length, 0);
  });
});
