// The monitor's pure parts: results -> outcomes, state transitions, alert payloads and delivery, config.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alertPayload, deliver } from '../../monitor/alerts.ts';
import { loadMonitorConfig } from '../../monitor/config.ts';
import { observeResults } from '../../monitor/observe.ts';
import { applyObservation, emptyState, recordRun, runResultOf, uptime } from '../../monitor/state.ts';
import type { AllureResult } from '../../scripts/lib/allure-results.ts';
import { ConfigError } from '../../support/env.ts';
import { startReceiver } from './harness.ts';

let seq = 0;
function result(
  name: string,
  status: AllureResult['status'],
  opts: { ms?: number; message?: string; tags?: string[]; start?: number } = {},
): AllureResult {
  const tags = opts.tags ?? ['proc:R3', 'fact:F5'];
  const start = opts.start ?? 1_000_000 + seq++ * 100_000;
  return {
    uuid: `u${seq}`,
    name,
    fullName: `f.spec.js › ${name}`,
    status,
    statusDetails: opts.message ? { message: opts.message } : undefined,
    labels: [
      ...tags.map((value) => ({ name: 'tag', value })),
      ...tags.map((t) => ({ name: 'procedure', value: t.split(':')[1]! })),
    ],
    parameters: [{ name: 'Project', value: 'desktop' }],
    steps: [
      { name: 'Given a signed-in buyer', status: 'passed' },
      { name: 'Then the card is removed everywhere', status: status === 'passed' ? 'passed' : status },
    ],
    start,
    stop: start + (opts.ms ?? 3000),
  };
}

const apply = (state = emptyState(), results: AllureResult[], failuresBeforeAlert = 1) => {
  const obs = observeResults(results, 8000);
  const changes = applyObservation(state, obs, {
    runId: `run${seq}`,
    now: new Date(1_800_000_000_000 + seq).toISOString(),
    failuresBeforeAlert,
    reportPathOf: () => '/runs/x/report/',
  });
  recordRun(
    state,
    {
      id: `run${seq}`,
      startedAt: '',
      finishedAt: '',
      durationMs: 1,
      result: runResultOf(obs),
      exitCode: 0,
      procedures: Object.fromEntries(Object.values(obs.procedures).map((p) => [p.id, p.outcome])),
    },
    100,
  );
  return { state, obs, changes };
};

const FAIL =
  '\u001b[31mError: VISA •••• 4242 is still shown on the wallet direct page\u001b[39m\n\nexpect(locator)…';

describe('monitor state', () => {
  it('down on the first failure by default; facts checked along the way do not alert', () => {
    const { state, changes, obs } = apply(undefined, [result('Delete', 'failed', { message: FAIL })]);
    assert.deepEqual(
      changes.map((c) => `${c.kind} ${c.procedure}`),
      ['down R3'],
    );
    assert.equal(state.procedures['F5']!.state, 'down', 'F5 is tracked');
    assert.equal(changes[0]!.last.step, 'Then the card is removed everywhere');
    assert.equal(changes[0]!.last.error, 'Error: VISA •••• 4242 is still shown on the wallet direct page');
    assert.equal(obs.procedures['R3']!.decisive.category, 'product');
  });

  it('waits for MONITOR_FAILURES_BEFORE_ALERT consecutive failures, then recovers once', () => {
    const state = emptyState();
    apply(state, [result('Delete', 'passed')], 2);
    assert.deepEqual(apply(state, [result('Delete', 'failed', { message: FAIL })], 2).changes, []);
    assert.equal(state.procedures['R3']!.consecutiveFailures, 1);
    assert.deepEqual(
      apply(state, [result('Delete', 'failed', { message: FAIL })], 2).changes.map((c) => c.kind),
      ['down'],
    );
    assert.deepEqual(apply(state, [result('Delete', 'failed', { message: FAIL })], 2).changes, []);
    assert.deepEqual(
      apply(state, [result('Delete', 'passed')], 2).changes.map((c) => c.kind),
      ['recovered'],
    );
    assert.deepEqual(apply(state, [result('Delete', 'passed')], 2).changes, []);
    assert.equal(uptime(state, 'R3'), 3 / 6);
  });

  it('slow passes are degraded, and the way back is "recovered"', () => {
    const state = emptyState();
    apply(state, [result('Delete', 'passed')]);
    const slow = apply(state, [result('Delete', 'passed', { ms: 9000 })]);
    assert.deepEqual(
      slow.changes.map((c) => `${c.kind} ${c.from}->${c.to}`),
      ['degraded up->degraded'],
    );
    assert.equal(runResultOf(slow.obs), 'degraded');
    assert.deepEqual(
      apply(state, [result('Delete', 'passed')]).changes.map((c) => c.kind),
      ['recovered'],
    );
  });

  it('a pass after a retry is flaky, not failed', () => {
    const start = 5_000_000;
    const { obs, changes } = apply(undefined, [
      result('Delete', 'failed', { message: FAIL, start }),
      result('Delete', 'passed', { start: start + 10_000 }),
    ]);
    assert.equal(obs.procedures['R3']!.outcome, 'passed');
    assert.equal(obs.counts.flaky, 1);
    assert.deepEqual(changes, []);
  });

  it('infrastructure failures do not count as the procedure failing', () => {
    const { obs } = apply(undefined, [
      result('Delete', 'broken', {
        message: 'Error: page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1',
      }),
    ]);
    assert.match(obs.infrastructure ?? '', /ERR_CONNECTION_REFUSED/);
    assert.deepEqual(obs.procedures, {});
    assert.equal(runResultOf(obs), 'error');
    assert.match(observeResults([], 8000).infrastructure ?? '', /no results/);
  });

  it('categories: product (assertion), test (broken), infrastructure (browser / connection)', () => {
    const cat = (status: AllureResult['status'], message: string) =>
      observeResults([result('X', status, { message })], 8000).scenarios[0]!.category;
    assert.equal(cat('failed', FAIL), 'product');
    assert.equal(cat('broken', "TypeError: Cannot read properties of undefined (reading 'x')"), 'test');
    assert.equal(
      cat('failed', 'Error: browserType.launch: Target page, context or browser has been closed'),
      'infrastructure',
    );
    assert.equal(cat('broken', 'Error: page.goto: net::ERR_CONNECTION_REFUSED'), 'infrastructure');
  });
});

describe('monitor alerts', () => {
  const change = () => apply(undefined, [result('Delete', 'failed', { message: FAIL })]).changes[0]!;

  it('builds a Slack payload: text + blocks with procedure, scenario, step, error and the report link', () => {
    const p = alertPayload(change(), 'http://127.0.0.1:9464');
    assert.match(p.text, /^R3 is DOWN: Delete — report: http:\/\/127\.0\.0\.1:9464\/runs\/x\/report\/$/);
    const blocks = JSON.stringify(p.blocks);
    for (const part of [
      "R3 · Remove via the wallet's direct link",
      'Then the card is removed everywhere',
      '4242',
    ])
      assert.ok(blocks.includes(part.replace(/'/g, "'")), part);
  });

  it('retries a failing webhook, then logs and carries on (never throws)', async () => {
    const hook = await startReceiver(503);
    const lines: string[] = [];
    const ok = await deliver(alertPayload(change(), 'http://x'), {
      webhookUrl: hook.url,
      attempts: 3,
      minTimeoutMs: 5,
      log: (l) => lines.push(l),
    });
    await hook.close();
    assert.equal(ok, false);
    assert.equal(lines.filter((l) => /delivery attempt \d failed/.test(l)).length, 3);
    assert.match(lines.at(-1)!, /NOT delivered after 3 attempts/);
  });

  it('without a webhook, the alert goes to the log', async () => {
    const lines: string[] = [];
    assert.equal(
      await deliver(alertPayload(change(), 'http://x'), { attempts: 1, log: (l) => lines.push(l) }),
      true,
    );
    assert.match(lines[0]!, /^\[alert\] R3 is DOWN/);
  });
});

describe('monitor config', () => {
  it('defaults: nightly at 02:00, 1 failure before alert, 127.0.0.1 link', () => {
    const cfg = loadMonitorConfig({});
    assert.equal(cfg.MONITOR_CRON, '0 2 * * *');
    assert.equal(cfg.MONITOR_FAILURES_BEFORE_ALERT, 1);
    assert.equal(cfg.publicUrl, `http://127.0.0.1:${cfg.MONITOR_PORT}`);
  });

  it('accepts seconds, names every wrong variable of both schemas', () => {
    assert.equal(loadMonitorConfig({ MONITOR_CRON: '*/10 * * * * *' }).MONITOR_CRON, '*/10 * * * * *');
    assert.throws(
      () => loadMonitorConfig({ MONITOR_CRON: 'every night', MONITOR_WEBHOOK_URL: 'slack', TARGET: 'x' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /MONITOR_CRON: not a cron pattern/);
        assert.match(error.message, /MONITOR_WEBHOOK_URL: expected an http\(s\) URL/);
        assert.match(error.message, /TARGET: /);
        return true;
      },
    );
    assert.throws(
      () => loadMonitorConfig({ MOCK_PORT_BASE: '5700', MONITOR_PORT: '5709' }),
      /MONITOR_PORT: the mock uses MOCK_PORT_BASE\.\.\+9 \(5700-5709\)/,
    );
  });
});

describe('monitor architecture', () => {
  it('uses the suite only as a child process: no import of steps, pages, fixtures or the mock', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    for (const file of readdirSync('monitor').filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(`monitor/${file}`, 'utf8');
      for (const [, from] of source.matchAll(/from '([^']+)'/g))
        assert.doesNotMatch(
          from!,
          /(^|\/)(steps|pages|fixtures|mock-app|features)\//,
          `monitor/${file} imports ${from}`,
        );
    }
  });
});
