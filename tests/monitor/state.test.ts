// The monitor's pure parts: results -> outcomes (classification by evidence), state transitions
// (K of N, flapping, failure rate), the cycle's one message, config.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { changeItem, cyclePayload } from '../../monitor/alerts.ts';
import { loadMonitorConfig, policyOf } from '../../monitor/config.ts';
import { flapPercent, type Mark, quorumState } from '../../monitor/hysteresis.ts';
import { observeResults, observeRun } from '../../monitor/observe.ts';
import { type Attempt, scriptedResults } from '../../monitor/standin.ts';
import {
  applyObservation,
  emptyState,
  type MonitorState,
  recordRun,
  runResultOf,
  type StateChange,
  uptime,
} from '../../monitor/state.ts';
import { writeSuiteErrorResults } from '../../scripts/lib/suite-errors.ts';
import { ConfigError } from '../../support/env.ts';

const POLICY = policyOf(loadMonitorConfig({}));
const FAIL =
  '\u001b[31mError: VISA •••• 4242 is still shown on the wallet direct page\u001b[39m\n\nexpect(locator)…';
const pass = (ms = 3000, procedureMs?: number): Attempt => ({ status: 'passed', ms, procedureMs });
const fail = (message = FAIL, status: Attempt['status'] = 'failed'): Attempt => ({ status, message });

let seq = 0;
const results = (attempts: Attempt[], tags = ['proc:R3', 'fact:F5'], name = 'Delete') =>
  scriptedResults({ name, tags, attempts }, 1_000_000 + seq++ * 100_000);

/** One cycle: observe, apply, record; returns the alert-worthy changes. */
function cycle(state: MonitorState, res: ReturnType<typeof results>, policy = POLICY): StateChange[] {
  const obs = observeResults(res, 8000);
  const changes = applyObservation(state, obs, {
    runId: `run${seq}`,
    now: new Date(1_800_000_000_000 + seq++ * 1000).toISOString(),
    policy,
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
  return changes;
}
const kinds = (cs: StateChange[]) => cs.map((c) => `${c.kind} ${c.procedure}`);

describe('classification by evidence', () => {
  const one = (a: Attempt, tags?: string[]) => observeResults(results([a], tags), 8000);

  it('an HTTP error page on a procedure screen is the procedure failing, with status and screen', () => {
    const obs = one(fail('Error: the help centre answered HTTP 500 (/help)'), ['proc:R4', 'fact:F5']);
    assert.equal(obs.infrastructure, undefined);
    assert.equal(obs.procedures['R4']!.outcome, 'failed');
    assert.deepEqual(obs.procedures['R4']!.decisive.evidence, {
      cause: 'target',
      screen: 'help centre',
      httpStatus: 500,
    });
  });

  it('a missing control is the procedure failing, and names the control by its label', () => {
    const obs = one(
      fail(
        "TimeoutError: locator.click: Timeout 10000ms exceeded.\nCall log:\n  - waiting for getByRole('region', { name: 'Card information' }).getByRole('listitem').getByRole('button', { name: 'Delete card' })",
      ),
    );
    assert.equal(obs.procedures['R3']!.outcome, 'failed');
    assert.equal(obs.procedures['R3']!.decisive.evidence?.control, 'Delete card');
    assert.equal(obs.procedures['R3']!.decisive.evidence?.role, 'button');
  });

  it('a broken step (the suite could not run it) still counts against the procedure, category "test"', () => {
    const obs = one(fail("TypeError: Cannot read properties of undefined (reading 'x')", 'broken'));
    assert.equal(obs.procedures['R3']!.outcome, 'failed');
    assert.equal(obs.procedures['R3']!.decisive.category, 'test');
  });

  it("the browser that cannot start is the monitor's trouble: infrastructure, no procedure measured", () => {
    const obs = one(
      fail('Error: browserType.launch: Failed to launch: spawn /etc/hostname EACCES', 'broken'),
    );
    assert.match(obs.infrastructure ?? '', /^the browser could not start: Error: browserType\.launch/);
    assert.deepEqual(obs.procedures, {});
    assert.equal(runResultOf(obs), 'error');
  });

  it('connection refused: infrastructure only when every scenario met it (the target as a whole)', () => {
    const refused = fail(
      'Error: page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:4703/help',
      'broken',
    );
    const all = observeResults(
      [...results([refused], ['proc:R4'], 'help'), ...results([refused], ['proc:R3'])],
      8000,
    );
    assert.match(all.infrastructure ?? '', /^target unreachable: every origin refused the connection/);
    const some = observeResults(
      [...results([refused], ['proc:R4'], 'help'), ...results([pass()], ['proc:R3'])],
      8000,
    );
    assert.equal(some.infrastructure, undefined);
    assert.equal(
      some.procedures['R4']!.outcome,
      'failed',
      'the help centre origin alone refused: R4 is down',
    );
    assert.equal(some.procedures['R3']!.outcome, 'passed');
  });

  it('nothing ran: a suite error is named with file:line, never "target unreachable"', () => {
    const obs = observeResults([], 8000, [
      { file: 'features/wallet/x.feature', line: 12, message: 'duplicate test title "ID | Western Union"' },
    ]);
    assert.equal(
      obs.infrastructure,
      'suite error features/wallet/x.feature:12: duplicate test title "ID | Western Union"',
    );
    assert.match(observeResults([], 8000).infrastructure ?? '', /no results/);
  });

  it("the pipeline's broken result for a file it left out is a suite error, not a failed scenario", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-suite-error-'));
    writeSuiteErrorResults(dir, [
      { file: 'features/wallet/x.feature', line: 7, message: 'Gherkin syntax error: expected a step' },
    ]);
    for (const r of results([pass()])) writeFileSync(join(dir, `${r.uuid}-result.json`), JSON.stringify(r));
    const obs = await observeRun(dir, 8000);
    rmSync(dir, { recursive: true, force: true });
    assert.equal(obs.infrastructure, undefined, 'the other files ran');
    assert.deepEqual(obs.suiteErrors, [
      { file: 'features/wallet/x.feature', line: 7, message: 'Gherkin syntax error: expected a step' },
    ]);
    assert.deepEqual(
      obs.scenarios.map((x) => x.subjects),
      [['R3']],
      'no scenario for the broken file',
    );
    assert.equal(obs.counts.failed, 0);
  });

  it('a pass after a retry is flaky, not failed', () => {
    const obs = observeResults(results([fail(), pass()]), 8000);
    assert.equal(obs.procedures['R3']!.outcome, 'passed');
    assert.equal(obs.counts.flaky, 1);
  });
});

describe("degraded from the procedure's own time; janitor warnings", () => {
  it('uses cw.procedureMs when recorded: a 32 s scenario with 9.9 s of procedure is not slow', () => {
    const obs = observeResults(
      results([{ ...pass(32_500, 9_900), janitorWarnings: ['buyer-2: clearing cards answered HTTP 503'] }]),
      20_000,
    );
    const r3 = obs.procedures['R3']!;
    assert.equal(r3.outcome, 'passed');
    assert.equal(r3.decisive.procedureMs, 9_900);
    assert.equal(r3.decisive.timeSource, 'cw.procedureMs');
    assert.deepEqual(r3.janitorWarnings, ['buyer-2: clearing cards answered HTTP 503']);
    assert.equal(obs.counts.janitorWarnings, 1);
  });

  it("falls back to the scenario's duration, and a slow procedure time is slow", () => {
    assert.equal(observeResults(results([pass(21_000)]), 20_000).procedures['R3']!.outcome, 'slow');
    assert.equal(observeResults(results([pass(5_000, 21_000)]), 20_000).procedures['R3']!.outcome, 'slow');
  });
});

describe('procedures are the subjects; facts ride along', () => {
  it('a failed @proc:R3 @fact:F5 scenario makes R3 fail with F5 as context, no F5 state', () => {
    const state = emptyState();
    const obs = observeResults(results([fail()]), 8000);
    assert.deepEqual(Object.keys(obs.procedures), ['R3']);
    assert.deepEqual(obs.procedures['R3']!.context, ['F5']);
    const one = { ...POLICY, changeWindow: 1, changeQuorum: 1 };
    const changes = cycle(state, results([fail()]), one);
    assert.deepEqual(kinds(changes), ['down R3']);
    assert.deepEqual(changes[0]!.context, ['F5']);
    assert.deepEqual(Object.keys(state.procedures), ['R3']);
  });

  it('a scenario about a fact alone (@fact:F6) gives that fact a state', () => {
    const obs = observeResults(results([pass()], ['fact:F6']), 8000);
    assert.deepEqual(Object.keys(obs.procedures), ['F6']);
  });
});

describe('hysteresis: K of N, flapping, failure rate', () => {
  it('defaults: 3 of the last 4 cycles, flap window 10 at 60 % / 25 %, failure rate 30 % of 10', () => {
    assert.deepEqual(POLICY, {
      changeWindow: 4,
      changeQuorum: 3,
      flapWindow: 10,
      flapHighPercent: 60,
      flapLowPercent: 25,
      rateWindow: 10,
      rateAlertPercent: 30,
    });
  });

  it('quorum: the worst state with K of N wins; without a quorum the state stays', () => {
    const p = POLICY;
    assert.equal(quorumState(['P', 'F', 'F', 'F'], 'up', p), 'down');
    assert.equal(quorumState(['F', 'P', 'F', 'P'], 'up', p), 'up');
    assert.equal(quorumState(['F', 'P', 'F', 'P'], 'down', p), 'down');
    assert.equal(quorumState(['D', 'P', 'P', 'P'], 'down', p), 'up');
    assert.equal(quorumState(['P', 'S', 'S', 'S'], 'up', p), 'degraded');
  });

  it('flap percent: alternating is 100 % in a full window; a young history is not flapping from two results', () => {
    const alt = (n: number) => Array.from({ length: n }, (_, i): Mark => (i % 2 ? 'F' : 'P'));
    assert.equal(Math.round(flapPercent(alt(10), 10)), 100);
    assert.ok(flapPercent(['P', 'F', 'F', 'P'], 10) < 30);
    assert.equal(flapPercent(['P', 'P', 'P'], 10), 0);
  });

  it('two isolated failures, even in the newest cycles, are not flapping; three episodes are', () => {
    assert.ok(flapPercent([...'PPPPPFPPFP'] as Mark[], 10) < POLICY.flapHighPercent);
    assert.ok(flapPercent([...'PPPPPPFPFP'] as Mark[], 10) < POLICY.flapHighPercent);
    assert.ok(flapPercent([...'PPPPFPFPFP'] as Mark[], 10) >= POLICY.flapHighPercent);
  });

  it('a real outage: one DOWN after 3 failing cycles, one RECOVERED after 3 passing; blips in between alert nothing', () => {
    const state = emptyState();
    const seqOut: string[] = [];
    const plan = 'PPPPPFPPPPFFFFFFPPPPPPFPPPP';
    for (const c of plan) seqOut.push(...kinds(cycle(state, results([c === 'P' ? pass() : fail()]))));
    assert.deepEqual(seqOut, ['down R3', 'recovered R3']);
    assert.equal(uptime(state, 'R3')! < 1, true);
  });

  it('an outage whose recovery stutters (fail, pass, fail...): one DOWN, one RECOVERED, no FLAPPING (soak seed 8)', () => {
    const state = emptyState();
    const out: string[] = [];
    for (const [i, c] of [...'PPPPPPPPPPFFFFFFFFPFPFPFPPPPPP'].entries())
      out.push(...kinds(cycle(state, results([c === 'P' ? pass() : fail()]))).map((k) => `${i + 1}: ${k}`));
    assert.deepEqual(out, ['13: down R3', '26: recovered R3']);
  });

  it('R3 failing every other cycle: one FLAPPING alert, then one when it settles (was 6 alerts in 6 cycles)', () => {
    const state = emptyState();
    const out: string[] = [];
    for (let i = 0; i < 12; i++) out.push(...kinds(cycle(state, results([i % 2 ? fail() : pass()]))));
    assert.deepEqual(out, ['flapping R3'], 'no DOWN/RECOVERED, and no FAILING OFTEN on top of the FLAPPING');
    assert.ok(state.procedures['R3']!.flapping);
    assert.equal(state.procedures['R3']!.failingOften?.alerted, false, 'the rate is known, not paged');
    for (let i = 0; i < 10; i++) out.push(...kinds(cycle(state, results([pass()]))));
    assert.deepEqual(out, ['flapping R3', 'settled R3']);
    assert.equal(state.procedures['R3']!.flapping, undefined);
  });

  it('failure rate: 3 of 10 failed, never 3 in a row, no flapping: one FAILING OFTEN, cleared below 15 %', () => {
    const state = emptyState();
    const out: string[] = [];
    for (const [i, c] of [...'PPPPPPPPPPFFPPPPPFPPPPPPPPP'].entries())
      out.push(...kinds(cycle(state, results([c === 'P' ? pass() : fail()]))).map((k) => `${i + 1}: ${k}`));
    // cycle 19 passes with 3 failures in the last 10; cycle 22 has only 1 left in its window
    assert.deepEqual(out, ['19: failing-often R3', '22: failing-often-cleared R3']);
  });

  it('a scenario alternating 3 s and 21 s: FLAPPING once, not DEGRADED/RECOVERED every cycle', () => {
    const state = emptyState();
    const out: string[] = [];
    for (let i = 0; i < 12; i++) out.push(...kinds(cycle(state, results([pass(i % 2 ? 21_000 : 3_000)]))));
    assert.deepEqual(out, ['flapping R3']);
  });
});

describe('one message per cycle', () => {
  it('six procedures down behind one fault: one message naming all six, each with its failing step', () => {
    const state = emptyState();
    const one = { ...POLICY, changeWindow: 1, changeQuorum: 1 };
    const procs = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6'];
    const all = (a: Attempt) => procs.flatMap((p) => results([a], [`proc:${p}`], `remove ${p}`));
    cycle(state, all(pass()), one);
    const changes = cycle(state, all(fail()), one);
    const msg = cyclePayload(
      changes.map((c) => changeItem(c, 'http://m')),
      { id: 'x', runId: 'r', createdAt: '2026-11-30T00:00:00Z', runReport: 'http://m/runs/r/report/' },
    );
    assert.match(msg.text, /^cardwatch: DOWN R1, R2, R3, R4, R5, R6 — run r/);
    assert.equal(msg.cardwatch.items.length, 6);
    for (const item of msg.cardwatch.items)
      assert.match(
        item.line,
        /DOWN: step "Then the card is removed everywhere", on the wallet direct page — Error: VISA/,
      );
  });
});

describe('monitor config', () => {
  it('defaults: nightly at 02:00, 127.0.0.1 link', () => {
    const cfg = loadMonitorConfig({});
    assert.equal(cfg.MONITOR_CRON, '0 2 * * *');
    assert.equal(cfg.publicUrl, `http://127.0.0.1:${cfg.MONITOR_PORT}`);
  });

  it('a time zone not in the IANA database is one line naming MONITOR_TIMEZONE (Asia/Jakrta)', () => {
    assert.equal(loadMonitorConfig({ MONITOR_TIMEZONE: 'Asia/Jakarta' }).MONITOR_TIMEZONE, 'Asia/Jakarta');
    assert.equal(loadMonitorConfig({ MONITOR_TIMEZONE: 'UTC' }).MONITOR_TIMEZONE, 'UTC');
    assert.throws(
      () => loadMonitorConfig({ MONITOR_TIMEZONE: 'Asia/Jakrta' }),
      (e: unknown) =>
        e instanceof ConfigError &&
        e.problems.length === 1 &&
        /^MONITOR_TIMEZONE: not an IANA time zone .*\(got "Asia\/Jakrta"\)$/.test(e.problems[0]!),
    );
  });

  it('validates the policy: K <= N, low < high; the old setting says what replaced it', () => {
    assert.throws(
      () => loadMonitorConfig({ MONITOR_CHANGE_QUORUM: '5', MONITOR_CHANGE_WINDOW: '4' }),
      /MONITOR_CHANGE_QUORUM: K must be at most MONITOR_CHANGE_WINDOW \(4\)/,
    );
    assert.throws(
      () => loadMonitorConfig({ MONITOR_FLAP_LOW_PERCENT: '60' }),
      /MONITOR_FLAP_LOW_PERCENT: must be below MONITOR_FLAP_HIGH_PERCENT/,
    );
    assert.throws(
      () => loadMonitorConfig({ MONITOR_FAILURES_BEFORE_ALERT: '2' }),
      /MONITOR_FAILURES_BEFORE_ALERT: replaced by MONITOR_CHANGE_QUORUM/,
    );
  });

  it('names every wrong variable of both schemas', () => {
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
