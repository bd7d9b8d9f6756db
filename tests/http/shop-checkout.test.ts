import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomTestCard } from '../../support/test-cards.ts';
import { cardForm, pay, seedLinked, shopWithBuyer } from './shop-helpers.ts';

const ALTERNATIVES = /WebMoney|QIWI|Western Union/g;

describe('shop checkout: payment methods by country (F1)', () => {
  const table: [string, string[]][] = [
    ['RU', ['WebMoney', 'WebMoney', 'QIWI', 'Western Union']],
    ['KZ', ['WebMoney', 'WebMoney', 'QIWI']],
    ['ID', ['Western Union']],
    ['US', []],
  ];
  for (const [country, expected] of table) {
    it(`offers cards, the wallet balance and ${expected.join(', ') || 'no e-payment system'} in ${country}`, async () => {
      const { shop } = shopWithBuyer(country);
      await shop.get('/checkout');
      assert.match(shop.lastHtml, /value="new"/);
      assert.match(shop.lastHtml, /Wallet balance \(\$0\.00\)/);
      const fieldset = shop.lastHtml.slice(0, shop.lastHtml.indexOf('</fieldset>'));
      assert.deepEqual(fieldset.match(ALTERNATIVES) ?? [], expected);
    });
  }

  it('pays with an offered e-payment system, refuses one not offered (422) and an unknown one (400)', async () => {
    const { shop, mock, buyerId } = shopWithBuyer('RU');
    assert.equal((await pay(shop, { product: 'p-phone-case', method: 'alt:qiwi' })).status, 200);
    assert.match(shop.lastHtml, /Paid with QIWI/);
    const us = shopWithBuyer('US');
    assert.equal((await pay(us.shop, { product: 'p-phone-case', method: 'alt:qiwi' })).status, 422);
    assert.match(us.shop.lastHtml, /not offered in your country/);
    assert.equal((await pay(shop, { product: 'p-phone-case', method: 'alt:bitcoin' })).status, 400);
    assert.equal(mock.platform.orders.list(buyerId).length, 1);
  });

  it('refuses to pay with a balance that is too low (422), no order is placed', async () => {
    const { shop, mock, buyerId } = shopWithBuyer();
    await shop.get('/checkout');
    assert.match(shop.lastHtml, /value="balance"\s+disabled/);
    assert.equal((await shop.post('/checkout', { product: 'p-phone-case', method: 'balance' })).status, 422);
    assert.match(shop.lastHtml, /balance is not enough/);
    assert.equal(mock.platform.orders.list(buyerId).length, 0);
  });
});

describe('shop checkout: the 5-card limit (F6)', () => {
  it('links five cards; the sixth is refused with a clear message while the order completes', async () => {
    const { shop, mock, buyerId } = shopWithBuyer();
    for (let i = 0; i < 5; i++) {
      const res = await pay(
        shop,
        cardForm(randomTestCard(i % 2 ? 'Mastercard' : 'VISA'), { linkCard: 'on' }),
      );
      assert.equal(res.status, 200);
      assert.match(shop.lastHtml, /is now linked to your wallet/);
    }
    const sixth = randomTestCard('VISA');
    const res = await pay(shop, cardForm(sixth, { linkCard: 'on' }));
    assert.equal(res.status, 200);
    assert.match(shop.lastHtml, /<h1>Order placed<\/h1>/);
    assert.match(shop.lastHtml, /role="status">The card was not linked: a wallet holds at most 5 cards/);
    assert.equal(mock.platform.cards.list(buyerId).length, 5);
    assert.ok(!mock.platform.cards.list(buyerId).some((c) => c.last4 === sixth.last4));
    assert.equal(mock.platform.orders.list(buyerId).length, 6);
  });

  it('links a sixth card under the card-limit fault', async () => {
    const { shop, mock, buyerId } = shopWithBuyer();
    mock.platform.faults.set(['card-limit']);
    for (let i = 0; i < 5; i++) seedLinked(mock, buyerId);
    await pay(shop, cardForm(randomTestCard('VISA'), { linkCard: 'on' }));
    assert.equal(mock.platform.cards.list(buyerId).length, 6);
  });

  it('says so when the card was already linked, and links it once', async () => {
    const { shop, mock, buyerId } = shopWithBuyer();
    const card = randomTestCard('Mastercard');
    await pay(shop, cardForm(card, { linkCard: 'on' }));
    await pay(shop, cardForm(card, { linkCard: 'on' }));
    assert.match(shop.lastHtml, /was already linked/);
    assert.equal(mock.platform.cards.list(buyerId).length, 1);
  });
});

describe('shop checkout: expired and reissued cards (F9, L3)', () => {
  const expiredVisa = () => randomTestCard('VISA', { expiresInYears: -1, holder: 'Ann Lee' });

  it('marks an expired saved card and refuses to charge it (422)', async () => {
    const { shop, mock, buyerId } = shopWithBuyer();
    const old = seedLinked(mock, buyerId, expiredVisa());
    await shop.get('/checkout');
    assert.match(
      shop.lastHtml,
      new RegExp(`value="card:${old.id}" disabled>\\s*Saved card VISA •••• ${old.last4} \\(expired\\)`),
    );
    assert.match(shop.lastHtml, /value="new" checked/, 'the expired card is not the default');
    const res = await shop.post('/checkout', { product: 'p-phone-case', method: `card:${old.id}` });
    assert.equal(res.status, 422);
    assert.match(shop.lastHtml, /That card has expired/);
    assert.equal(mock.platform.orders.list(buyerId).length, 0);
  });

  it('links the reissued card automatically, even unticked, in place of the expired one', async () => {
    const { shop, mock, buyerId } = shopWithBuyer();
    const old = seedLinked(mock, buyerId, expiredVisa());
    const reissued = randomTestCard('VISA', { holder: 'ann lee' });
    const res = await pay(shop, cardForm(reissued));
    assert.equal(res.status, 200);
    assert.match(
      shop.lastHtml,
      new RegExp(
        `reissued card VISA •••• ${reissued.last4} replaces the expired card VISA •••• ${old.last4}`,
      ),
    );
    assert.deepEqual(
      mock.platform.cards.list(buyerId).map((c) => c.last4),
      [reissued.last4],
    );
  });

  it('does not treat a card of another holder or brand as a reissue', async () => {
    const { shop, mock, buyerId } = shopWithBuyer();
    seedLinked(mock, buyerId, expiredVisa());
    await pay(shop, cardForm(randomTestCard('Mastercard', { holder: 'Ann Lee' })));
    await pay(shop, cardForm(randomTestCard('VISA', { holder: 'Bob Lee' })));
    assert.equal(mock.platform.cards.list(buyerId).length, 1);
  });
});

describe('shop checkout: bad input', () => {
  it('answers 4xx to a missing product, a wrong-typed method, oversized and malicious fields', async () => {
    const { shop, mock, buyerId } = shopWithBuyer();
    assert.equal((await pay(shop, { method: 'new' })).status, 400);
    assert.equal((await pay(shop, { product: 'p-phone-case', method: '42' })).status, 400);
    assert.equal((await pay(shop, { product: 'p-phone-case', method: 'card:' })).status, 422);
    assert.equal((await pay(shop, { product: "p-phone-case' OR 1=1 --", method: 'new' })).status, 400);
    const xss = await pay(
      shop,
      cardForm(randomTestCard('VISA'), { holder: '<img src=x onerror=alert(1)>', expiry: '<b>' }),
    );
    assert.equal(xss.status, 422);
    assert.doesNotMatch(shop.lastHtml, /<img src=x/);
    assert.doesNotMatch(shop.lastHtml, /<b>/);
    assert.equal(
      (await pay(shop, { product: 'p-phone-case', method: 'new', cardNumber: '4'.repeat(20_000) })).status,
      413,
    );
    assert.equal(mock.platform.orders.list(buyerId).length, 0);
  });

  it("refuses to charge another buyer's saved card", async () => {
    const { shop, mock } = shopWithBuyer();
    const otherId = mock.platform.accounts.create({
      email: 'o@x.test',
      password: 'pw-pw-pw-pw',
      name: 'O',
    }).id;
    const theirs = seedLinked(mock, otherId);
    const res = await pay(shop, { product: 'p-phone-case', method: `card:${theirs.id}` });
    assert.equal(res.status, 422);
    assert.doesNotMatch(shop.lastHtml, new RegExp(theirs.last4));
    assert.equal(mock.platform.orders.list(otherId).length, 0);
  });

  it('sends a signed-out visitor of checkout to sign in', async () => {
    const { mock } = shopWithBuyer();
    const { Client } = await import('./harness.ts');
    const { shopApp } = await import('../../mock-app/origins/shop.ts');
    const anon = new Client(shopApp(mock));
    for (const path of ['/checkout', '/orders', '/disputes', '/support']) {
      const res = await anon.get(path);
      assert.equal(res.status, 302, path);
      assert.match(res.headers.get('location') ?? '', /^\/signin\?next=/);
    }
  });
});
