import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brandOf, luhnValid, validateCard } from '../../mock-app/domain/card-input.ts';
import { randomTestCard } from '../../support/test-cards.ts';

const now = new Date('2026-11-25T12:00:00Z');

describe('card input', () => {
  it('checks the Luhn digit', () => {
    assert.equal(luhnValid('4242424242424242'), true);
    assert.equal(luhnValid('4242424242424241'), false);
  });

  it('knows VISA and Mastercard, nothing else', () => {
    assert.equal(brandOf('4242424242424242'), 'VISA');
    assert.equal(brandOf('5555555555554444'), 'Mastercard');
    assert.equal(brandOf('2223003122003222'), 'Mastercard');
    assert.equal(brandOf('378282246310005'), undefined);
  });

  it('accepts a valid card and keeps only what may be stored', () => {
    const { card, errors } = validateCard(
      { number: '4242 4242 4242 4242', expiry: '12/29', cvc: '123', holder: 'Ana' },
      now,
    );
    assert.deepEqual(errors, []);
    assert.equal(card?.last4, '4242');
    assert.equal(card?.expYear, 2029);
  });

  it('reports each bad field', () => {
    const { card, errors } = validateCard({ number: '1234', expiry: '10/26', cvc: '12', holder: '' }, now);
    assert.equal(card, undefined);
    assert.deepEqual(errors, ['cardNumber', 'expiry', 'cvc', 'holder']);
  });

  it('refuses a Luhn-valid card of another brand', () => {
    assert.deepEqual(
      validateCard({ number: '378282246310005', expiry: '12/29', cvc: '123', holder: 'Ana' }, now).errors,
      ['brand'],
    );
  });

  it('treats a card as valid through the last day of its expiry month', () => {
    assert.deepEqual(
      validateCard(
        { number: '4242424242424242', expiry: '11/26', cvc: '123', holder: 'Ana' },
        new Date('2026-11-01'),
      ).errors,
      [],
    );
  });

  it('generates valid test cards of each brand', () => {
    for (let i = 0; i < 200; i++) {
      for (const brand of ['VISA', 'Mastercard'] as const) {
        const c = randomTestCard(brand);
        assert.equal(brandOf(c.number), brand, c.number);
        assert.ok(luhnValid(c.number), c.number);
        assert.deepEqual(validateCard(c, new Date()).errors, []);
      }
    }
  });
});
