// What the parity tests share: their own ports and folders, a run of either runner through its entry
// point (npm run e2e / npm run cucumber), and the outcomes read back from its allure-results.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../../support/config.ts';

const cfg = loadConfig();
export const parity = {
  cfg,
  // Own ports and folders, so this never meets the suite's own run (npm test runs e2e after the node tests).
  // The mock takes base+0..4 and base+7..9; base+5 and base+6 are free for the tests' own servers.
  portBase: Number(process.env.PARITY_PORT_BASE ?? '5830'),
  reportsRoot: join(cfg.REPORTS_DIR, 'parity'),
};

export type Runner = 'playwright' | 'cucumber';
export type Outcome = 'pass' | 'fail' | 'skipped';
export interface ScenarioResult {
  outcome: Outcome;
  procedures: string[];
}

/** Runs `scripts/e2e.ts` or `scripts/cucumber.ts` with `args` on the parity ports; answers exit code and output. */
export function runSuite(
  runner: Runner,
  reportsDir: string,
  targetEnv: Record<string, string>,
  args: string[],
) {
  const script = runner === 'playwright' ? 'scripts/e2e.ts' : 'scripts/cucumber.ts';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MOCK_PORT_BASE: String(parity.portBase),
    REPORTS_DIR: reportsDir,
    BDD_OUTPUT_DIR: `${cfg.BDD_OUTPUT_DIR}-parity`,
    WORKERS: '1',
  };
  delete env.TARGET_PROFILE;
  delete env.MOCK_FAULTS;
  delete env.BROWSER_WS_ENDPOINT;
  Object.assign(env, targetEnv);
  return new Promise<{ code: number; output: string; ms: number }>((resolve, reject) => {
    const start = performance.now();
    const child = spawn('npx', ['tsx', script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c));
    child.stderr.on('data', (c: Buffer) => (output += c));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, output, ms: performance.now() - start }));
  });
}

/** Scenario name -> outcome and procedure labels, from a run's allure-results. */
export async function allureOutcomes(reportsDir: string): Promise<Record<string, ScenarioResult>> {
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
