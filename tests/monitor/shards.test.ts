// Two shards merged give the same results as one run, in one Allure report.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { mergeResults } from '../../scripts/merge-shards.ts';
import { groupScenarios, readResults } from '../../scripts/lib/allure-results.ts';
import { generateReport } from '../../scripts/lib/report.ts';
import { monitorEnv } from './harness.ts';

const ROOT = '/tmp/cw-monitor/test-shards';
const GREP = '@proc:R3'; // two scenarios: enough to split

function playwright(reportsDir: string, args: string[]): Promise<number> {
  const env = monitorEnv({ REPORTS_DIR: reportsDir, MOCK_PORT_BASE: '5750' });
  return new Promise((ok) => {
    const child = spawn('node_modules/.bin/playwright', ['test', '--grep', GREP, ...args], {
      env,
      stdio: 'ignore',
    });
    child.on('close', (code) => ok(code ?? 1));
  });
}

async function outcomes(resultsDirs: string[]): Promise<string[]> {
  const all = (await Promise.all(resultsDirs.map((d) => readResults(d)))).flat().map((r) => r.result);
  return groupScenarios(all)
    .map((s) => `${s.key} => ${s.final.status}`)
    .sort();
}

describe('shards: 2 shards + merge == one run', { timeout: 600_000 }, () => {
  before(async () => {
    await rm(ROOT, { recursive: true, force: true });
    const env = monitorEnv({});
    await new Promise((ok) =>
      spawn('node_modules/.bin/bddgen', [], { env, stdio: 'ignore' }).on('close', ok),
    );
  });

  it('merges the shards into one report with the same scenarios and statuses', async () => {
    assert.equal(await playwright(join(ROOT, 'one'), []), 0);
    assert.equal(await playwright(join(ROOT, 's1'), ['--shard=1/2']), 0);
    assert.equal(await playwright(join(ROOT, 's2'), ['--shard=2/2']), 0);

    const one = await outcomes([join(ROOT, 'one', 'allure-results')]);
    const s1 = await outcomes([join(ROOT, 's1', 'allure-results')]);
    const s2 = await outcomes([join(ROOT, 's2', 'allure-results')]);
    assert.ok(one.length >= 2, 'at least two scenarios to split');
    assert.ok(s1.length >= 1 && s2.length >= 1, 'each shard ran a part');
    assert.equal(s1.length + s2.length, one.length);

    const merged = join(ROOT, 'merged');
    const count = await mergeResults(
      [join(ROOT, 's1', 'allure-results'), join(ROOT, 's2', 'allure-results')],
      join(merged, 'allure-results'),
    );
    assert.equal(count, one.length);
    assert.deepEqual(await outcomes([join(merged, 'allure-results')]), one);

    const report = await generateReport(merged);
    assert.equal(report.code, 0);
    const summary = JSON.parse(readFileSync(join(merged, 'allure-report', 'summary.json'), 'utf8')) as {
      stats: { total: number; passed?: number };
    };
    assert.equal(summary.stats.total, one.length);
    assert.equal(summary.stats.passed, one.length);
  });
});
