// Issue #16 item 3, "done when": a monitor cycle in 2 shards gives the same states and one report as in
// 1. Real cycles (runCycle: results -> one Allure report -> state -> one message) with the stand-in suite
// split by --shard=i/N; a shard that does not finish is "not measured" (infrastructure), never green.
// The same comparison with a real browser: tests/monitor/cycle-shards-browser.test.ts.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { categoryOf, readResults } from '../../scripts/lib/allure-results.ts';
import { bddgenIfChanged } from '../../scripts/lib/bddgen.ts';
import { writeSuiteErrorResults } from '../../scripts/lib/suite-errors.ts';
import { mergeResults } from '../../scripts/merge-shards.ts';
import { loadMonitorConfig } from '../../monitor/config.ts';
import { type CycleResult, runCycle } from '../../monitor/cycle.ts';
import { evidenceOf } from '../../monitor/evidence.ts';
import { type Scripted, type ScriptedRun, standInRunner } from '../../monitor/standin.ts';
import { NOT_MEASURED, playwrightLister, shardDirOf } from '../../monitor/shards.ts';
import { loadState, type MonitorState } from '../../monitor/state.ts';
import { runDirOf } from '../../monitor/report.ts';
import { monitorEnv } from './harness.ts';

const ROOT = '/tmp/cw-monitor/test-cycle-shards';

const ok = { status: 'passed' as const, procedureMs: 900 };
const help500 = {
  status: 'failed' as const,
  message: 'Error: the help centre answered HTTP 500 (/help)',
  step: 'When the buyer removes the card',
};
const scenario = (proc: string, attempts: Scripted['attempts']): Scripted => ({
  name: `Remove a card (${proc})`,
  tags: [`proc:${proc}`, 'fact:F5'],
  feature: `features/${proc.toLowerCase()}.feature`,
  attempts,
});
const PROCS = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6'];
/** Cycle 1 all green; from cycle 2 the help centre (R4) answers 500. */
const plan =
  (extra: Partial<ScriptedRun> = {}) =>
  (cycle: number): ScriptedRun => ({
    scenarios: PROCS.map((p) => scenario(p, p === 'R4' && cycle > 1 ? [help500] : [ok])),
    ...(cycle > 1 ? extra : {}),
  });

async function monitor(name: string, shards: number, script: (cycle: number) => ScriptedRun) {
  const reportsDir = join(ROOT, name);
  await rm(reportsDir, { recursive: true, force: true });
  const cfg = loadMonitorConfig({
    REPORTS_DIR: reportsDir,
    MOCK_PORT_BASE: '4550',
    MONITOR_PORT: '9480',
    MONITOR_PUBLIC_URL: 'http://monitor.example:9480',
    MONITOR_CHANGE_QUORUM: '1',
    MONITOR_CHANGE_WINDOW: '1',
    MONITOR_SHARDS: String(shards),
  });
  const runner = standInRunner(script);
  const lines: string[] = [];
  return {
    reportsDir,
    lines,
    cycle: (): Promise<CycleResult> =>
      runCycle({ cfg, log: (l) => lines.push(l), runner, listShard: runner.list, webhookMinTimeoutMs: 50 }),
    state: (): Promise<MonitorState> => loadState(join(reportsDir, 'state.json')),
  };
}

/** What on-call sees per procedure: state, streak, marks, the last outcome and its evidence. */
const statesOf = (s: MonitorState) =>
  Object.fromEntries(
    Object.entries(s.procedures)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, p]) => [
        id,
        {
          state: p.state,
          consecutiveFailures: p.consecutiveFailures,
          recent: p.recent.join(''),
          outcome: p.last.outcome,
          step: p.last.step,
          error: p.last.error,
          evidence: p.last.evidence,
          context: p.context,
        },
      ]),
  );

/** The alert items without the run's links (ids and times differ between two monitors). */
const itemsOf = (r: CycleResult) =>
  (r.alert?.items ?? []).map(({ kind, procedure, state, step, screen, control, httpStatus, error }) => ({
    kind,
    procedure,
    state,
    step,
    screen,
    control,
    httpStatus,
    error,
  }));

function reportOf(reportsDir: string, runId: string) {
  const runDir = runDirOf(reportsDir, runId);
  const summary = JSON.parse(readFileSync(join(runDir, 'allure-report', 'summary.json'), 'utf8')) as {
    stats: Record<string, number>;
  };
  const results = readdirSync(join(runDir, 'allure-results')).filter((f) => f.endsWith('-result.json'));
  return { runDir, stats: summary.stats, results: results.length };
}

describe('monitor cycle in shards (MONITOR_SHARDS)', { timeout: 300_000 }, () => {
  before(() => rm(ROOT, { recursive: true, force: true }));

  it('2 shards give the same states, alerts and exit codes as 1, and one report', async () => {
    const one = await monitor('one', 1, plan());
    const two = await monitor('two', 2, plan());
    for (let c = 1; c <= 2; c++) {
      const a = await one.cycle();
      const b = await two.cycle();
      assert.equal(b.exitCode, a.exitCode, `cycle ${c}: exit code`);
      assert.equal(b.result, a.result, `cycle ${c}: run result`);
      assert.deepEqual(b.observation?.counts, a.observation?.counts, `cycle ${c}: counts`);
      assert.deepEqual(itemsOf(b), itemsOf(a), `cycle ${c}: alert items`);
      assert.deepEqual(statesOf(await two.state()), statesOf(await one.state()), `cycle ${c}: states`);
      const ra = reportOf(one.reportsDir, a.runId!);
      const rb = reportOf(two.reportsDir, b.runId!);
      assert.equal(rb.results, PROCS.length, 'the merged results hold every scenario once');
      assert.deepEqual(rb.stats, ra.stats, `cycle ${c}: the one report's counts`);
      for (const i of [1, 2]) {
        const shard = shardDirOf(rb.runDir, i);
        assert.ok(existsSync(join(shard, 'suite.log')), `shard ${i} ran in its own folder`);
        assert.ok(!existsSync(join(shard, 'allure-report')), 'no report per shard: one per cycle');
      }
    }
    const last = await two.state();
    assert.equal(last.procedures['R4']!.state, 'down');
    assert.equal(last.runs.length, 2, 'one run record per cycle, not per shard');
    assert.match(two.lines.join('\n'), /shard 1\/2: exit 0 .*\n.*shard 2\/2: exit 1 /);
  });

  it('a shard killed mid-run: its missing scenarios are "not measured" (infrastructure), never green', async () => {
    // shard 2 runs R2, R4, R6 (stand-in split); in cycle 2 it is killed after R2
    const cut = await monitor(
      'killed',
      2,
      plan({ unfinishedShards: [{ shard: 2, after: 1, how: 'killed' }] }),
    );
    await cut.cycle();
    const before = await cut.state();
    const r = await cut.cycle();
    assert.equal(r.exitCode, 2, 'not measured everywhere: exit 2, never 0');
    assert.equal(r.observation!.counts.infra, 2);
    assert.equal(r.observation!.counts.passed, 4);
    assert.equal(r.observation!.infrastructure, undefined, 'shard 1 measured: the cycle is not blind');
    const after = await cut.state();
    for (const id of ['R4', 'R6'])
      assert.deepEqual(
        after.procedures[id],
        before.procedures[id],
        `${id} not measured: its state untouched`,
      );
    assert.equal(after.procedures['R4']!.state, 'up', 'R4 failing in the lost shard is not a pass either');
    assert.notEqual(after.procedures['R2']!.lastChecked, before.procedures['R2']!.lastChecked);
    assert.deepEqual(itemsOf(r), [], 'nothing changed state');

    const { runDir, stats, results } = reportOf(cut.reportsDir, r.runId!);
    assert.equal(results, PROCS.length, 'the report still lists every scenario');
    assert.equal(stats.broken, 2);
    const lost = (await readResults(join(runDir, 'allure-results')))
      .map((x) => x.result)
      .filter((x) => x.status === 'broken');
    assert.deepEqual(lost.map((x) => x.name).sort(), ['Remove a card (R4)', 'Remove a card (R6)']);
    for (const x of lost) {
      assert.match(x.statusDetails!.message!, /^not measured: shard 2\/2 was stopped by SIGKILL/);
      assert.equal(categoryOf(x), 'infrastructure', 'the report files it under infrastructure');
    }
    assert.match(
      cut.lines.join('\n'),
      /shard 2\/2: exit 137 .*was stopped by SIGKILL: 2 scenario\(s\) not measured/,
    );
  });

  it('a procedure whose failing scenario was in the lost shard does not recover on the others passing', async () => {
    const r4 = (name: string, attempts: Scripted['attempts']): Scripted => ({
      name,
      tags: ['proc:R4'],
      feature: `features/${name}.feature`,
      attempts,
    });
    // R4a runs in shard 1, R4b in shard 2; R4b fails in cycle 1 (R4 down), shard 2 is lost in cycle 2
    const m = await monitor('lost-failure', 2, (c) => ({
      scenarios: [r4('r4a', [ok]), r4('r4b', [help500])],
      unfinishedShards: c > 1 ? [{ shard: 2, after: 0, how: 'killed' }] : undefined,
    }));
    await m.cycle();
    assert.equal((await m.state()).procedures['R4']!.state, 'down');
    const before = await m.state();
    const r = await m.cycle();
    assert.deepEqual(itemsOf(r), [], 'no RECOVERED on half the evidence');
    assert.equal(r.exitCode, 2);
    assert.deepEqual((await m.state()).procedures['R4'], before.procedures['R4'], 'R4 not measured');
  });

  it('no shard finishes: the cycle is an infrastructure error, alerted once', async () => {
    const killed = (shard: number) => ({ shard, after: 0, how: 'killed' as const });
    const none = await monitor('none', 2, plan({ unfinishedShards: [killed(1), killed(2)] }));
    await none.cycle();
    const before = await none.state();
    const r = await none.cycle();
    assert.equal(r.exitCode, 2);
    assert.equal(r.result, 'error');
    assert.equal(r.infrastructure, 'no shard finished: each of the 2 shards was stopped by SIGKILL');
    assert.deepEqual(
      r.alert?.items.map((i) => i.kind),
      ['infrastructure'],
    );
    assert.deepEqual((await none.state()).procedures, before.procedures, 'no state moves on a blind cycle');
  });

  it('refuses --shard on the command line and a pool target, in one line naming MONITOR_SHARDS', async () => {
    const m = await monitor('refused', 2, plan());
    const cfg = loadMonitorConfig({ REPORTS_DIR: m.reportsDir, MONITOR_PORT: '9480', MONITOR_SHARDS: '2' });
    const r = await runCycle({
      cfg,
      log: () => {},
      runner: standInRunner(plan()),
      extraArgs: ['--shard=1/3'],
    });
    assert.equal(r.exitCode, 2);
    assert.match(
      r.infrastructure!,
      /MONITOR_SHARDS: the monitor shards a cycle itself \(2 shards\); leave --shard off/,
    );

    const pool = loadMonitorConfig({
      REPORTS_DIR: join(ROOT, 'pool'),
      TARGET: 'sandbox',
      TARGET_PROFILE: 'targets/mock-sandbox.ts',
      SANDBOX_PASSWORD: 'not-used-here',
      MONITOR_PORT: '9480',
      MONITOR_SHARDS: '2',
    });
    // a profile reads its secrets from process.env (support/load-target.ts), as in a real monitor
    process.env.SANDBOX_PASSWORD = 'not-used-here';
    const p = await runCycle({ cfg: pool, log: () => {}, runner: standInRunner(plan()) }).finally(
      () => delete process.env.SANDBOX_PASSWORD,
    );
    assert.equal(p.exitCode, 2);
    assert.match(p.infrastructure!, /MONITOR_SHARDS: target .* hands out its pre-made accounts per worker/);
  });

  it('config: one line per wrong shard setting, naming the variable', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadMonitorConfig({ MONITOR_PORT: '9480', MOCK_PORT_BASE: '4550', ...env });
        return [];
      } catch (error) {
        return (error as { problems: string[] }).problems;
      }
    };
    assert.deepEqual(problems({ MONITOR_SHARDS: '2' }), []);
    assert.match(problems({ MONITOR_SHARDS: '0' }).join('\n'), /^MONITOR_SHARDS: .*\(got "0"\)$/);
    assert.match(problems({ MONITOR_SHARDS: 'two' }).join('\n'), /^MONITOR_SHARDS: .*\(got "two"\)$/);
    assert.deepEqual(
      problems({ MONITOR_SHARDS: '2', MONITOR_SHARD_ENDPOINTS: 'ws://a:3000/,http://b:3000/' }),
      [
        'MONITOR_SHARD_ENDPOINTS: "http://b:3000/" is not a ws:// or wss:// URL of a Playwright browser server (got "ws://a:3000/,http://b:3000/")',
      ],
    );
    assert.match(
      problems({ MONITOR_SHARDS: '3', MONITOR_SHARD_ENDPOINTS: 'ws://a:3000/,ws://b:3000/' }).join('\n'),
      /^MONITOR_SHARD_ENDPOINTS: one browser server per shard: 3 expected \(MONITOR_SHARDS\), 2 given/,
    );
    assert.match(
      problems({ MONITOR_SHARDS: '2', MONITOR_PORT: '4565' }).join('\n'),
      /^MONITOR_PORT: the mock uses MOCK_PORT_BASE\.\.\+19 for 2 shards \(4550-4569\)/,
    );
  });

  it('a "not measured" result is infrastructure for the monitor and for the report', () => {
    const message = `${NOT_MEASURED} 2/2 took longer than 60000 ms (MONITOR_RUN_TIMEOUT_MS) and was stopped`;
    assert.equal(evidenceOf(message).cause, 'browser');
    // a shard's browser server (MONITOR_SHARD_ENDPOINTS) that does not answer is the monitor's, not the target's
    assert.equal(
      evidenceOf('Error: browserType.connect: connect ECONNREFUSED 127.0.0.1:3999').cause,
      'browser',
    );
    const result = { uuid: 'x', name: 'x', status: 'broken' as const, labels: [], start: 0, stop: 0 };
    assert.equal(categoryOf({ ...result, statusDetails: { message } }), 'infrastructure');
  });

  it('merging keeps a suite error that every shard reports once', async () => {
    const dirs = [join(ROOT, 'se', '1'), join(ROOT, 'se', '2')];
    for (const d of dirs) {
      await mkdir(d, { recursive: true });
      writeSuiteErrorResults(d, [
        { file: 'features/broken.feature', line: 3, message: 'Gherkin syntax error' },
      ]);
      await writeFile(join(d, `${d.at(-1)}-result.json`), JSON.stringify({ name: 'other', labels: [] }));
    }
    assert.equal(await mergeResults(dirs, join(ROOT, 'se', 'merged')), 3);
  });

  it('playwright --list per shard: disjoint shares that together are the unsharded list', async () => {
    const env = monitorEnv({ REPORTS_DIR: join(ROOT, 'list'), MOCK_PORT_BASE: '4550' });
    const bdd = env.BDD_OUTPUT_DIR!;
    assert.equal((await bddgenIfChanged(bdd, env)).code, 0);
    const run = {
      runDir: '',
      retries: 0,
      grep: '@proc:R3 or @proc:R4',
      extraArgs: [],
      timeoutMs: 60_000,
      env,
      onChild: () => {},
    };
    const key = (s: { fullName: string; project: string }) => `${s.fullName} [${s.project}]`;
    const [s1, s2, all] = await Promise.all([
      playwrightLister({ index: 1, total: 2 }, run, []),
      playwrightLister({ index: 2, total: 2 }, run, []),
      playwrightLister({ index: 1, total: 1 }, run, []),
    ]);
    assert.ok(s1.length > 0 && s2.length > 0, 'each shard gets a share');
    assert.deepEqual([...s1, ...s2].map(key).sort(), all.map(key).sort());
    assert.ok(all.every((s) => s.tags.some((t) => t === 'proc:R3' || t === 'proc:R4')));
    // the identity allure-playwright gives a result: "<spec> › <feature> › <scenario>"
    assert.match(all[0]!.fullName, /^features\/.+\.feature\.spec\.js › .+ › .+$/);
  });
});
