import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { validateCard } from '../../mock-app/domain/card-input.ts';
import { Platform } from '../../mock-app/domain/platform.ts';
import { openDb } from '../../mock-app/store/db.ts';
import { randomTestCard } from '../../support/test-cards.ts';

function valid(brand: 'VISA' | 'Mastercard' = 'VISA') {
  const { card } = validateCard(randomTestCard(brand), new Date());
  assert.ok(card);
  return card;
}

describe('cards domain', () => {
  let platform: Platform;
  let buyer: string;
  beforeEach(() => {
    platform = new Platform(openDb(':memory:'), { secret: 'x'.repeat(32) });
    buyer = platform.accounts.create({ email: 'a@b.test', password: 'pw', name: 'A' }).id;
  });

  it('links up to five cards and refuses the sixth (F6)', () => {
    for (let i = 0; i < 5; i++) assert.equal(platform.cards.link(buyer, valid()).linked, true);
    const sixth = platform.cards.link(buyer, valid('Mastercard'));
    assert.deepEqual(sixth, { linked: false, reason: 'limit' });
    assert.equal(platform.cards.list(buyer).length, 5);
  });

  it('does not link the same card twice', () => {
    const card = valid();
    assert.equal(platform.cards.link(buyer, card).linked, true);
    assert.equal(platform.cards.link(buyer, card).linked, false);
  });

  it("never removes another buyer's card", () => {
    const other = platform.accounts.create({ email: 'c@d.test', password: 'pw', name: 'C' }).id;
    const link = platform.cards.link(buyer, valid());
    assert.ok(link.linked);
    assert.equal(platform.cards.remove(other, link.card.id), false);
    assert.equal(platform.cards.list(buyer).length, 1);
    assert.equal(platform.cards.remove(buyer, link.card.id), true);
    assert.equal(platform.cards.list(buyer).length, 0);
  });

  it("writes History with the buyer's own clock, on every screen's removal", () => {
    const other = platform.accounts.create({ email: 'c@d.test', password: 'pw', name: 'C' }).id;
    const link = platform.cards.link(buyer, valid());
    assert.ok(link.linked);
    const day = 24 * 3_600_000;
    platform.clock.advance(2 * day, buyer);
    const before = Date.now();
    assert.ok(platform.removeCard('help', buyer, link.card.id));
    const [removed, added] = platform.wallet.history(buyer);
    assert.equal(removed?.kind, 'removed');
    assert.equal(added?.kind, 'added');
    assert.ok(removed!.at >= before + 2 * day, 'the removal is stamped with the buyer\'s clock (+48 h)');
    assert.ok(added!.at < before + day, 'the addition, before the clock moved');
    assert.deepEqual(platform.wallet.history(other), [], "another buyer's History is untouched");
  });

  it('records no History line for a removal that did not happen (remove-noop, remove-partial)', () => {
    const link = platform.cards.link(buyer, valid());
    assert.ok(link.linked);
    for (const fault of ['remove-noop', 'remove-partial'] as const) {
      platform.faults.set([fault]);
      platform.removeCard('wallet-home', buyer, link.card.id);
    }
    assert.deepEqual(
      platform.wallet.history(buyer).map((h) => h.kind),
      ['added'],
    );
  });

  it('stores neither the card number nor the CVC', () => {
    const input = randomTestCard('VISA');
    const { card } = validateCard(input, new Date());
    platform.cards.link(buyer, card!);
    const dump = JSON.stringify(platform.db.prepare('SELECT * FROM cards').all());
    assert.ok(!dump.includes(input.number));
    assert.ok(!dump.includes(input.number.slice(0, 12)));
  });
});
