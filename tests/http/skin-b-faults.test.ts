import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { StoredCard } from '../../mock-app/domain/cards.ts';
import { SLOW_WALLET_DELAY_MS } from '../../mock-app/origins/wallet.ts';
import { B, fill } from '../../mock-app/skins/b/texts.ts';
import { randomTestCard } from '../../support/test-cards.ts';
import { payWithNewCard as payNew, skinB } from './skin-b-helpers.ts';

/**
 * The fault rows that take effect on skin B without a skin-B test elsewhere: the shared removal and
 * card-limit faults seen through skin B's pages, and skin B's own slow wallet. (The others are pinned
 * in skin-b-cards, skin-b-shop, skin-b-wallet and skin-error-pages.)
 */
let s: ReturnType<typeof skinB>;
beforeEach(() => {
  s = skinB();
});

const listed = (html: string, card: StoredCard) => html.includes(`${card.brand} •••• ${card.last4}`);

/** Removes `card` in skin B's help centre (R4), as its page's form does. */
async function removeInHelp(card: StoredCard) {
  const help = s.client('help', s.buyerId);
  await help.get('/my-cards');
  assert.equal((await help.post(`/my-cards/${card.id}/remove`, {})).status, 303);
}

/** Whether `card` is listed on skin B's mobile site card page and on its wallet direct page. */
async function shownOn(card: StoredCard) {
  const site = s.client('mobileSite', s.buyerId);
  const wallet = s.client('wallet', s.buyerId);
  await site.get('/account/cards');
  await wallet.get('/payment-cards');
  return { mobileSite: listed(site.lastHtml, card), walletDirect: listed(wallet.lastHtml, card) };
}

describe('fault rows on skin B', () => {
  it('without a fault, a removal in the help centre leaves the card on no screen', async () => {
    const card = s.linkCard();
    await removeInHelp(card);
    assert.deepEqual(await shownOn(card), { mobileSite: false, walletDirect: false });
  });

  it('remove-partial: the card leaves the help centre only; the store and the other screens keep it', async () => {
    s.mock.platform.faults.set(['remove-partial']);
    const card = s.linkCard();
    await removeInHelp(card);
    const help = s.client('help', s.buyerId);
    await help.get('/my-cards');
    assert.equal(listed(help.lastHtml, card), false, 'gone from the screen used');
    assert.deepEqual(await shownOn(card), { mobileSite: true, walletDirect: true });
    assert.ok(s.mock.platform.cards.find(s.buyerId, card.id), 'still stored');
  });

  it("remove-keeps-mobile-site: gone from the store and the wallet, still on the mobile site's list", async () => {
    s.mock.platform.faults.set(['remove-keeps-mobile-site']);
    const card = s.linkCard();
    await removeInHelp(card);
    assert.equal(s.mock.platform.cards.find(s.buyerId, card.id), undefined, 'deleted from the store');
    assert.deepEqual(await shownOn(card), { mobileSite: true, walletDirect: false });
  });

  it('card-limit: checkout saves a sixth card instead of refusing it', async () => {
    const shop = s.client('shop', s.buyerId);
    const payWithNewCard = async () => {
      await shop.get('/pay?item=p-phone-case');
      assert.equal((await payNew(shop, randomTestCard('VISA'), true)).status, 200);
    };
    const refusal = fill(B.placed.limit, { max: '5' });
    for (let i = 0; i < 5; i++) s.linkCard();
    await payWithNewCard();
    assert.ok(shop.lastHtml.includes(refusal), 'without the fault the sixth card is refused');
    s.mock.platform.faults.set(['card-limit']);
    await payWithNewCard();
    assert.ok(!shop.lastHtml.includes(refusal), 'under card-limit it is not refused');
    assert.equal(s.mock.platform.cards.list(s.buyerId).length, 6);
  });

  it('slow-wallet: every wallet page answers late, and still answers', async () => {
    const wallet = s.client('wallet', s.buyerId);
    s.mock.platform.faults.set(['slow-wallet']);
    const started = performance.now();
    const res = await wallet.get('/payment-cards');
    assert.equal(res.status, 200);
    assert.ok(performance.now() - started >= SLOW_WALLET_DELAY_MS - 5, 'answered late');
    s.mock.platform.faults.set([]);
    const quick = performance.now();
    await wallet.get('/payment-cards');
    assert.ok(performance.now() - quick < SLOW_WALLET_DELAY_MS, 'not late without the fault');
  });
});
