// Both runners, one feature set: the same features under playwright-bdd (npm run e2e) and cucumber-js
// (npm run cucumber), with and without a mock fault, must agree scenario by scenario on pass/fail and on
// the `procedure` labels of their Allure results.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { findChromium } from '../../support/browser.ts';
import { loadConfig } from '../../support/config.ts';

const FEATURES = [
  'features/wallet/remove-via-direct-link.feature',
  'features/checkout/link-card-at-checkout.feature',
];
const REMOVAL = 'Delete a card from the direct page without a wallet account';

const cfg = loadConfig();
// Own ports and folders, so this never meets the suite's own run (npm test runs e2e after the node tests).
const portBase = process.env.PARITY_PORT_BASE ?? '5830';
const reportsRoot = join(cfg.REPORTS_DIR, 'parity');

type Outcome = 'pass' | 'fail' | 'skipped';
interface ScenarioResult {
  outcome: Outcome;
  procedures: string[];
}

function runSuite(runner: 'playwright' | 'cucumber', faults: string, reportsDir: string) {
  const script = runner === 'playwright' ? 'scripts/e2e.ts' : 'scripts/cucumber.ts';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TARGET: 'mock',
    MOCK_PORT_BASE: portBase,
    MOCK_FAULTS: faults,
    REPORTS_DIR: reportsDir,
    BDD_OUTPUT_DIR: `${cfg.BDD_OUTPUT_DIR}-parity`,
    WORKERS: '1',
  };
  delete env.TARGET_PROFILE;
  return new Promise<{ code: number; output: string }>((resolve, reject) => {
    // The English pass on both sides: Playwright's desktop + mobile projects = cucumber's default profile
    // (desktop-id, the Indonesian pass, is cucumber's `-p id`).
    const args = runner === 'playwright' ? ['--project=desktop', '--project=mobile', ...FEATURES] : FEATURES;
    const child = spawn('npx', ['tsx', script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c));
    child.stderr.on('data', (c: Buffer) => (output += c));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Scenario name -> outcome and procedure labels, from a run's allure-results. */
async function allureOutcomes(reportsDir: string): Promise<Record<string, ScenarioResult>> {
  const dir = join(reportsDir, 'allure-results');
  const results: Record<string, ScenarioResult> = {};
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('-result.json'))) {
    const r = JSON.parse(await readFile(join(dir, file), 'utf8')) as {
      name: string;
      status?: string;
      labels: { name: string; value: string }[];
    };
    assert.equal(results[r.name], undefined, `scenario "${r.name}" reported twice in ${dir}`);
    results[r.name] = {
      outcome: r.status === 'passed' ? 'pass' : r.status === 'skipped' ? 'skipped' : 'fail',
      procedures: r.labels
        .filter((l) => l.name === 'procedure')
        .map((l) => l.value)
        .sort(),
    };
  }
  return results;
}

describe('playwright-bdd and cucumber-js give the same results', {
  skip: !findChromium(cfg.CHROMIUM_PATH),
}, () => {
  for (const faults of ['', 'remove-noop']) {
    it(`on ${FEATURES.length} features ${faults ? `with MOCK_FAULTS=${faults}` : 'without faults'}`, async () => {
      const outcomes: Record<string, Record<string, ScenarioResult>> = {};
      for (const runner of ['playwright', 'cucumber'] as const) {
        const reportsDir = join(reportsRoot, `${runner}-${faults || 'clean'}`);
        const { code, output } = await runSuite(runner, faults, reportsDir);
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
