// What a DOWN line says the step looked for (monitor/evidence.ts), from failure messages as Playwright
// printed them: a card entry's name pattern read as words, a described locator by its description, an
// exact name as before; and the janitor's warnings once per cycle, never on a procedure's line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changeItem, cyclePayload } from '../../monitor/alerts.ts';
import { evidenceOf, explain, patternWords } from '../../monitor/evidence.ts';
import type { StateChange } from '../../monitor/state.ts';
import { last4Pattern, MASKED_CARD } from '../../support/card-pattern.ts';

// As the new user's R3 result had it (Northwind, remove-noop): the oracle's toHaveCount(0) on a card entry.
const CARD_LOCATOR = String.raw`getByRole('main').getByRole('radio', { name: /[•*]{2,}\s?1111|(?<!\d)1111(?!\d)/ })`;
const STILL_SHOWN = 'Error: VISA •••• 1111 is still shown on the checkout saved cards (this session)';
const RAW = `${STILL_SHOWN}

expect(locator).toHaveCount(expected) failed

Locator:  ${CARD_LOCATOR}
Expected: 0
Received: 1
Timeout:  10000ms

Call log:
  - VISA •••• 1111 is still shown on the checkout saved cards (this session) ${CARD_LOCATOR} with timeout 10000ms
  - waiting for ${CARD_LOCATOR}
    24 × locator resolved to 1 element`;
// The same since pages/common/find.ts describes its locators: Playwright prints the description after "Locator:".
const DESCRIBED = RAW.replace(
  `Locator:  ${CARD_LOCATOR}`,
  'Locator:  the card •••• 1111 on the checkout saved cards (screens.shopPay)',
);

describe('what the step looked for', () => {
  it('a card entry pattern reads "radio naming the card ending 1111", no regex', () => {
    // statusDetails.message holds the whole expect() text (observe.ts passes it with the trace)
    for (const ev of [evidenceOf(RAW, RAW), evidenceOf(STILL_SHOWN, RAW)]) {
      const line = explain('Then the card is removed everywhere', ev, STILL_SHOWN);
      assert.match(line, /looked for radio naming the card ending 1111 — /);
      assert.doesNotMatch(line, /\[•\*\]|\(\?<!|\{2,\}/);
    }
  });

  it('a described locator reads as its description', () => {
    const ev = evidenceOf(STILL_SHOWN, DESCRIBED);
    assert.equal(ev.lookedFor, 'the card •••• 1111 on the checkout saved cards (screens.shopPay)');
    assert.match(
      explain('Then the card is removed everywhere', ev, STILL_SHOWN),
      /looked for the card •••• 1111 on the checkout saved cards \(screens\.shopPay\) — /,
    );
  });

  it('exact names stay quoted; other patterns keep their backslashes', () => {
    const ev = evidenceOf(`Error: x\nLocator:  getByRole('button', { name: 'Delete card' })`);
    assert.deepEqual([ev.role, ev.control, ev.lookedFor], ['button', 'Delete card', undefined]);
    assert.match(explain('s', ev, 'x'), /looked for button "Delete card"/);
    assert.equal(patternWords(last4Pattern('4242').source), 'the card ending 4242');
    assert.equal(patternWords(MASKED_CARD.source), 'any card');
    assert.equal(patternWords(String.raw`^Delete\s+card`), String.raw`a name like /^Delete\s+card/`);
    const text = evidenceOf(String.raw`waiting for getByText(/Saved\s+cards/)`);
    assert.equal(text.lookedFor, String.raw`text a name like /Saved\s+cards/`);
  });
});

const warnings = [
  'before, nw-1@sandbox.cardwatch.test: test cards still listed on the wallet direct page after removal: •••• 1111',
  'after, nw-1@sandbox.cardwatch.test: test cards still listed on the wallet direct page after removal: •••• 1111',
];
const down = (procedure: string) =>
  ({
    kind: 'down',
    procedure,
    from: 'up',
    to: 'down',
    consecutiveFailures: 1,
    context: ['F5'],
    janitorWarnings: warnings,
    failureRate: { failed: 1, of: 1 },
    last: {
      runId: 'r1',
      scenario: 'Remove a card',
      outcome: 'failed',
      flaky: false,
      durationMs: 1,
      procedureMs: 1,
      timeSource: 'duration',
      phases: {},
      step: 'Then the card is removed everywhere',
      error: STILL_SHOWN,
      evidence: evidenceOf(STILL_SHOWN, RAW),
      reportPath: '/runs/r1/',
    },
  }) as unknown as StateChange;

describe('janitor warnings: once per cycle', () => {
  it('not on the DOWN lines; once in the cycle message', () => {
    const items = ['R3', 'R4', 'R6'].map((p) => changeItem(down(p), 'http://monitor'));
    for (const i of items) {
      assert.doesNotMatch(i.line, /janitor|test cards still listed/, i.line);
      assert.match(i.line, /\[context F5\]$/);
      assert.deepEqual(i.janitorWarnings, warnings, 'kept for machines');
    }
    const meta = { id: 'm', runId: 'r1', createdAt: 'now', runReport: 'http://monitor/runs/r1/' };
    // what people read: the text and the blocks (cardwatch.items keeps each entry's warnings for machines)
    const msg = cyclePayload(items, { ...meta, janitorWarnings: [...warnings, warnings[0]!] });
    const all = JSON.stringify([msg.text, msg.blocks]);
    assert.equal(all.split('before, nw-1@sandbox').length - 1, 1, all);
    assert.equal(all.split('after, nw-1@sandbox').length - 1, 1, all);
    // without the cycle's list, the entries' own warnings make the one block
    const own = JSON.stringify(cyclePayload(items, meta).blocks);
    assert.equal(own.split('Sandbox janitor warnings').length - 1, 1);
    assert.equal(own.split('before, nw-1@sandbox').length - 1, 1, own);
  });
});
