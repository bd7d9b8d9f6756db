import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { validateCard } from '../../mock-app/domain/card-input.ts';
import { cookieNames, type MockContext } from '../../mock-app/http/origin.ts';
import { shopApp } from '../../mock-app/origins/shop.ts';
import { walletApp } from '../../mock-app/origins/wallet.ts';
import { randomTestCard } from '../../support/test-cards.ts';
import { Client, testMock } from './harness.ts';

describe('shop and wallet over HTTP', () => {
  let mock: MockContext;
  let shop: Client;
  let wallet: Client;
  let buyerId: string;

  beforeEach(async () => {
    mock = testMock();
    buyerId = mock.platform.accounts.create({ email: 'buyer@x.test', password: 'secret-pw', name: 'B' }).id;
    shop = new Client(shopApp(mock));
    wallet = new Client(walletApp(mock));
  });

  const signIn = (client: Client) =>
    client.signInAs(cookieNames('cwt').session, mock.platform.accounts.openSession(buyerId));
  const linkCard = () => {
    const { card } = validateCard(randomTestCard('VISA'), new Date());
    const link = mock.platform.cards.link(buyerId, card!);
    assert.ok(link.linked);
    return link.card;
  };

  it('signs in with the right password and refuses a wrong one', async () => {
    await shop.get('/signin');
    const bad = await shop.post('/signin', { email: 'buyer@x.test', password: 'nope' });
    assert.equal(bad.status, 422);
    assert.match(shop.lastHtml, /Wrong email or password/);
    await shop.get('/signin');
    const good = await shop.post('/signin', {
      email: 'buyer@x.test',
      password: 'secret-pw',
      next: 'https://evil.example/',
    });
    assert.equal(good.status, 303);
    assert.equal(good.headers.get('location'), '/', 'an outside "next" must not be followed');
  });

  it('refuses a form without the CSRF token (403)', async () => {
    await shop.get('/signin');
    const res = await shop.post('/signin', { email: 'buyer@x.test', password: 'secret-pw' }, { csrf: null });
    assert.equal(res.status, 403);
  });

  it('answers 415 to a JSON body and 413 to an oversized one', async () => {
    await shop.get('/signin');
    assert.equal(
      (await shop.post('/signin', {}, { contentType: 'application/json', rawBody: '{}' })).status,
      415,
    );
    const huge = await shop.post('/signin', { email: 'x'.repeat(20_000), password: 'p' });
    assert.equal(huge.status, 413);
  });

  it('ticks "Link card to wallet" by default (F3)', async () => {
    signIn(shop);
    await shop.get('/checkout');
    assert.match(shop.lastHtml, /<input type="checkbox" name="linkCard" value="on" checked>/);
  });

  it('links the card paid with when the box is ticked, not otherwise (L1)', async () => {
    signIn(shop);
    const card = randomTestCard('Mastercard');
    const pay = async (link: boolean) => {
      await shop.get('/checkout');
      const form: Record<string, string> = {
        product: 'p-usb-cable',
        method: 'new',
        cardNumber: card.number,
        expiry: card.expiry,
        cvc: card.cvc,
        holder: card.holder,
      };
      if (link) form.linkCard = 'on';
      return shop.post('/checkout', form);
    };
    assert.equal((await pay(false)).status, 200);
    assert.equal(mock.platform.cards.list(buyerId).length, 0);
    assert.equal((await pay(true)).status, 200);
    assert.deepEqual(
      mock.platform.cards.list(buyerId).map((c) => c.last4),
      [card.last4],
    );
    assert.ok(!shop.lastHtml.includes(card.number), 'the page must not show the full number');
  });

  it('re-asks with 422 and inline errors, never echoing the number or CVC', async () => {
    signIn(shop);
    await shop.get('/checkout');
    const res = await shop.post('/checkout', {
      product: 'p-usb-cable',
      method: 'new',
      cardNumber: '4242424242424241',
      expiry: '13/99',
      cvc: '987',
      holder: 'B',
    });
    assert.equal(res.status, 422);
    assert.match(shop.lastHtml, /aria-invalid="true" aria-describedby="cardNumber-error"/);
    assert.ok(!shop.lastHtml.includes('4242424242424241'));
    assert.ok(!shop.lastHtml.includes('987'));
  });

  it('answers 400 to an unknown product or payment method', async () => {
    signIn(shop);
    await shop.get('/checkout');
    assert.equal((await shop.post('/checkout', { product: 'nope', method: 'new' })).status, 400);
    await shop.get('/checkout');
    assert.equal((await shop.post('/checkout', { product: 'p-usb-cable', method: 'bitcoin' })).status, 400);
  });

  it('sends a signed-out visitor of the wallet to the shop sign-in', async () => {
    const res = await wallet.get('/');
    assert.equal(res.status, 302);
    assert.match(res.headers.get('location') ?? '', /^http:\/\/127\.0\.0\.1:4310\/signin\?next=/);
  });

  it('deletes a card from the direct page (R3), and 404s on a card that is not yours', async () => {
    signIn(wallet);
    const card = linkCard();
    await wallet.get('/');
    assert.match(wallet.lastHtml, new RegExp(`VISA •••• ${card.last4}`));
    assert.equal((await wallet.post('/cards/card_not_mine/delete', {})).status, 404);
    const res = await wallet.post(`/cards/${card.id}/delete`, {});
    assert.equal(res.status, 303);
    assert.equal(mock.platform.cards.list(buyerId).length, 0);
    await wallet.get('/');
    assert.match(wallet.lastHtml, /role="status">The card VISA •••• \d{4} was deleted/);
    assert.match(wallet.lastHtml, /No cards are linked/);
  });

  it('keeps the card under the remove-noop fault while saying it was deleted', async () => {
    mock.platform.faults.set(['remove-noop']);
    signIn(wallet);
    const card = linkCard();
    await wallet.get('/');
    await wallet.post(`/cards/${card.id}/delete`, {});
    await wallet.get('/');
    assert.match(wallet.lastHtml, /was deleted/);
    assert.equal(mock.platform.cards.list(buyerId).length, 1);
  });

  it('speaks Indonesian when asked', async () => {
    await shop.get('/signin?lang=id');
    assert.match(shop.lastHtml, /<h1>Masuk<\/h1>/);
    await shop.get('/signin');
    assert.match(shop.lastHtml, /<h1>Masuk<\/h1>/, 'the choice sticks for the session');
  });
});

describe('remove-partial', () => {
  it('hides the card on the removing screen only; the store and checkout keep it', async () => {
    const mock = testMock();
    const buyerId = mock.platform.accounts.create({ email: 'p@x.test', password: 'pw', name: 'P' }).id;
    const { card } = validateCard(randomTestCard('VISA'), new Date());
    const link = mock.platform.cards.link(buyerId, card!);
    assert.ok(link.linked);
    mock.platform.faults.set(['remove-partial']);
    assert.equal(mock.platform.removeCard('wallet-direct', buyerId, link.card.id)?.id, link.card.id);
    assert.equal(mock.platform.cardsOn('wallet-direct', buyerId).length, 0);
    assert.equal(mock.platform.cardsOn('checkout', buyerId).length, 1);
    assert.equal(mock.platform.cards.list(buyerId).length, 1);
  });
});
