// A janitor that cannot clean is a warning on its scenario, never a failed result of its own (new user's
// finding 4: under remove-noop, 7 clean-ups counted as failed tests in the run line and in Allure).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Browser } from '@playwright/test';
import { CleanupError, Janitor } from '../../fixtures/janitor.ts';
import type { PoolBuyers } from '../../fixtures/sandbox-buyers.ts';
import type { TargetProfile } from '../../support/target.ts';
import { janitorSummary } from '../../scripts/lib/artefacts.ts';

const accounts = [{ email: 'nw-1@sandbox.test' }, { email: 'nw-2@sandbox.test' }];
const buyers = { accounts: () => accounts, sessions: undefined } as unknown as PoolBuyers;
/** A browser whose first context already finds a test card it cannot remove. */
const stuck = {
  newContext: async () => {
    throw new CleanupError(
      'nw-1@sandbox.test',
      'test cards still listed on the wallet direct page after removal: •••• 1111',
    );
  },
} as unknown as Browser;

describe('janitor', () => {
  it('a failed clean-up is recorded for the run summary, with no Allure result of its own', async () => {
    const reportsDir = mkdtempSync(join(tmpdir(), 'cw-janitor-'));
    const janitor = new Janitor({
      browser: stuck,
      contextOptions: {},
      target: {} as TargetProfile,
      buyers,
      scenario: 'Remove a card via the direct link',
      reportsDir,
    });
    const result = await janitor.clean('after');
    assert.equal(result.ok, false);
    // the account it could not clean, once (the error no longer repeats it)
    assert.equal(result.account, 'nw-1@sandbox.test');
    assert.equal(result.error, 'test cards still listed on the wallet direct page after removal: •••• 1111');
    assert.equal(
      existsSync(join(reportsDir, 'allure-results')),
      false,
      'no failed Allure result for a clean-up',
    );
    assert.equal(readFileSync(join(reportsDir, 'janitor.jsonl'), 'utf8').trim().split('\n').length, 1);
    assert.deepEqual(janitorSummary(reportsDir)?.failed, [
      'after "Remove a card via the direct link" (nw-1@sandbox.test): test cards still listed on the wallet direct page after removal: •••• 1111',
    ]);
  });
});
