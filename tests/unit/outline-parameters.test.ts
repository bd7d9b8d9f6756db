import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outlineParameters, tableCells } from '../../support/outline-parameters.ts';

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
