// HARDER as a state (monitor/friction.ts): raised for the removal way that needs more of the buyer,
// naming the change, for that procedure only; cleared by the next clean cycle.
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  type BaselineFile,
  baselineOf,
  baselinesFor,
  type FrictionBaseline,
} from '../../support/friction/compare.ts';
import type { FrictionRecord } from '../../support/friction/record.ts';
import { Registry } from 'prom-client';
import { loadMonitorConfig } from '../../monitor/config.ts';
import { type CycleResult, runCycle } from '../../monitor/cycle.ts';
import { applyFriction, type FrictionState } from '../../monitor/friction.ts';
import { scriptedResults } from '../../monitor/standin.ts';
import { loadState } from '../../monitor/state.ts';
import { renderStatusPage } from '../../monitor/status-page.ts';
import type { SuiteRunner } from '../../monitor/suite.ts';
import { frictionMetrics } from '../../monitor/friction-metrics.ts';
import { FRICTION_LEGEND, frictionCell } from '../../monitor/friction-view.ts';

function rec(procedure: string, over: Partial<FrictionRecord> = {}): FrictionRecord {
  const scenario = over.scenario ?? `${procedure} way`;
  return {
    version: 1,
    procedure,
    scenario,
    key: `${procedure} | ${scenario}`,
    severity: 'critical',
    actions: 3,
    breakdown: { presses: 2, typed: 0, selected: 0, addressesOpened: 1 },
    navigations: 1,
    screens: [{ key: `http://x/${procedure} · Cards`, url: `http://x/${procedure}`, h1: 'Cards' }],
    fields: [],
    personalDataFields: 0,
    confirmSteps: 1,
    seconds: 1.2,
    a11y: { screens: [], byImpact: { critical: 0, serious: 0, moderate: 0, minor: 0 } },
    passed: true,
    ...over,
  };
}

const clean = () => [rec('R3'), rec('R4'), rec('R6'), rec('L1', { actions: 6 })];

/** First-green baselines the caller (monitor/friction-cycle.ts) keeps, by the state they came with. */
const keptFirstGreen = new WeakMap<FrictionState, Record<string, FrictionBaseline>>();

function cycle(
  prev: FrictionState | undefined,
  records: FrictionRecord[],
  n: number,
  baselines?: BaselineFile,
) {
  const kept = (prev && keptFirstGreen.get(prev)) ?? {};
  const out = applyFriction(prev, records, {
    runId: `run-${n}`,
    now: `2026-11-30T0${n}:00:00Z`,
    keep: 3,
    target: 't',
    baselines: baselinesFor(baselines, 't'),
    firstGreen: kept,
  });
  keptFirstGreen.set(out.state, { ...kept, ...out.firstGreen });
  return out;
}

describe('HARDER (monitor/friction.ts)', () => {
  it('takes the first green run as the baseline and alerts nothing', () => {
    const { state, changes, firstGreen } = cycle(undefined, clean(), 1);
    assert.deepEqual(changes, []);
    assert.deepEqual(Object.keys(firstGreen).sort(), [
      'L1 | L1 way',
      'R3 | R3 way',
      'R4 | R4 way',
      'R6 | R6 way',
    ]);
    assert.equal(state.procedures.R3?.state, 'normal');
  });

  it('raises HARDER for the procedure with an extra "Are you sure?" page only, naming it; clears on the next clean cycle', () => {
    const first = cycle(undefined, clean(), 1).state;
    const sure = { key: 'http://x/R3/sure · Are you sure?', url: 'http://x/R3/sure', h1: 'Are you sure?' };
    const faulty = clean().map((r) =>
      r.procedure === 'R3' ? { ...r, actions: 4, confirmSteps: 2, screens: [...r.screens, sure] } : r,
    );
    const second = cycle(first, faulty, 2);
    assert.deepEqual(
      second.changes.map((c) => [c.kind, c.procedure]),
      [['harder', 'R3']],
    );
    assert.equal(
      second.changes[0]!.line,
      'R3 HARDER: actions 3 → 4 (+1; new screen "http://x/R3/sure · Are you sure?"; confirm steps 1 → 2)',
    );
    assert.equal(second.state.procedures.R3?.state, 'harder');
    assert.equal(second.state.procedures.R4?.state, 'normal');

    const third = cycle(second.state, clean(), 3);
    assert.deepEqual(
      third.changes.map((c) => [c.kind, c.procedure]),
      [['harder-cleared', 'R3']],
    );
    assert.deepEqual(
      third.state.procedures.R3?.recent.map((p) => p.status),
      ['normal', 'harder', 'normal'],
    );
  });

  it('raises HARDER for a new required personal field and for a new serious accessibility violation', () => {
    const first = cycle(undefined, clean(), 1).state;
    const dob = {
      label: 'Date of birth',
      key: 'wallet.birthDate',
      class: 'date of birth' as const,
      personal: true,
      required: true,
      form: '/cards',
    };
    const a11y = {
      screens: [
        {
          screen: 'http://x/R6 · Cards',
          violations: [
            {
              rule: 'image-alt',
              impact: 'critical' as const,
              nodes: 1,
              help: 'Images must have alternate text',
            },
          ],
        },
      ],
      byImpact: { critical: 1, serious: 0, moderate: 0, minor: 0 },
    };
    const faulty = clean().map((r) =>
      r.procedure === 'R4'
        ? { ...r, actions: 4, fields: [dob], personalDataFields: 1 }
        : r.procedure === 'R6'
          ? { ...r, a11y }
          : r,
    );
    const { changes } = cycle(first, faulty, 2);
    assert.deepEqual(
      changes.map((c) => c.line),
      [
        'R4 HARDER: actions 3 → 4 (+1; form fields 0 → 1); personal-data fields 0 → 1 (new: Date of birth (date of birth))',
        'R6 HARDER: serious/critical accessibility violations 0 → 1 (new: image-alt (critical) on http://x/R6 · Cards)',
      ],
    );
  });

  it('names each change once when the translated pass of the same scenario got harder too', () => {
    const both = (actions: number) => [
      rec('R4', { actions }),
      rec('R4', { actions, scenario: 'R4 way', key: 'R4 | R4 way [id]' }),
    ];
    const first = cycle(undefined, both(3), 1).state;
    const { changes } = cycle(first, both(4), 2);
    assert.deepEqual(
      changes.map((c) => c.line),
      ['R4 HARDER: actions 3 → 4 (+1) (in 2 scenarios)'],
    );
  });

  it('compares against the committed baseline before a first green run', () => {
    const committed: BaselineFile = {
      version: 2,
      targets: {
        t: {
          written: 'x',
          source: 'x',
          baselines: { 'R3 | R3 way': { ...baselineOf(rec('R3')), actions: 2 } },
        },
      },
    };
    const { changes } = cycle(undefined, clean(), 1, committed);
    assert.deepEqual(
      changes.map((c) => c.line),
      ['R3 HARDER: actions 2 → 3 (+1)'],
    );
  });

  it('raises HARDER from a failed walk that already exceeds its baseline (a required date of birth refused)', () => {
    const first = cycle(undefined, clean(), 1).state;
    const dob = {
      label: 'Date of birth',
      key: 'wallet.birthDate',
      class: 'date of birth' as const,
      personal: true,
      required: true,
      form: '/',
    };
    const step = 'Then the page asks for no personal data';
    const refused = clean().map((r) =>
      r.procedure === 'R3'
        ? { ...r, passed: false, failedStep: step, fields: [dob], personalDataFields: 1 }
        : r,
    );
    const { state, changes } = cycle(first, refused, 2);
    assert.deepEqual(
      changes.map((c) => c.line),
      [
        `R3 HARDER: personal-data fields 0 → 1 (new: Date of birth (date of birth)) (the scenario also failed, at "${step}": counted up to there)`,
      ],
    );
    // on the strip: harder (not a bare "failed, not measured"), marked as a failed walk
    assert.deepEqual(state.procedures.R3?.recent.at(-1), {
      runId: 'run-2',
      status: 'harder',
      failed: true,
      personalData: 1,
    });
    // a clean, passing walk clears it and the failed-walk note with it
    const cleared = cycle(state, clean(), 3);
    assert.deepEqual(
      cleared.changes.map((c) => c.kind),
      ['harder-cleared'],
    );
    assert.equal(cleared.state.procedures.R3?.failedAt, undefined);
  });

  it('raises HARDER for one more screen to go through with as many actions (an extra page the walk passed)', () => {
    const first = cycle(undefined, clean(), 1).state;
    const sure = {
      key: 'mobileSite/cards/:id/delete · Are you sure?',
      url: 'http://x/sure',
      h1: 'Are you sure?',
    };
    const more = clean().map((r) =>
      r.procedure === 'R6' ? { ...r, passed: false, screens: [...r.screens, sure] } : r,
    );
    const { changes } = cycle(first, more, 2);
    assert.deepEqual(
      changes.map((c) => c.line),
      [
        'R6 HARDER: screens 1 → 2 (new: "mobileSite/cards/:id/delete · Are you sure?") (the scenario also failed: counted up to its failure)',
      ],
    );
  });

  it('a failed walk that does not exceed its baseline neither raises nor clears: the state stays until measured again', () => {
    const first = cycle(undefined, clean(), 1).state;
    const harder = cycle(
      first,
      clean().map((r) => (r.procedure === 'R3' ? { ...r, actions: 5 } : r)),
      2,
    ).state;
    const failing = cycle(
      harder,
      clean().map((r) => (r.procedure === 'R3' ? { ...r, actions: 1, passed: false } : r)),
      3,
    );
    assert.deepEqual(failing.changes, []);
    assert.equal(failing.state.procedures.R3?.state, 'harder');
    assert.equal(failing.state.procedures.R3?.recent.at(-1)?.status, 'failed');
  });

  it('never alerts a linking way, and keeps the last cycles only', () => {
    let state = cycle(undefined, clean(), 1).state;
    for (let n = 2; n <= 5; n++) {
      const r = cycle(state, [rec('L1', { actions: 6 + n })], n);
      assert.deepEqual(r.changes, []);
      state = r.state;
    }
    assert.deepEqual(
      state.procedures.L1?.recent.map((p) => p.actions),
      [9, 10, 11],
    );
  });
});

describe('friction on /metrics and the status page', () => {
  const history = () => {
    let s = cycle(undefined, clean(), 1).state;
    s = cycle(
      s,
      clean().map((r) => (r.procedure === 'R3' ? { ...r, actions: 4 } : r)),
      2,
    ).state;
    return cycle(
      s,
      clean().map((r) => (r.procedure === 'R3' ? { ...r, passed: false } : r)),
      3,
    ).state;
  };

  it('exposes the figures per procedure and the HARDER flag as gauges', async () => {
    const registry = new Registry();
    frictionMetrics(registry)(history());
    const text = await registry.metrics();
    assert.match(text, /cardwatch_friction_actions\{procedure="R3"\} 4/);
    assert.match(text, /cardwatch_friction_harder\{procedure="R3"\} 1/);
    assert.match(text, /cardwatch_friction_harder\{procedure="R4"\} 0/);
    assert.match(text, /cardwatch_friction_a11y_violations\{procedure="R4",impact="serious"\} 0/);
    assert.match(text, /cardwatch_friction_seconds\{procedure="L1"\} 1.2/);
  });

  it('shows a strip of the last cycles, a sparkline and what is harder', () => {
    const cell = frictionCell(history().procedures.R3);
    assert.deepEqual(
      [...cell.matchAll(/<i class="(\w+)"/g)].map((m) => m[1]),
      ['normal', 'harder', 'failed'],
    );
    assert.match(cell, /<svg [^>]*aria-label="actions per cycle: 3, 4 \(min 3, max 4\)"/);
    assert.match(cell, /HARDER since .*actions 3 → 4/);
    assert.match(cell, /4 actions · 1 screen · 0 personal-data fields · 1 confirm · /);
    assert.equal(frictionCell(undefined), '<td class="friction">—</td>');
  });

  it('shows a harder cycle whose scenario failed as harder-and-failed, with the step, and a legend says so', () => {
    const first = cycle(undefined, clean(), 1).state;
    const dob = {
      label: 'Date of birth',
      key: 'wallet.birthDate',
      class: 'date of birth' as const,
      personal: true,
      required: true,
      form: '/cards/:id/delete',
      submitted: false,
    };
    const step = 'Then the page asks for no personal data';
    const state = cycle(
      first,
      clean().map((r) =>
        r.procedure === 'R3'
          ? { ...r, passed: false, failedStep: step, fields: [dob], personalDataFields: 1 }
          : r,
      ),
      2,
    ).state;
    const cell = frictionCell(state.procedures.R3);
    assert.deepEqual(
      [...cell.matchAll(/<i class="([\w ]+)"/g)].map((m) => m[1]),
      ['normal', 'harder failed'],
    );
    assert.match(
      cell,
      /title="run-2: harder, and the scenario failed \(1 personal-data field up to the failure\)"/,
    );
    assert.match(cell, new RegExp(`personal-data fields 0 → 1 .*at &quot;${step}&quot;`));
    assert.match(FRICTION_LEGEND, /class="harder failed"><\/i>HARDER, and the scenario failed/);
  });
});

describe('HARDER through real monitor cycles (stand-in suite writing friction records)', {
  timeout: 120_000,
}, () => {
  /** A runner that writes R3 and R5 results, each with its friction.json as allure-playwright puts it. */
  function frictionRunner(r5Actions: (cycle: number) => number): SuiteRunner {
    let cycle = 0;
    return async (run) => {
      cycle++;
      const dir = join(run.runDir, 'allure-results');
      await mkdir(dir, { recursive: true });
      await writeFile(join(run.runDir, 'suite.log'), `friction stand-in, cycle ${cycle}\n`);
      const records = [rec('R3'), rec('R5', { actions: r5Actions(cycle) })];
      let t = Date.now();
      for (const r of records) {
        const [result] = scriptedResults(
          { name: r.scenario, tags: [`proc:${r.procedure}`], attempts: [{ status: 'passed' }] },
          t,
        );
        t = result!.stop + 10;
        const source = `${result!.uuid}-attachment.json`;
        await writeFile(join(dir, source), JSON.stringify(r));
        (result as unknown as { steps: unknown[] }).steps.push({
          name: 'After Hooks',
          steps: [
            {
              name: 'friction.json',
              attachments: [{ name: 'friction.json', source, type: 'application/json' }],
            },
          ],
        });
        await writeFile(join(dir, `${result!.uuid}-result.json`), JSON.stringify(result));
      }
      return { exitCode: 0, timedOut: false };
    };
  }

  it('raises R5 HARDER in the cycle that needs more actions, names it, and clears it in the next clean one', async () => {
    const reportsDir = join(tmpdir(), 'cw-h-friction-cycles');
    await rm(reportsDir, { recursive: true, force: true });
    const cfg = loadMonitorConfig({
      REPORTS_DIR: reportsDir,
      MOCK_PORT_BASE: '5100',
      MONITOR_PORT: '9475',
      MONITOR_PUBLIC_URL: 'http://monitor.example:9475',
    });
    const lines: string[] = [];
    const runner = frictionRunner((cycle) => (cycle === 2 ? 4 : 3));
    const cycle = () => runCycle({ cfg, log: (l) => lines.push(l), runner });
    const kinds = (r: CycleResult) => (r.alert?.items ?? []).map((i) => `${i.kind} ${i.procedure}`);

    const first = await cycle();
    assert.deepEqual(kinds(first), []);
    const second = await cycle();
    assert.deepEqual(kinds(second), ['harder R5']);
    assert.equal(second.exitCode, 0);
    assert.match(second.alert!.items[0]!.line, /^R5 HARDER: actions 3 → 4 \(\+1\)$/);
    assert.ok(lines.some((l) => l.includes('R5 HARDER: actions 3 → 4')));
    const state = await loadState(join(reportsDir, 'state.json'));
    assert.equal(state.friction?.procedures.R5?.state, 'harder');
    assert.equal(state.procedures.R5?.state, 'up', 'harder is not down');
    assert.match(renderStatusPage(state, { schedule: 'x' }), /HARDER since/);
    const third = await cycle();
    assert.deepEqual(kinds(third), ['harder-cleared R5']);
  });
});
