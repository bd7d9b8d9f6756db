// One outage that fails several procedures reads as one cause (a new user's help-500 cycle paged "DOWN R3,
// R4, R5, R6" with nothing saying three of them only failed because the help centre's card list answered 500).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AlertItem, cyclePayload, sharedCauses } from '../../monitor/alerts.ts';

const meta = { id: 'm', runId: 'r1', createdAt: 'now', runReport: 'http://monitor/runs/r1/' };
const down = (procedure: string, screen?: string, httpStatus?: number, control?: string): AlertItem => ({
  kind: 'down',
  procedure,
  state: 'down',
  screen,
  httpStatus,
  control,
  line: `${procedure} DOWN: step …`,
});
// the items of the new user's help-500 cycle on Northwind (/tmp/cw-u/webhook.log, 12:10)
const help500 = [
  down('R3', 'help centre card list', 500),
  down('R4', 'help centre', 500),
  down('R5', 'help centre card list', 500),
  down('R6', 'help centre card list', 500),
];
const text = (items: AlertItem[]) => {
  const p = cyclePayload(items, meta);
  return { headline: p.text, all: JSON.stringify(p.blocks) };
};

describe('DOWN entries with one cause', () => {
  it('names the screen and status that fail several procedures, once', () => {
    assert.deepEqual(sharedCauses(help500), [
      { cause: 'the help centre card list answered HTTP 500', procedures: ['R3', 'R5', 'R6'] },
    ]);
    const { all } = text(help500);
    assert.match(all, /one cause for R3, R5, R6: the help centre card list answered HTTP 500/);
    assert.equal(all.split('one cause').length - 1, 1, all);
  });

  it('says so in the headline when every DOWN shares it', () => {
    const { headline } = text(help500.filter((i) => i.procedure !== 'R4'));
    assert.match(
      headline,
      /^cardwatch: DOWN R3, R5, R6 \(one cause: the help centre card list answered HTTP 500\)/,
    );
    assert.doesNotMatch(text(help500).headline, /one cause/, 'R4 failed on another screen');
  });

  it('groups the same control missing on the same screen; never entries without a screen or a cause', () => {
    const drift = [
      down('R1', 'wallet home', undefined, 'Edit cards'),
      down('R2', 'wallet home', undefined, 'Edit cards'),
    ];
    assert.deepEqual(sharedCauses(drift), [
      { cause: 'the wallet home does not show Edit cards', procedures: ['R1', 'R2'] },
    ]);
    const unknown = [down('R3'), down('R4'), down('R6', 'help centre'), down('R5', 'help centre')];
    assert.deepEqual(sharedCauses(unknown), []);
    assert.doesNotMatch(text(unknown).all, /one cause/);
    const other = [down('R3', 'help centre card list', 500), down('R6', 'help centre card list', 503)];
    assert.deepEqual(sharedCauses(other), [], 'another status is another cause');
  });
});
