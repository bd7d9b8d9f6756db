// Issue #5, "done when": a broken removal procedure posts one "down" alert naming it (exit 1), the
// fixed next cycle posts "recovered", a third unchanged cycle posts nothing; the report's history
// holds every run; /metrics parses; the status page lists every procedure.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer } from '../../monitor/server.ts';
import { PROCEDURES } from '../../support/procedures.ts';
import { parsePrometheus } from './prometheus.ts';
import { monitorEnv, type Receiver, readState, runOnce, startReceiver } from './harness.ts';

const REPORTS = '/tmp/cw-monitor/test-alerts';

describe('monitor: alerts on state change (R3 with remove-noop)', { timeout: 600_000 }, () => {
  let hook: Receiver;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    await rm(REPORTS, { recursive: true, force: true });
    hook = await startReceiver();
    env = monitorEnv({
      REPORTS_DIR: REPORTS,
      MOCK_PORT_BASE: '5710',
      MONITOR_GREP: '@proc:R3 and @fact:F5', // one scenario: the removal on the direct page
      MONITOR_RETRIES: '0',
      MONITOR_WEBHOOK_URL: hook.url,
      MONITOR_WEBHOOK_ATTEMPTS: '2',
      // every cycle decides (1 of 1): this test is about the alerts, tests/monitor/state.test.ts about hysteresis
      MONITOR_CHANGE_QUORUM: '1',
      MONITOR_CHANGE_WINDOW: '1',
      // a loaded CI machine must not turn a pass into "degraded"
      MONITOR_DEGRADED_MS: '120000',
      MONITOR_PUBLIC_URL: 'http://monitor.example:9464',
    });
  });
  after(() => hook.close());

  it('cycle 1, remove-noop: exit 1 and one "down" alert naming R3', async () => {
    const { code, output } = await runOnce({ ...env, MOCK_FAULTS: 'remove-noop' });
    assert.equal(code, 1, output);
    assert.equal(hook.posts.length, 1, JSON.stringify(hook.posts, null, 2));
    const alert = hook.posts[0]!;
    assert.equal(alert.cardwatch.items.length, 1);
    const item = alert.cardwatch.items[0]!;
    assert.equal(item.kind, 'down');
    assert.equal(item.procedure, 'R3');
    assert.match(alert.text, /^cardwatch: DOWN R3 — run /);
    assert.ok(Array.isArray(alert.blocks) && alert.blocks.length >= 2, 'Slack blocks');
    assert.equal(item.scenario, 'Delete a card from the direct page without a wallet account');
    assert.match(item.step ?? '', /^(Given|When|Then|And|But) /);
    assert.ok(item.error && !item.error.includes('\n'), 'one-line error');
    assert.match(item.line, /^R3 DOWN: step "(Given|When|Then|And|But) [^"]+"/);
    assert.deepEqual(item.context, ['F5']);
    assert.match(item.report ?? '', /^http:\/\/monitor\.example:9464\/runs\/[0-9TZ-]+\/report\/#\/\w+$/);
    assert.equal(readState(REPORTS)!.procedures['R3']!.state, 'down');
  });

  it('cycle 2, fixed: exit 0 and one "recovered" alert', async () => {
    const { code, output } = await runOnce(env);
    assert.equal(code, 0, output);
    assert.equal(hook.posts.length, 2);
    assert.equal(hook.posts[1]!.cardwatch.items[0]!.kind, 'recovered');
    assert.equal(hook.posts[1]!.cardwatch.items[0]!.procedure, 'R3');
  });

  it('cycle 3, unchanged: exit 0 and no alert', async () => {
    const { code, output } = await runOnce(env);
    assert.equal(code, 0, output);
    assert.equal(hook.posts.length, 2);
  });

  it('keeps every run in the Allure history and the run log', () => {
    const history = readFileSync(join(REPORTS, 'history.jsonl'), 'utf8').trim().split('\n');
    assert.equal(history.length, 3);
    const state = readState(REPORTS)!;
    assert.deepEqual(
      state.runs.map((r) => r.result),
      ['failed', 'passed', 'passed'],
    );
    assert.equal(state.current, undefined);
    // the last run's report shows the earlier runs in the scenario's history
    const last = state.runs.at(-1)!.id;
    const dir = join(REPORTS, 'runs', last, 'allure-report', 'data', 'test-results');
    const results = readdirSync(dir).map(
      (f) =>
        JSON.parse(readFileSync(join(dir, f), 'utf8')) as { name: string; history: { status: string }[] },
    );
    const r3 = results.find((r) => r.name.startsWith('Delete a card from the direct page'))!;
    assert.deepEqual(
      r3.history.map((h) => h.status),
      ['passed', 'failed'],
    );
  });

  it('npm run gate: the quality gate fails on the broken run and passes on the fixed one', async () => {
    const runs = readState(REPORTS)!.runs;
    const gate = (id: string) =>
      new Promise<number>((ok) =>
        spawn(
          process.execPath,
          ['--import', 'tsx', 'scripts/gate.ts', join(REPORTS, 'runs', id, 'allure-results')],
          {
            env: monitorEnv({ REPORTS_DIR: REPORTS }),
            stdio: 'ignore',
          },
        ).on('close', (code) => ok(code ?? 1)),
      );
    assert.equal(await gate(runs[0]!.id), 1);
    assert.equal(await gate(runs[2]!.id), 0);
  });

  describe('serving', () => {
    let server: Server;
    let base: string;
    before(async () => {
      server = await startServer({
        reportsDir: REPORTS,
        port: 0,
        schedule: '0 2 * * *',
        running: () => false,
      });
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((ok) => server.close(() => ok())));

    it('/metrics parses as Prometheus text (prom-client, with its default process metrics)', async () => {
      const res = await fetch(`${base}/metrics`);
      assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
      const samples = parsePrometheus(await res.text());
      const value = (name: string, labels = '') =>
        samples.find((s) => s.name === name && s.labels === labels)?.value;
      assert.equal(value('cardwatch_procedure_up', 'procedure="R3"'), 1);
      assert.equal(value('cardwatch_runs_total', 'result="passed"'), 2);
      assert.equal(value('cardwatch_runs_total', 'result="failed"'), 1);
      assert.ok((value('cardwatch_run_duration_seconds') ?? 0) > 0);
      assert.ok((value('cardwatch_last_run_timestamp_seconds') ?? 0) > 1.7e9);
      assert.ok((value('process_resident_memory_bytes') ?? 0) > 0, 'default process metrics');
      assert.equal(
        value('cardwatch_procedure_up', 'procedure="F5"'),
        undefined,
        'facts are context, not procedures',
      );
    });

    it('the status page lists every procedure with state and uptime', async () => {
      const html = await (await fetch(`${base}/`)).text();
      for (const id of Object.keys(PROCEDURES)) assert.match(html, new RegExp(`<th scope="row">${id}</th>`));
      assert.match(html, /<tr class="up"><th scope="row">R3<\/th>.*<strong>up<\/strong>.*66\.7 %/s);
      assert.ok(
        html.indexOf('<th scope="row">R1</th>') < html.indexOf('<th scope="row">F1</th>'),
        'procedures first',
      );
      assert.match(html, /<th scope="row">F5<\/th><td>[^<]*<\/td><td colspan="4">checked along R3 \(up\)/);
    });

    it('serves the latest report, /healthz, and 404 outside', async () => {
      const report = await fetch(`${base}/report/`);
      assert.equal(report.status, 200);
      assert.match(await report.text(), /<html/i);
      assert.deepEqual(((await (await fetch(`${base}/healthz`)).json()) as { ok: boolean }).ok, true);
      assert.equal((await fetch(`${base}/runs/x/../../state.json`)).status, 200); // normalized by URL
      assert.equal((await fetch(`${base}/nope`)).status, 404);
      assert.ok(existsSync(join(REPORTS, 'state.json')));
    });
  });
});
