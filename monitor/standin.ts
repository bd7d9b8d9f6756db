// A stand-in for the suite (the cycle's `deps.runner` seam): writes scripted allure-results the way
// allure-playwright does (one result per attempt, tags and procedure labels, Gherkin steps, the
// phase labels of helper C's fixtures), so the monitor's own logic can be driven cycle by cycle
// without a browser. Used by tests/monitor/ and monitor/soak.ts; never by the daemon itself.
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AllureResult } from '../scripts/lib/allure-results.ts';
import { JANITOR_WARNING_LABEL, PHASE_LABELS, type SuiteError } from './observe.ts';
import type { SuiteOutcome, SuiteRunner } from './suite.ts';

export interface Attempt {
  status: 'passed' | 'failed' | 'broken';
  /** The error as Playwright words it (message; trace optional). */
  message?: string;
  trace?: string;
  /** The failing Gherkin step (default: the scenario's last step). */
  step?: string;
  /** Wall time of the attempt (ms), default 3000. */
  ms?: number;
  /** The cw.procedureMs label; absent = not recorded. */
  procedureMs?: number;
  janitorWarnings?: string[];
}

export interface Scripted {
  name: string;
  /** Tags without "@": proc:R3, fact:F5... */
  tags: string[];
  attempts: Attempt[];
  steps?: string[];
  feature?: string;
}

export interface ScriptedRun {
  scenarios: Scripted[];
  suiteErrors?: SuiteError[];
  exitCode?: number;
}

const DEFAULT_STEPS = [
  'Given a signed-in buyer with a linked card',
  'When the buyer removes the card',
  'Then the card is removed everywhere',
];

/** The allure results one scripted scenario leaves (one per attempt, consecutive in time). */
export function scriptedResults(s: Scripted, startAt: number): AllureResult[] {
  const steps = s.steps ?? DEFAULT_STEPS;
  let t = startAt;
  return s.attempts.map((a) => {
    const ms = a.ms ?? 3000;
    const start = t;
    t += ms + 10;
    const failing = a.status === 'passed' ? -1 : Math.max(0, steps.indexOf(a.step ?? steps.at(-1)!));
    const labels = [
      ...s.tags.map((value) => ({ name: 'tag', value: `@${value}` })),
      ...s.tags.map((t) => ({ name: 'procedure', value: t.split(':')[1]! })),
      ...(a.procedureMs === undefined
        ? []
        : [{ name: PHASE_LABELS.procedureMs, value: String(a.procedureMs) }]),
      ...(a.janitorWarnings ?? []).map((value) => ({ name: JANITOR_WARNING_LABEL, value })),
    ];
    return {
      uuid: randomUUID(),
      name: s.name,
      fullName: `${s.feature ?? 'features/x.feature'}.spec.js › ${s.name}`,
      status: a.status,
      statusDetails: a.message ? { message: a.message, trace: a.trace } : {},
      labels,
      parameters: [{ name: 'Project', value: 'desktop' }],
      steps: steps.map((name, i) => ({
        name,
        status: failing < 0 || i < failing ? 'passed' : i === failing ? a.status : 'skipped',
        start,
        stop: start + 1,
      })),
      start,
      stop: start + ms,
    } as AllureResult;
  });
}

/** A runner that writes `plan(cycle)` (cycle counts from 1) into the run's allure-results. */
export function standInRunner(plan: (cycle: number) => ScriptedRun): SuiteRunner & { cycles: () => number } {
  let cycle = 0;
  const runner = async (run: Parameters<SuiteRunner>[0]): Promise<SuiteOutcome> => {
    cycle++;
    const script = plan(cycle);
    const dir = join(run.runDir, 'allure-results');
    await mkdir(dir, { recursive: true });
    await writeFile(join(run.runDir, 'suite.log'), `stand-in runner, cycle ${cycle}\n`);
    let t = Date.now();
    for (const s of script.scenarios)
      for (const r of scriptedResults(s, t)) {
        t = r.stop + 10;
        await writeFile(join(dir, `${r.uuid}-result.json`), JSON.stringify(r));
      }
    const failed = script.scenarios.some((s) => s.attempts.at(-1)?.status !== 'passed');
    const outcome: SuiteOutcome & { suiteErrors?: SuiteError[] } = {
      exitCode: script.exitCode ?? (failed || script.suiteErrors?.length ? 1 : 0),
      timedOut: false,
    };
    if (script.suiteErrors) outcome.suiteErrors = script.suiteErrors;
    return outcome;
  };
  return Object.assign(runner, { cycles: () => cycle });
}
