// A short subset of `npm run selftest` under `npm test`: the removal faults and a guide fact that no
// longer holds must each turn the right scenario red, in the right category. CI runs the full table.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type FaultRun, runSelftest } from '../../selftest/run.ts';
import { loadConfig } from '../../support/config.ts';

const SUBSET = ['remove-noop', 'remove-partial', 'link-unticked'];
/** The direct-link removal and the checkout facts: the removal faults' and F3's scenarios, a minute in all. */
const WITHIN = '@proc:R3 or @fact:F3';

describe('the suite catches breakage (selftest subset)', { timeout: 600_000 }, () => {
  let runs: FaultRun[] = [];
  before(async () => {
    runs = await runSelftest(loadConfig(), { only: SUBSET, within: WITHIN });
  });

  for (const fault of SUBSET)
    it(`${fault} is caught`, () => {
      const run = runs.find((r) => r.verdict.fault === fault);
      assert.ok(run, `${fault} did not run`);
      const v = run.verdict;
      assert.ok(
        v.ok,
        `${fault}: ${v.verdict}\n  ${v.problems.join('\n  ')}\n  (results in ${run.reportsDir})`,
      );
    });
});
