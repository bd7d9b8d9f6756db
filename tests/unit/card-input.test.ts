import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  brandOf,
  type CardProblem,
  luhnValid,
  numberDigits,
  SCHEMES,
  validateCard,
} from '../../mock-app/domain/card-input.ts';
import { normalName, sameName } from '../../mock-app/domain/names.ts';
import { randomTestCard } from '../../support/test-cards.ts';

const now = new Date('2026-11-25T12:00:00Z');
const rest = { expiry: '12/29', cvc: '123', holder: 'Ana' };

/** A Luhn-valid number: `partial` plus its check digit (partial + 1 digit = the whole length). */
function withCheckDigit(partial: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(partial + d)) return partial + d;
  throw new Error('unreachable');
}

/** The problems of the number field alone, for a card otherwise valid. */
const numberProblems = (number: string): CardProblem[] =>
  validateCard({ number, ...rest }, now).problems.filter((p) => p.field === 'cardNumber');

describe('card input: the schemes published rules', () => {
  it('checks the Luhn digit', () => {
    assert.equal(luhnValid('4242424242424242'), true);
    assert.equal(luhnValid('4242424242424241'), false);
  });

  it('accepts the 19-digit VISA 4917 6100 0000 0000 003 (refused before as "only VISA and Mastercard")', () => {
    const { card, problems } = validateCard({ number: '4917 6100 0000 0000 003', ...rest }, now);
    assert.deepEqual(problems, []);
    assert.equal(card?.brand, 'VISA');
    assert.equal(card?.last4, '0003');
  });

  it('accepts VISA at 13, 16 and 19 digits and at no other length', () => {
    for (let length = 12; length <= 20; length++) {
      const number = withCheckDigit(`4${'1'.repeat(length - 2)}`);
      const expected = [13, 16, 19].includes(length) ? 'VISA' : undefined;
      assert.equal(brandOf(number), expected, `${length} digits`);
    }
  });

  it('accepts Mastercard 51-55 and the 2-series 2221-2720, 16 digits only', () => {
    for (const prefix of ['51', '55', '2221', '2500', '2720'])
      assert.equal(brandOf(withCheckDigit(prefix.padEnd(15, '0'))), 'Mastercard', prefix);
    for (const prefix of ['50', '56', '2220', '2721', '2200', '2800'])
      assert.equal(brandOf(withCheckDigit(prefix.padEnd(15, '0'))), undefined, prefix);
    assert.equal(brandOf(withCheckDigit('5'.padEnd(18, '1'))), undefined, '19-digit Mastercard');
  });

  it('keeps one brand table (VISA, Mastercard)', () => {
    assert.deepEqual(
      SCHEMES.map((s) => s.brand),
      ['VISA', 'Mastercard'],
    );
  });

  it('tolerates spaces, dashes and non-breaking spaces between the digits', () => {
    for (const typed of [
      '4242 4242 4242 4242',
      '4242-4242-4242-4242',
      '4242\u00a04242\u00a04242\u00a04242',
      '4242\u202f4242\u202f4242\u202f4242',
      '4242\u20134242\u20134242\u20134242',
      ' 4242 4242 4242 4242 ',
      '４２４２４２４２４２４２４２４２',
    ]) {
      assert.equal(numberDigits(typed), '4242424242424242', JSON.stringify(typed));
      assert.deepEqual(numberProblems(typed), [], JSON.stringify(typed));
    }
  });

  it('says what is wrong with a number, one case each', () => {
    assert.deepEqual(numberProblems(''), [{ field: 'cardNumber', reason: 'numberMissing' }]);
    assert.deepEqual(numberProblems(' - '), [{ field: 'cardNumber', reason: 'numberMissing' }]);
    assert.deepEqual(numberProblems('4242 4242 4242 424x'), [
      { field: 'cardNumber', reason: 'numberCharacters' },
    ]);
    assert.deepEqual(numberProblems('378282246310005'), [{ field: 'cardNumber', reason: 'numberScheme' }]);
    assert.deepEqual(numberProblems('6011111111111117'), [{ field: 'cardNumber', reason: 'numberScheme' }]);
    assert.deepEqual(numberProblems(withCheckDigit('42424242424242')), [
      { field: 'cardNumber', reason: 'numberLength', brand: 'VISA', lengths: [13, 16, 19], digits: 15 },
    ]);
    assert.deepEqual(numberProblems(withCheckDigit('555555555555444')), []);
    assert.deepEqual(numberProblems(withCheckDigit('55555555555544')), [
      { field: 'cardNumber', reason: 'numberLength', brand: 'Mastercard', lengths: [16], digits: 15 },
    ]);
    assert.deepEqual(numberProblems('4242424242424241'), [{ field: 'cardNumber', reason: 'numberLuhn' }]);
    assert.deepEqual(numberProblems('4917610000000000004'), [{ field: 'cardNumber', reason: 'numberLuhn' }]);
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

  it('reports each bad field, in form order', () => {
    const { card, errors, problems } = validateCard(
      { number: '1234', expiry: '10/26', cvc: '12', holder: '' },
      now,
    );
    assert.equal(card, undefined);
    assert.deepEqual(errors, ['cardNumber', 'expiry', 'cvc', 'holder']);
    assert.deepEqual(
      problems.map((p) => p.reason),
      ['numberScheme', 'expiryPast', 'cvc', 'holder'],
    );
    assert.deepEqual(
      validateCard({ number: '4242424242424242', expiry: '13/29', cvc: '123', holder: 'Ana' }, now).problems,
      [{ field: 'expiry', reason: 'expiryFormat' }],
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

describe('names: Unicode normalisation (F9/L3 reissue)', () => {
  const nfc = 'José Nuñez'.normalize('NFC');
  const nfd = 'José Nuñez'.normalize('NFD');

  it('the two forms differ as strings but not to the platform', () => {
    assert.notEqual(nfc, nfd);
    assert.equal(sameName(nfc, nfd), true);
    assert.equal(sameName(nfd, 'JOSÉ  NUÑEZ '), true);
    assert.equal(sameName(nfc, 'Jose Nunez'), false, 'accents still count');
  });

  it('a card holder is stored composed, whatever the browser sent', () => {
    const { card } = validateCard(
      { number: '4242424242424242', expiry: '12/29', cvc: '123', holder: nfd },
      now,
    );
    assert.equal(card?.holder, nfc);
    assert.equal(normalName(` ${nfd}\t`), nfc);
  });
});
