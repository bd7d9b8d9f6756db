import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outlineParameters, scenarioHistoryId, tableCells } from '../../support/outline-parameters.ts';

const feature = `Feature: F
  Scenario: plain
    Given x

  Scenario Outline: by <country>
    Given a buyer from "<country>"
    And this data table is not an example
      | a | b |

    Examples:
      | country | alternatives            |
      # a comment inside the table
      | ID      | Western Union           |
      | RU      | WebMoney \\| QIWI        |
`;

describe('outline parameters', () => {
  it('names the values of an Examples row by the header', () => {
    assert.deepEqual(outlineParameters(feature, 13), [
      { name: 'country', value: 'ID' },
      { name: 'alternatives', value: 'Western Union' },
    ]);
    assert.deepEqual(outlineParameters(feature, 14), [
      { name: 'country', value: 'RU' },
      { name: 'alternatives', value: 'WebMoney | QIWI' },
    ]);
  });

  it('gives nothing for a plain scenario or a header line', () => {
    assert.deepEqual(outlineParameters(feature, 2), []);
    assert.deepEqual(outlineParameters(feature, 11), []);
  });

  it('splits cells with escapes', () => {
    assert.deepEqual(tableCells('| a | b\\|c | \\\\ |'), ['a', 'b|c', '\\']);
  });
});

describe('history ids of Outline rows', () => {
  // An Outline whose title has no placeholder: the rows share a title, only their values differ.
  const outline = `Feature: F
  Scenario Outline: the payment methods of a country
    Given a buyer from "<country>"

    Examples:
      | country |
      | US      |
      | ID      |
`;
  const base = 'cucumber|checkout/payment-methods.feature|the payment methods of a country';

  it('gives every row of an Outline its own id, from the row values', () => {
    const us = scenarioHistoryId(base, outlineParameters(outline, 7));
    const id = scenarioHistoryId(base, outlineParameters(outline, 8));
    assert.notEqual(us, id);
    assert.match(us, /^[0-9a-f]{32}:[0-9a-f]{32}$/);
  });

  it('is stable across runs and row order, and differs per scenario and pass', () => {
    const row = [{ name: 'country', value: 'US' }];
    assert.equal(scenarioHistoryId(base, row), scenarioHistoryId(base, [...row]));
    assert.notEqual(scenarioHistoryId(base, row), scenarioHistoryId(`desktop|${base}`, row));
    assert.notEqual(scenarioHistoryId(base, []), scenarioHistoryId(base, row));
  });

  it('keeps cell boundaries: "a|b" + "c" is not "a" + "b|c"', () => {
    const one = [
      { name: 'x', value: 'a|b' },
      { name: 'y', value: 'c' },
    ];
    const two = [
      { name: 'x', value: 'a' },
      { name: 'y', value: 'b|c' },
    ];
    assert.notEqual(scenarioHistoryId(base, one), scenarioHistoryId(base, two));
  });

  it('refuses an empty scenario name', () => {
    assert.throws(() => scenarioHistoryId(' ', []), /scenario name is empty/);
  });
});
