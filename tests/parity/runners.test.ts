// Both runners, one feature set: the same features under playwright-bdd (npm run e2e) and cucumber-js
// (npm run cucumber), with and without a mock fault, must agree scenario by scenario on pass/fail and on
// the `procedure` labels of their Allure results. On a sandbox profile, both must give a scenario tagged
// @needs:fresh-buyer a freshly signed-up account (the store's own accounts table says so).
import assert from 'node:assert/strict';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { findChromium } from '../../support/browser.ts';
import mockSandboxProfile from '../../targets/mock-sandbox.ts';
import { allureOutcomes, parity, type Runner, runSuite, type ScenarioResult } from './harness.ts';

const FEATURES = [
  'features/wallet/remove-via-direct-link.feature',
  'features/checkout/link-card-at-checkout.feature',
];
const REMOVAL = 'Delete a card from the direct page without a wallet account';

const { cfg, reportsRoot } = parity;

/** The English pass on both sides: Playwright's desktop + mobile projects = cucumber's default profile. */
function mockRun(runner: Runner, faults: string, reportsDir: string) {
  // (desktop-id, the Indonesian pass, is cucumber's `-p id`)
  const args = runner === 'playwright' ? ['--project=desktop', '--project=mobile', ...FEATURES] : FEATURES;
  return runSuite(runner, reportsDir, { TARGET: 'mock', MOCK_FAULTS: faults }, args);
}

describe('playwright-bdd and cucumber-js give the same results', {
  skip: !findChromium(cfg.CHROMIUM_PATH),
}, () => {
  for (const faults of ['', 'remove-noop']) {
    it(`on ${FEATURES.length} features ${faults ? `with MOCK_FAULTS=${faults}` : 'without faults'}`, async () => {
      const outcomes: Record<string, Record<string, ScenarioResult>> = {};
      for (const runner of ['playwright', 'cucumber'] as const) {
        const reportsDir = join(reportsRoot, `${runner}-${faults || 'clean'}`);
        const { code, output } = await mockRun(runner, faults, reportsDir);
        const results = await allureOutcomes(reportsDir).catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return {};
          throw error;
        });
        if (Object.keys(results).length === 0)
          assert.fail(`${runner} produced no results (exit ${code}):\n${output}`);
        outcomes[runner] = results;
      }
      const { playwright, cucumber } = outcomes as Record<
        'playwright' | 'cucumber',
        Record<string, ScenarioResult>
      >;
      assert.deepEqual(cucumber, playwright, 'cucumber-js (actual) vs playwright-bdd (expected)');

      // Not two runners agreeing on nothing: the removal scenario must have seen the fault.
      assert.ok(Object.keys(playwright).length >= 3, 'both features ran');
      assert.equal(playwright[REMOVAL]?.outcome, faults ? 'fail' : 'pass');
      const others = Object.entries(playwright).filter(([name]) => name !== REMOVAL);
      assert.ok(
        others.every(([, r]) => r.outcome === 'pass'),
        'scenarios that remove nothing pass either way',
      );
    });
  }
});

const FRESH_BUYER_FEATURE = 'features/wallet/open-wallet-account.feature';
// Tagged @needs:fresh-buyer and nothing else a sandbox lacks: it runs on targets/mock-sandbox.ts.
const FRESH_BUYER_SCENARIO = 'A wrong captcha is refused';

/** Emails of the accounts the store holds that the profile's accounts.signUp made (`{id}` = anything). */
function signedUpAccounts(dbFile: string, address: string): string[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const like = address.replace(/[%_]/g, '\\$&').replace('{id}', '%');
    const rows = db.prepare(`SELECT email FROM accounts WHERE email LIKE ? ESCAPE '\\'`).all(like) as {
      email: string;
    }[];
    return rows.map((r) => r.email).sort();
  } finally {
    db.close();
  }
}

describe('@needs:fresh-buyer on a sandbox profile', { skip: !findChromium(cfg.CHROMIUM_PATH) }, () => {
  it('both runners sign up a fresh account for the scenario instead of using a pool account', async () => {
    const dir = join(reportsRoot, 'sandbox-fresh-buyer');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    // The mock in sandbox posture (control API off), started by each run from the profile's localServer,
    // keeps its store in this file: the ground truth of which accounts exist.
    const store = join(dir, 'store.db');
    const env = {
      TARGET: 'sandbox',
      TARGET_PROFILE: 'targets/mock-sandbox.ts',
      SANDBOX_PASSWORD: 'parity pass!~(1)',
      SANDBOX_ALLOWED_HOSTS: '127.0.0.1',
      MOCK_DB: store,
    };
    const { signUp, emails: pool } = mockSandboxProfile().accounts;
    const runs = [
      ['playwright', ['--project=desktop', '--grep', FRESH_BUYER_SCENARIO, FRESH_BUYER_FEATURE]],
      ['cucumber', ['--name', FRESH_BUYER_SCENARIO, FRESH_BUYER_FEATURE]],
    ] as const;
    let expected = 0;
    for (const [runner, args] of runs) {
      const reportsDir = join(dir, runner);
      const { code, output } = await runSuite(runner, reportsDir, env, [...args]);
      const results = await allureOutcomes(reportsDir).catch(() => ({}) as Record<string, ScenarioResult>);
      assert.equal(
        results[FRESH_BUYER_SCENARIO]?.outcome,
        'pass',
        `${runner}: "${FRESH_BUYER_SCENARIO}" did not pass (exit ${code}):\n${output}`,
      );
      expected++;
      const made = signedUpAccounts(store, signUp.address);
      assert.equal(
        made.length,
        expected,
        `${runner} signed up ${made.length - expected + 1} accounts, not 1: ${made}`,
      );
      assert.ok(made.every((email) => !pool.includes(email)));
    }
  });
});
