import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { last4Pattern } from '../../pages/common/card-list.ts';
import { wordPrefix } from '../../pages/common/find.ts';
import { closestTexts, similarity, textsOfSnapshot } from '../../support/similarity.ts';

const SNAPSHOT = `- main:
  - heading "Payment cards" [level=1]
  - paragraph: Cards saved when you paid in the Northwind shop.
  - table "Your payment cards":
    - caption: Your payment cards
    - rowgroup:
      - row "VISA •••• 1111 12/30 Unlink":
        - cell "Unlink":
          - button "Unlink"
  - navigation "Site menu":
    - link "Customer service":
      - /url: /customer-service`;

describe('what the page has that is closest (support/similarity.ts)', () => {
  it('reads role and name of every named thing and every text line of an aria snapshot', () => {
    const texts = textsOfSnapshot(SNAPSHOT);
    for (const [role, name] of [
      ['heading', 'Payment cards'],
      ['table', 'Your payment cards'],
      ['button', 'Unlink'],
      ['cell', 'Unlink'],
      ['navigation', 'Site menu'],
      ['link', 'Customer service'],
      ['paragraph', 'Cards saved when you paid in the Northwind shop.'],
    ])
      assert.ok(
        texts.some((t) => t.role === role && t.name === name),
        `${role} "${name}"`,
      );
    assert.ok(!texts.some((t) => t.name.startsWith('/url')), 'link targets are not texts');
  });

  it('ranks a label with one letter off first, and scores like the eye does', () => {
    const texts = textsOfSnapshot(SNAPSHOT);
    const [best] = closestTexts('Your payment card', texts);
    assert.deepEqual([best!.role, best!.name], ['table', 'Your payment cards']);
    assert.ok(best!.score > 0.9);
    assert.equal(similarity('Menu', 'Menu'), 1);
    assert.ok(similarity('Delete card', 'Remove') < 0.4);
  });
});

describe('names matched exactly, card digits as a group', () => {
  it('a delete label matches as the start of the name, in whole words and case', () => {
    const re = wordPrefix('Delete card');
    assert.ok(re.test('Delete card VISA •••• 4242'));
    assert.ok(re.test('Delete card'));
    assert.ok(!re.test('Delete cards'));
    assert.ok(!re.test('delete card VISA'));
    assert.ok(!re.test('Undelete card'));
  });

  it('last 4 digits as their own group, also when a table row runs them into the next cell', () => {
    const re = last4Pattern('1111');
    assert.ok(re.test('VISA •••• 1111'));
    assert.ok(re.test('VISA •••• 111112/30Unlink'), 'row text: the cells run together');
    assert.ok(re.test('**** 1111'));
    assert.ok(!re.test('VISA •••• 4111 21111'), 'not inside a longer number');
    assert.ok(!re.test('Order 211112'));
  });
});
