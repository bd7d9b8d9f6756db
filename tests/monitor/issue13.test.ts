// Issue #13, "done when": each monitor-side input of the "Why" as a test with the right
// outcome, through real cycles (runCycle: allure-results -> Allure report -> state -> one message ->
// outbox -> a local webhook) with a stand-in runner replaying scripted results (monitor/standin.ts).
// Input 1 also runs with the browser in tests/monitor/alerts.test.ts's style when MONITOR_SLOW_TESTS=1.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadMonitorConfig } from '../../monitor/config.ts';
import { type CycleResult, runCycle } from '../../monitor/cycle.ts';
import { outboxDirOf } from '../../monitor/outbox.ts';
import { startServer } from '../../monitor/server.ts';
import { type Attempt, type Scripted, type ScriptedRun, standInRunner } from '../../monitor/standin.ts';
import { loadState } from '../../monitor/state.ts';
import { renderStatusPage } from '../../monitor/status-page.ts';
import { monitorEnv, type Receiver, runOnce, startMonitor, startReceiver, waitFor } from './harness.ts';
import { parsePrometheus } from './prometheus.ts';

// a folder of its own: two runs of this test at once (a CI clone beside a local run) must not share cycles
const ROOT = mkdtempSync(join(tmpdir(), 'cw-issue13-'));
const ok = (ms = 3000, procedureMs?: number, janitorWarnings?: string[]): Attempt => ({
  status: 'passed',
  ms,
  procedureMs,
  janitorWarnings,
});
const failed = (message: string, step?: string): Attempt => ({ status: 'failed', message, step });

const R3 = (a: Attempt[]): Scripted => ({
  name: 'Delete a card from the direct page without a wallet account',
  tags: ['proc:R3', 'fact:F5'],
  attempts: a,
});
const R4 = (a: Attempt[]): Scripted => ({
  name: 'Remove a card via the help page',
  tags: ['proc:R4', 'fact:F5'],
  attempts: a,
});
const L1 = (a: Attempt[]): Scripted => ({
  name: 'Link the card at checkout',
  tags: ['proc:L1', 'fact:F3'],
  attempts: a,
  steps: [
    'Given a buyer at checkout',
    'When the buyer pays with the link box ticked',
    'Then the card is linked to the wallet',
  ],
});
const REMOVALS = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6'];
const removal = (id: string, a: Attempt[]): Scripted => ({
  name: `Remove a card (${id})`,
  tags: [`proc:${id}`],
  attempts: a,
});

/** A monitor on its own REPORTS_DIR with a stand-in suite; `cycle()` runs one real cycle. */
async function monitor(
  name: string,
  plan: (cycle: number) => ScriptedRun,
  env: Record<string, string> = {},
  hook?: Receiver,
) {
  const reportsDir = join(ROOT, name);
  await rm(reportsDir, { recursive: true, force: true });
  const lines: string[] = [];
  const cfg = loadMonitorConfig({
    REPORTS_DIR: reportsDir,
    MOCK_PORT_BASE: '4700',
    MONITOR_PORT: '9474',
    MONITOR_DEGRADED_MS: '20000',
    MONITOR_PUBLIC_URL: 'http://monitor.example:9474',
    ...(hook ? { MONITOR_WEBHOOK_URL: hook.url } : {}),
    ...env,
  });
  const runner = standInRunner(plan);
  return {
    cfg,
    lines,
    reportsDir,
    cycle: (): Promise<CycleResult> =>
      runCycle({ cfg, log: (l) => lines.push(l), runner, webhookMinTimeoutMs: 50 }),
  };
}

/** Receivers of this file, closed in after() even when a test fails (an open one keeps node alive). */
const receivers: Receiver[] = [];
const receiver = async (...args: Parameters<typeof startReceiver>) => {
  const r = await startReceiver(...args);
  receivers.push(r);
  return r;
};

const items = (hook: Receiver) =>
  hook.posts.map((p) => p.cardwatch.items.map((i) => `${i.kind} ${i.procedure ?? ''}`.trim()));

describe('issue #13: the monitor-side inputs, through real cycles with a stand-in suite', {
  timeout: 300_000,
}, () => {
  before(() => rm(ROOT, { recursive: true, force: true }));

  it('1. a 500 on the help centre is R4 failing (counted, lastChecked moved) and DOWN after 3 of 4 cycles', async () => {
    const hook = await receiver();
    const help500 = failed(
      'Error: the help centre answered HTTP 500 (/help)',
      'When the buyer removes the card',
    );
    const m = await monitor(
      'help-500',
      (c) => ({ scenarios: [R4(c === 1 ? [ok()] : [help500, help500]), L1([ok()])] }),
      {},
      hook,
    );
    await m.cycle();
    const before = (await loadState(join(m.reportsDir, 'state.json'))).procedures['R4']!;
    const second = await m.cycle();
    assert.equal(second.exitCode, 1, 'a procedure failed: exit 1');
    assert.equal(second.result, 'failed', 'the run is stored as failed');
    const r4 = (await loadState(join(m.reportsDir, 'state.json'))).procedures['R4']!;
    assert.notEqual(r4.lastChecked, before.lastChecked);
    assert.equal(r4.consecutiveFailures, 1);
    await m.cycle();
    assert.equal(hook.posts.length, 0, 'no page before K=3 of N=4');
    const fourth = await m.cycle();
    assert.equal(fourth.exitCode, 1);
    assert.deepEqual(items(hook), [['down R4']]);
    const item = hook.posts[0]!.cardwatch.items[0]!;
    assert.equal(item.httpStatus, 500);
    assert.equal(item.screen, 'help centre');
    assert.match(
      item.line,
      /^R4 DOWN: step "When the buyer removes the card", on the help centre, answered HTTP 500 — Error: the help centre answered HTTP 500 \(\/help\) \[context F5\]$/,
    );
  });

  it("1. only the monitor's own trouble is infrastructure: browser cannot start, target unreachable as a whole", async () => {
    const launch = failed("Error: browserType.launch: Executable doesn't exist at /etc/hostname");
    const refused = failed('Error: page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:4701/');
    const hook = await receiver();
    const m = await monitor(
      'infra',
      (c) => ({ scenarios: c === 1 ? [R3([launch]), R4([launch])] : [R3([refused]), R4([refused])] }),
      {},
      hook,
    );
    const a = await m.cycle();
    assert.equal(a.exitCode, 2);
    assert.match(a.infrastructure ?? '', /^the browser could not start: /);
    const b = await m.cycle();
    assert.match(b.infrastructure ?? '', /^target unreachable: every origin refused the connection/);
    assert.deepEqual(
      (await loadState(join(m.reportsDir, 'state.json'))).procedures,
      {},
      'no procedure state',
    );
    assert.deepEqual(items(hook), [['infrastructure']], 'one message when it starts');
  });

  it('2. a webhook answering 429 with Retry-After: 25 for 25 s: delivered in the cycle after the wait, nothing lost', async () => {
    const t0 = { at: 0 };
    const hook = await receiver(() =>
      Date.now() - t0.at < 25_000 ? { status: 429, headers: { 'retry-after': '25' } } : { status: 200 },
    );
    const m = await monitor(
      'retry-after',
      () => ({ scenarios: [R3([failed('Error: VISA •••• 2223 is still shown on the wallet direct page')])] }),
      { MONITOR_CHANGE_QUORUM: '1', MONITOR_CHANGE_WINDOW: '1' },
      hook,
    );
    t0.at = Date.now();
    await m.cycle();
    assert.equal(hook.posts.length, 1, 'delivered');
    assert.equal(hook.requests.length, 2, 'one 429, then one attempt after Retry-After');
    assert.ok(hook.requests[1]!.at - hook.requests[0]!.at >= 25_000, 'waited what Retry-After asked');
    assert.equal(readdirSync(outboxDirOf(m.reportsDir)).filter((f) => f.endsWith('.json')).length, 0);
  });

  it("2. Retry-After beyond the cycle's budget: kept in the outbox, sent at the next cycle, in order, marked late", async () => {
    let refuse = true;
    const hook = await receiver(() =>
      refuse ? { status: 429, headers: { 'retry-after': '120' } } : { status: 200 },
    );
    const m = await monitor(
      'late',
      (c) => ({ scenarios: [R3(c === 1 ? [failed('Error: x on the wallet direct page')] : [ok()])] }),
      { MONITOR_CHANGE_QUORUM: '1', MONITOR_CHANGE_WINDOW: '1', MONITOR_WEBHOOK_BUDGET_MS: '5000' },
      hook,
    );
    const first = await m.cycle();
    assert.equal(first.alert?.delivery.left, 1);
    assert.equal(hook.posts.length, 0);
    assert.equal(hook.requests.length, 1, 'no retry that cannot succeed within the budget');
    refuse = false;
    const second = await m.cycle(); // R3 recovers: a second message, behind the first
    assert.equal(second.alert?.delivery.sent, 2);
    assert.deepEqual(items(hook), [['down R3'], ['recovered R3']]);
    assert.equal(hook.posts[0]!.cardwatch.late, true);
    assert.match(hook.posts[0]!.text, /^\[late: from \S+\] cardwatch: DOWN R3/);
    assert.equal(hook.posts[1]!.cardwatch.late, undefined);
  });

  it('2. nothing lost across a restart: the daemon sends what waits in the outbox when it starts', async () => {
    let refuse = true;
    const hook = await receiver(() => (refuse ? { status: 503 } : { status: 200 }));
    const m = await monitor(
      'restart',
      () => ({ scenarios: [R3([failed('Error: x on the wallet direct page')])] }),
      { MONITOR_CHANGE_QUORUM: '1', MONITOR_CHANGE_WINDOW: '1', MONITOR_WEBHOOK_ATTEMPTS: '2' },
      hook,
    );
    await m.cycle();
    assert.equal(hook.posts.length, 0);
    refuse = false;
    const daemon = startMonitor(
      [],
      monitorEnv({
        REPORTS_DIR: m.reportsDir,
        MOCK_PORT_BASE: '4700',
        MONITOR_PORT: '9475',
        MONITOR_CRON: '0 2 1 1 *',
        MONITOR_WEBHOOK_URL: hook.url,
      }),
    );
    try {
      await waitFor('the late message', () => hook.posts.length === 1, 30_000);
      assert.equal(hook.posts[0]!.cardwatch.late, true);
      assert.deepEqual(items(hook), [['down R3']]);
    } finally {
      daemon.child.kill('SIGTERM');
      await new Promise((done) => daemon.child.once('exit', done));
    }
    assert.match(daemon.output(), /1 undelivered alert message\(s\) in the outbox: sending them late/);
  });

  it('3. R3 failing every other cycle: one FLAPPING message (was DOWN/RECOVERED six times)', async () => {
    const hook = await receiver();
    const m = await monitor(
      'flapping',
      (c) => ({
        scenarios: [R3(c % 2 ? [ok()] : [failed('Error: x on the wallet direct page')]), R4([ok()])],
      }),
      {},
      hook,
    );
    for (let i = 0; i < 7; i++) await m.cycle();
    assert.deepEqual(items(hook), [['flapping R3']]);
    assert.match(
      hook.posts[0]!.cardwatch.items[0]!.line,
      /^R3 FLAPPING: state changed in \d+ % of recent cycles/,
    );
  });

  it('4. a feature the suite cannot load is "suite error <file>:<line>", never "target unreachable"', async () => {
    const hook = await receiver();
    const dup = {
      file: 'features/checkout/payment-methods.feature',
      line: 14,
      message: 'duplicate test title "ID | Western Union"',
    };
    const m = await monitor(
      'suite-error',
      (c) =>
        c === 1
          ? { scenarios: [], suiteErrors: [dup], exitCode: 1 }
          : { scenarios: [R3([ok()])], suiteErrors: [dup] },
      {},
      hook,
    );
    const nothing = await m.cycle();
    assert.equal(nothing.exitCode, 2);
    assert.equal(
      nothing.infrastructure,
      'suite error features/checkout/payment-methods.feature:14: duplicate test title "ID | Western Union"',
    );
    const others = await m.cycle(); // the other files ran: they are measured, the broken one is named
    assert.equal(others.infrastructure, undefined);
    assert.equal(others.exitCode, 2);
    const all = hook.posts.flatMap((p) => p.cardwatch.items.map((i) => i.line));
    assert.ok(
      all.every((l) => !/unreachable/.test(l)),
      all.join('\n'),
    );
    assert.match(
      all[0]!,
      /MONITOR CANNOT MEASURE: suite error features\/checkout\/payment-methods\.feature:14/,
    );
    assert.match(
      all[1]!,
      /^suite error features\/checkout\/payment-methods\.feature:14: duplicate test title/,
    );
    assert.ok(
      m.lines.some((l) => /features\/checkout\/payment-methods\.feature:14: suite error: duplicate/.test(l)),
    );
  });

  it('8. MONITOR_TIMEZONE=Asia/Jakrta stops the monitor with one line naming it (no croner stack trace)', async () => {
    const { code, output } = await runOnce(
      monitorEnv({ REPORTS_DIR: join(ROOT, 'tz'), MONITOR_TIMEZONE: 'Asia/Jakrta' }),
    );
    assert.equal(code, 2);
    assert.match(
      output,
      /^Invalid configuration:\n {2}- MONITOR_TIMEZONE: not an IANA time zone .*\(got "Asia\/Jakrta"\)\n$/,
    );
  });

  it('9. degraded from cw.procedureMs: 32.5 s with 9.9 s of steps is up; the failed clean-up is a janitor warning', async () => {
    const hook = await receiver();
    const warning = 'buyer-2@sandbox.cardwatch.test: clearing cards answered HTTP 503';
    const m = await monitor(
      'degraded',
      (c) => ({
        scenarios: [
          { name: 'Remove in the mobile app', tags: ['proc:R5'], attempts: [ok(32_500, 9_900)] },
          R3([c === 3 ? ok(14_000, 21_000) : ok(13_000, 4_000, c === 2 ? [warning] : undefined)]),
        ],
      }),
      { MONITOR_CHANGE_QUORUM: '1', MONITOR_CHANGE_WINDOW: '1' },
      hook,
    );
    await m.cycle();
    await m.cycle();
    const state = await loadState(join(m.reportsDir, 'state.json'));
    assert.equal(state.procedures['R5']!.state, 'up');
    assert.equal(
      state.procedures['R3']!.state,
      'up',
      'a janitor failure never makes the procedure fail or slow',
    );
    assert.deepEqual(state.procedures['R3']!.janitorWarnings, [warning]);
    assert.ok(
      m.lines.some((l) => l.includes(`janitor warning (sandbox account, not a failure): ${warning}`)),
    );
    assert.match(
      renderStatusPage(state, { schedule: 'x' }),
      /janitor warning \(sandbox account, not a failure\): buyer-2@sandbox\.cardwatch\.test: clearing cards answered HTTP 503/,
    );
    assert.equal(hook.posts.length, 0);
    await m.cycle(); // the procedure's own time is over 20 s: that is degraded
    assert.deepEqual(items(hook), [['degraded R3']]);
    assert.match(hook.posts[0]!.cardwatch.items[0]!.line, /passed in 21\.0 s \(procedure time\)/);
  });

  it('10 + 12. a DOWN names step, screen, control and status; an unticked link box is L1 down with F3 as context', async () => {
    const hook = await receiver();
    const unticked = failed(
      "TimeoutError: locator.check: Timeout 10000ms exceeded.\nCall log:\n  - waiting for getByRole('checkbox', { name: 'Link this card to my wallet' })",
      'When the buyer pays with the link box ticked',
    );
    const m = await monitor(
      'explain',
      (c) => ({ scenarios: [L1(c === 1 ? [ok()] : [unticked]), R3([ok()])] }),
      { MONITOR_CHANGE_QUORUM: '1', MONITOR_CHANGE_WINDOW: '1' },
      hook,
    );
    await m.cycle();
    await m.cycle();
    assert.deepEqual(items(hook), [['down L1']], 'one alert, about the procedure');
    const item = hook.posts[0]!.cardwatch.items[0]!;
    assert.equal(item.control, 'Link this card to my wallet');
    assert.equal(
      item.line,
      'L1 DOWN: step "When the buyer pays with the link box ticked", looked for checkbox "Link this card to my wallet" — TimeoutError: locator.check: Timeout 10000ms exceeded. [context F3]',
    );
    const state = await loadState(join(m.reportsDir, 'state.json'));
    assert.deepEqual(Object.keys(state.procedures).sort(), ['L1', 'R3'], 'no state for F3 or F5');

    const server: Server = await startServer({
      reportsDir: m.reportsDir,
      port: 0,
      schedule: 'x',
      running: () => false,
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const samples = parsePrometheus(await (await fetch(`${base}/metrics`)).text());
      assert.deepEqual(
        samples.filter((s) => s.name === 'cardwatch_procedure_up').map((s) => `${s.labels}=${s.value}`),
        ['procedure="L1"=0', 'procedure="R3"=1'],
      );
      assert.ok(
        samples.some((s) => s.name === 'process_cpu_user_seconds_total'),
        'prom-client default metrics',
      );
      const html = await (await fetch(`${base}/`)).text();
      assert.ok(html.indexOf('<h2>Procedures</h2>') < html.indexOf('<h2>Facts</h2>'));
      assert.match(html, /<th scope="row">F3<\/th><td>[^<]*<\/td><td colspan="4">checked along L1 \(down\)/);
      assert.match(html, /looked for checkbox &quot;Link this card to my wallet&quot;/);
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  });

  it('11. one removal fault behind six procedures: one DOWN message naming all six, one RECOVERED (was 6 + 6)', async () => {
    const hook = await receiver();
    const noop = failed('Error: VISA •••• 2223 is still shown on the wallet direct page (this session)');
    const faulty = new Set([2, 3, 4]);
    const m = await monitor(
      'storm',
      (c) => ({ scenarios: REMOVALS.map((id) => removal(id, [faulty.has(c) ? noop : ok()])) }),
      {},
      hook,
    );
    for (let i = 0; i < 7; i++) await m.cycle();
    assert.deepEqual(items(hook), [
      REMOVALS.map((id) => `down ${id}`),
      REMOVALS.map((id) => `recovered ${id}`),
    ]);
    assert.match(hook.posts[0]!.text, /^cardwatch: DOWN R1, R2, R3, R4, R5, R6 — /);
    for (const item of hook.posts[0]!.cardwatch.items)
      assert.match(item.line, /step "Then the card is removed everywhere", on the wallet direct page/);
  });

  after(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    assert.ok(existsSync(ROOT));
  });
});
