import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { templatePattern } from '../../support/text-pattern.ts';

describe('templatePattern', () => {
  it('extracts a placeholder and matches the rest literally', () => {
    const re = templatePattern('Your ticket number is {ticket}. We answer by email within 24 hours.');
    assert.equal(
      re.exec('Your ticket number is T-12345678. We answer by email within 24 hours.')?.groups?.ticket,
      'T-12345678',
    );
    assert.equal(re.test('Your ticket number is T-1! We answer'), false);
  });

  it('fixes given values, escapes regex characters, and lets a final placeholder take the rest', () => {
    assert.ok(templatePattern('Wallet balance ({amount})').test('Wallet balance ($4.99)'));
    assert.ok(
      templatePattern('{amount} refunded to the card {card}', { card: 'VISA •••• 4242' }).test(
        '$4.99 refunded to the card VISA •••• 4242',
      ),
    );
    assert.equal(
      templatePattern('Saved card {card}').exec('Saved card VISA •••• 4242')?.groups?.card,
      'VISA •••• 4242',
    );
  });
});
