// Issue #5, "done when": the daemon on a 10-second schedule runs 3 cycles without overlap; killed with
// SIGKILL mid-run and restarted, it keeps history and state, marks the cut run and runs on.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { monitorEnv, readState, startMonitor, waitFor } from './harness.ts';

const REPORTS = '/tmp/cw-monitor/test-daemon';
const PORT = 5741;

const exited = (child: ChildProcess) =>
  new Promise<number | string>((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) ok(child.exitCode ?? child.signalCode!);
    else child.once('exit', (code, signal) => ok(code ?? signal!));
  });

// Five real cycles of the suite: about 1 min on an idle 2-core machine, 3 min when it is busy.
// npm test runs it with MONITOR_SLOW_TESTS=1.
const skip =
  process.env.MONITOR_SLOW_TESTS === '1' ? false : 'slow (5 real cycles): set MONITOR_SLOW_TESTS=1';

describe('monitor daemon: schedule, no overlap, SIGKILL + restart', { timeout: 600_000, skip }, () => {
  let env: NodeJS.ProcessEnv;
  let daemon: ReturnType<typeof startMonitor> | undefined;

  before(async () => {
    await rm(REPORTS, { recursive: true, force: true });
    env = monitorEnv({
      REPORTS_DIR: REPORTS,
      MOCK_PORT_BASE: '5720',
      MONITOR_PORT: String(PORT),
      MONITOR_CRON: '*/10 * * * * *',
      MONITOR_GREP: '@proc:R3 and @fact:F5', // one scenario: the removal on the direct page
      MONITOR_RETRIES: '0',
      MONITOR_DEGRADED_MS: '120000',
      MONITOR_KEEP_RUNS: '3',
    });
  });
  after(async () => {
    if (daemon && daemon.child.exitCode === null && daemon.child.signalCode === null) {
      daemon.child.kill('SIGTERM');
      await exited(daemon.child);
    }
  });

  it('runs 3 cycles one after the other and serves while it waits', async () => {
    daemon = startMonitor([], env);
    const health = await waitFor(
      '/healthz',
      () => existsSync(join(REPORTS, 'state.json')) || daemon!.output().includes('status on http'),
      20_000,
    );
    assert.ok(health);
    const ok = await fetch(`http://127.0.0.1:${PORT}/healthz`);
    assert.equal(ok.status, 200);

    const state = await waitFor(
      '3 finished runs',
      () => (readState(REPORTS)?.runs.length ?? 0) >= 3 && readState(REPORTS),
      200_000,
    );
    const runs = state.runs.slice(0, 3);
    for (let i = 1; i < runs.length; i++)
      assert.ok(
        Date.parse(runs[i]!.startedAt) >= Date.parse(runs[i - 1]!.finishedAt),
        `run ${runs[i]!.id} started before ${runs[i - 1]!.id} finished`,
      );
    assert.deepEqual(
      runs.map((r) => r.result),
      ['passed', 'passed', 'passed'],
      daemon.output(),
    );
    // every "started" is followed by its end before the next "started"
    const events = daemon
      .output()
      .split('\n')
      .map((l) => / run (\S+) (started|passed|degraded|failed|error|cut) /.exec(l))
      .filter((m): m is RegExpExecArray => !!m)
      .map((m) => m[2] === 'started');
    for (let i = 1; i < events.length; i++)
      assert.ok(!(events[i] && events[i - 1]), 'two runs started without an end between');
  });

  it('SIGKILL mid-run, restart: state and history kept, the cut run marked, the next run passes', async () => {
    const before = readState(REPORTS)!;
    const inProgress = await waitFor(
      'a run with playwright started',
      () => {
        const s = readState(REPORTS);
        return s?.current && s.current.childPids.length >= 2 && s.current;
      },
      60_000,
    );
    daemon!.child.kill('SIGKILL');
    assert.equal(await exited(daemon!.child), 'SIGKILL');
    const historyLines = readFileSync(join(REPORTS, 'history.jsonl'), 'utf8').trim().split('\n').length;

    daemon = startMonitor([], env);
    const afterCut = await waitFor(
      'the cut run recorded',
      () => {
        const s = readState(REPORTS);
        return s?.runs.some((r) => r.id === inProgress.id && r.result === 'cut') && s;
      },
      30_000,
    );
    assert.ok(existsSync(join(REPORTS, 'runs', inProgress.id, 'CUT')), 'the cut run folder is marked');
    assert.equal(afterCut.procedures['R3']?.state, 'up', 'state kept');
    assert.ok(afterCut.runs.length >= before.runs.length + 1, 'run log kept');
    assert.equal(afterCut.totals.cut, 1);

    const next = await waitFor(
      'a run after the restart',
      () => {
        const s = readState(REPORTS);
        const i = s?.runs.findIndex((r) => r.id === inProgress.id) ?? -1;
        return i >= 0 && s!.runs[i + 1] && s!.runs[i + 1];
      },
      120_000,
    );
    assert.equal(next.result, 'passed', daemon.output());
    const lines = readFileSync(join(REPORTS, 'history.jsonl'), 'utf8').trim().split('\n').length;
    assert.ok(lines >= historyLines + 1, 'Allure history kept and extended');
    assert.match(daemon.output(), /was cut/);

    daemon.child.kill('SIGTERM');
    assert.equal(await exited(daemon.child), 0);
  });
});
