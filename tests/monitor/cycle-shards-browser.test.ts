// Issue #16 item 3 with a real browser: `npm run monitor -- --once` on the mock, a few procedures, under a
// fault that turns one red (help-500: R4), once in 1 shard and once in 2; the states per procedure, the
// exit code and the one report's results must be the same. Then a shard killed mid-run (its process group,
// SIGKILL) must leave its scenarios "not measured", never green, and the states of procedures without a
// measured failure untouched.
// Slow (three real cycles, about 3 min on 2 busy cores): MONITOR_SLOW_TESTS=1, under the browser lock:
//   flock /tmp/cw-browser.lock env MONITOR_SLOW_TESTS=1 node --import tsx --test tests/monitor/cycle-shards-browser.test.ts
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { MonitorState } from '../../monitor/state.ts';
import { monitorEnv, readState, runOnce, startMonitor, waitFor } from './harness.ts';

const ROOT = process.env.CW_SHARDS_ROOT ?? '/tmp/cw-monitor/test-cycle-shards-browser';
const MOCK_PORT_BASE = process.env.CW_SHARDS_MOCK_PORT_BASE ?? '4550'; // shard 2: +10
const GREP = '@proc:R3 or @proc:R4 or @proc:R6'; // 6 scenarios (4 desktop, 2 desktop-id)
const skip =
  process.env.MONITOR_SLOW_TESTS === '1' ? false : 'slow (3 real monitor cycles): set MONITOR_SLOW_TESTS=1';

const envOf = (name: string, shards: number) =>
  monitorEnv({
    REPORTS_DIR: join(ROOT, name),
    BDD_OUTPUT_DIR: '.features-gen-monitor-shards',
    MOCK_PORT_BASE,
    MOCK_FAULTS: 'help-500',
    MONITOR_PORT: '9483',
    MONITOR_GREP: GREP,
    MONITOR_SHARDS: String(shards),
    MONITOR_RETRIES: '0',
    MONITOR_CHANGE_QUORUM: '1',
    MONITOR_CHANGE_WINDOW: '1',
    MONITOR_DEGRADED_MS: '120000',
    WORKERS: '1',
  });

const statesOf = (s: MonitorState | undefined) =>
  Object.fromEntries(
    Object.entries(s?.procedures ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, p]) => [id, { state: p.state, outcome: p.last.outcome, evidence: p.last.evidence }]),
  );

function lastRun(reportsDir: string) {
  const runs = join(reportsDir, 'runs');
  const id = readdirSync(runs).sort().at(-1)!;
  const dir = join(runs, id);
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as {
    exitCode: number;
    counts: Record<string, number>;
    durationMs: number;
  };
  const report = JSON.parse(readFileSync(join(dir, 'allure-report', 'summary.json'), 'utf8')) as {
    stats: Record<string, number>;
  };
  const results = readdirSync(join(dir, 'allure-results')).filter((f) => f.endsWith('-result.json'));
  return { dir, summary, stats: report.stats, results: results.length };
}

/** Pids of processes whose command line has every one of `parts` (the shard's playwright runner). */
function pidsWith(...parts: string[]): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
      // and only this test's (its REPORTS_DIR is under ROOT)
      const env = readFileSync(`/proc/${name}/environ`, 'utf8');
      if (parts.every((p) => cmd.includes(p)) && env.includes(`REPORTS_DIR=${ROOT}/`))
        pids.push(Number(name));
    } catch {
      // gone
    }
  }
  return pids;
}

describe('monitor --once in 1 and in 2 shards, real browser', { timeout: 900_000, skip }, () => {
  // Playwright starts its webServer (the mock) in a process group of its own: killing the shard's group
  // leaves that mock running. Stop what this test's runs left (their REPORTS_DIR is under ROOT), by pid.
  after(() => {
    for (const pid of pidsWith('')) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  });

  it('2 shards: the same states, exit code and report results as 1', async () => {
    await rm(ROOT, { recursive: true, force: true });
    const t1 = performance.now();
    const one = await runOnce(envOf('one', 1));
    const ms1 = performance.now() - t1;
    const t2 = performance.now();
    const two = await runOnce(envOf('two', 2));
    const ms2 = performance.now() - t2;
    console.log(`wall: 1 shard ${(ms1 / 1000).toFixed(1)} s, 2 shards ${(ms2 / 1000).toFixed(1)} s`);
    assert.equal(one.code, 1, `R4 red under help-500: exit 1\n${one.output.slice(-3000)}`);
    assert.equal(two.code, one.code, two.output.slice(-3000));
    const a = lastRun(join(ROOT, 'one'));
    const b = lastRun(join(ROOT, 'two'));
    console.log(`1 shard: ${JSON.stringify(a.summary.counts)} report ${JSON.stringify(a.stats)}`);
    console.log(`2 shards: ${JSON.stringify(b.summary.counts)} report ${JSON.stringify(b.stats)}`);
    const sa = statesOf(readState(join(ROOT, 'one')));
    console.log(
      `states: ${JSON.stringify(Object.fromEntries(Object.entries(sa).map(([k, v]) => [k, v.state])))}`,
    );
    assert.deepEqual(statesOf(readState(join(ROOT, 'two'))), sa);
    assert.equal(sa['R4']?.state, 'down');
    assert.equal(b.results, a.results, 'the one report has every result once');
    assert.equal(b.stats.total, a.stats.total);
    assert.equal(b.stats.failed, a.stats.failed);
    assert.deepEqual(b.summary.counts, a.summary.counts);
    assert.match(two.output, /shard 1\/2: exit \d+ in/);
    assert.match(two.output, /shard 2\/2: exit \d+ in/);
    assert.ok(!existsSync(join(b.dir, 'shards', '1', 'allure-report')), 'one report per cycle');
  });

  it('a shard killed mid-run: its scenarios are not measured, the cycle exits 2, states untouched', async () => {
    const env = envOf('two', 2); // after the green-and-red cycle above: states known
    const before = readState(join(ROOT, 'two'))!;
    const { child, output } = startMonitor(['--once'], env);
    // shard 2's runner, once it has finished a scenario (a result in its folder): kill its whole process group
    const resultIn = (dir: string) =>
      existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('-result.json'));
    const [pid] = await waitFor(
      "shard 2's first result",
      () => {
        const runs = join(ROOT, 'two', 'runs');
        const id = readdirSync(runs).sort().at(-1)!;
        const pids = pidsWith('playwright', 'test', '--shard=2/2');
        return pids.length && resultIn(join(runs, id, 'shards', '2', 'allure-results')) ? pids : undefined;
      },
      180_000,
    );
    process.kill(-pid!, 'SIGKILL');
    const code = await new Promise<number>((ok) => child.on('close', (c) => ok(c ?? 128)));
    const run = lastRun(join(ROOT, 'two'));
    console.log(`killed shard 2 (pid ${pid}): exit ${code}; ${JSON.stringify(run.summary.counts)}`);
    // never 0: 1 when a procedure failed in the shard that finished (R4 under help-500), else 2
    assert.equal(code, run.summary.counts.failed! > 0 ? 1 : 2, `not green\n${output().slice(-3000)}`);
    assert.match(
      output(),
      /shard 2\/2: exit 137 in .*was stopped by SIGKILL: \d+ scenario\(s\) not measured/,
    );
    assert.ok(run.summary.counts.infra! > 0, 'the lost scenarios count as infrastructure');
    assert.equal(run.results, lastRun(join(ROOT, 'one')).results, 'the report still lists every scenario');
    const after = readState(join(ROOT, 'two'))!;
    const lost = readdirSync(join(run.dir, 'allure-results'))
      .filter((f) => f.endsWith('-result.json'))
      .map((f) => JSON.parse(readFileSync(join(run.dir, 'allure-results', f), 'utf8')))
      .filter((r) => /^not measured: shard 2\/2/.test(r.statusDetails?.message ?? ''));
    assert.ok(lost.length > 0);
    const lostProcs = new Set(
      lost.flatMap((r: { labels: { name: string; value: string }[] }) =>
        r.labels.filter((l) => l.name === 'tag' && l.value.startsWith('proc:')).map((l) => l.value.slice(5)),
      ),
    );
    const measured = new Set(
      Object.keys(JSON.parse(readFileSync(join(run.dir, 'summary.json'), 'utf8')).procedures ?? {}),
    );
    for (const id of lostProcs)
      if (!measured.has(id))
        assert.deepEqual(after.procedures[id], before.procedures[id], `${id}: not measured, state untouched`);
  });
});
