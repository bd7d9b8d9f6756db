// What one run of the suite says about each procedure, read from its allure-results only (the
// monitor never imports steps or pages). Retries and the failing step are read the way the report
// reads them (scripts/lib/allure-results.ts); who is to blame is decided by evidence (./evidence.ts):
// a failure the target caused counts against the procedure, only the monitor's own trouble does not.
import {
  type AllureResult,
  categoryOf,
  failedStep,
  groupScenarios,
  labelValues,
  readResults,
} from '../scripts/lib/allure-results.ts';
import { SUITE_ERROR_LABEL, type SuiteError } from '../scripts/lib/suite-errors.ts';
import { DRIFT_LABEL } from '../support/drift/diff.ts';
import { JANITOR_WARNING_LABEL, PHASE_LABELS } from '../support/report-labels.ts';
import { type Evidence, evidenceOf } from './evidence.ts';

/** passed; slow = passed but its procedure time over the degraded threshold; failed; infra = not measured. */
export type Outcome = 'passed' | 'slow' | 'failed' | 'infra';

/** A feature file the suite could not load (bddgen error, duplicate title, syntax error...). */
export type { SuiteError };

export const suiteErrorName = (e: SuiteError) => `suite error ${e.file}${e.line ? `:${e.line}` : ''}`;

// Phase times and janitor warnings: the labels the scenario session records (support/report-labels.ts).
export { JANITOR_WARNING_LABEL, PHASE_LABELS };
// The pipeline writes one broken result per feature file it left out, labelled SUITE_ERROR_LABEL
// (value: the file): such a result is a suite error, not a scenario.

/** Suite errors read back from those results ("suite error: <file>:<line> <message>" per line). */
function suiteErrorsOfResult(r: AllureResult): SuiteError[] {
  const file = labelValues(r, SUITE_ERROR_LABEL)[0] ?? r.name;
  const lines = (r.statusDetails?.message ?? '').split('\n').filter((l) => l.trim());
  if (!lines.length) return [{ file, message: 'the suite could not load this file' }];
  return lines.map((l) => {
    const m = /^suite error: (\S+?)(?::(\d+))? (.*)$/.exec(l.trim());
    return m
      ? { file: m[1]!, line: m[2] ? Number(m[2]) : undefined, message: m[3]! }
      : { file, message: l.trim() };
  });
}

export interface ScenarioOutcome {
  name: string;
  fullName: string;
  outcome: Outcome;
  /** Passed only on a retry. */
  flaky: boolean;
  attempts: number;
  /** Wall time of the final attempt (setup, procedure, oracle and janitor together). */
  durationMs: number;
  /** The time DEGRADED is judged on: the `cw.procedureMs` label, else the scenario's duration. */
  procedureMs: number;
  timeSource: 'cw.procedureMs' | 'duration';
  /** The other phases, when the suite recorded them. */
  phases: Partial<Record<'setupMs' | 'oracleMs' | 'janitorMs', number>>;
  category?: string;
  /** The Gherkin step that failed, e.g. "Then the card is removed everywhere". */
  step?: string;
  /** The error's first line, without colour codes, at most 200 characters. */
  error?: string;
  /** Screen, control, HTTP status and cause, read from the error (failed scenarios only). */
  evidence?: Evidence;
  /** What changed on the failed screen since its last green run, one line (`cw.drift`, support/drift). */
  drift?: string;
  /** Failed clean-ups of the sandbox accounts (any attempt): warnings, never a failure. */
  janitorWarnings: string[];
  /** What the scenario is about: its @proc IDs, else its @fact IDs (the report's story). */
  subjects: string[];
  /** Facts it checks on the way that are not its subject: context for its procedures' alerts. */
  context: string[];
}

export interface ProcedureObservation {
  id: string;
  outcome: Exclude<Outcome, 'infra'>;
  /** The scenario that decided the outcome (the failing one, else the slowest). */
  decisive: ScenarioOutcome;
  scenarios: number;
  /** Facts checked along the way by its scenarios. */
  context: string[];
  janitorWarnings: string[];
}

export interface RunObservation {
  scenarios: ScenarioOutcome[];
  /** Only the subjects of scenarios (procedures; a fact only when a scenario is about it alone). */
  procedures: Record<string, ProcedureObservation>;
  /** Set when the run could not measure the target: nothing ran, the browser could not start, or
   *  the target as a whole was unreachable. Changes no state. */
  infrastructure?: string;
  suiteErrors: SuiteError[];
  counts: {
    passed: number;
    slow: number;
    failed: number;
    infra: number;
    flaky: number;
    skipped: number;
    janitorWarnings: number;
  };
}

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

export function oneLine(message: string | undefined, max = 200): string | undefined {
  if (!message) return undefined;
  const line = message
    .replace(ANSI, '')
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  if (!line) return undefined;
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

const RANK: Record<ProcedureObservation['outcome'], number> = { passed: 0, slow: 1, failed: 2 };

function msLabel(result: AllureResult, name: string): number | undefined {
  const raw = labelValues(result, name)[0];
  const value = raw === undefined ? Number.NaN : Number(raw);
  return Number.isInteger(value) && value >= 0 ? value : undefined;
}

const tagIds = (r: AllureResult, kind: 'proc' | 'fact') =>
  labelValues(r, 'tag')
    .filter((t) => t.replace(/^@/, '').startsWith(`${kind}:`))
    .map((t) => t.replace(/^@/, '').slice(kind.length + 1));

function scenarioOf(run: ReturnType<typeof groupScenarios>[number], degradedMs: number): ScenarioOutcome {
  const final = run.final;
  const durationMs = Math.max(0, final.stop - final.start);
  const recorded = msLabel(final, PHASE_LABELS.procedureMs);
  const procedureMs = recorded ?? durationMs;
  const phases: ScenarioOutcome['phases'] = {};
  for (const key of ['setupMs', 'oracleMs', 'janitorMs'] as const) {
    const v = msLabel(final, PHASE_LABELS[key]);
    if (v !== undefined) phases[key] = v;
  }
  const passed = final.status === 'passed';
  const message = final.statusDetails?.message;
  const evidence = passed
    ? undefined
    : evidenceOf(message?.replace(ANSI, ''), final.statusDetails?.trace?.replace(ANSI, ''));
  const outcome: Outcome = passed
    ? procedureMs > degradedMs
      ? 'slow'
      : 'passed'
    : evidence!.cause === 'browser'
      ? 'infra'
      : 'failed';
  const procs = tagIds(final, 'proc');
  const facts = tagIds(final, 'fact');
  const subjects = procs.length ? procs : facts;
  const all = [...new Set([...labelValues(final, 'procedure'), ...procs, ...facts])];
  return {
    name: final.name,
    fullName: final.fullName ?? final.name,
    outcome,
    flaky: run.flaky,
    attempts: run.attempts.length,
    durationMs,
    procedureMs,
    timeSource: recorded === undefined ? 'duration' : 'cw.procedureMs',
    phases,
    category: categoryOf(final),
    step: passed ? undefined : failedStep(final)?.name,
    error: passed ? undefined : oneLine(message),
    evidence,
    drift: passed ? undefined : labelValues(final, DRIFT_LABEL)[0],
    janitorWarnings: [...new Set(run.attempts.flatMap((a) => labelValues(a, JANITOR_WARNING_LABEL)))],
    subjects,
    context: all.filter((id) => !subjects.includes(id)),
  };
}

/**
 * Folds allure-results into outcomes per subject. `suiteErrors` are the files the suite could not
 * load (from the runner); with no scenario at all they are the run's infrastructure error.
 */
export function observeResults(
  results: AllureResult[],
  degradedMs: number,
  suiteErrors: SuiteError[] = [],
): RunObservation {
  const scenarios: ScenarioOutcome[] = [];
  let skipped = 0;
  const known = new Set(suiteErrors.map((e) => `${e.file}:${e.line ?? ''}`));
  const allSuiteErrors = [...suiteErrors];
  for (const r of results.filter((x) => labelValues(x, SUITE_ERROR_LABEL).length))
    for (const e of suiteErrorsOfResult(r))
      if (!known.has(`${e.file}:${e.line ?? ''}`)) {
        known.add(`${e.file}:${e.line ?? ''}`);
        allSuiteErrors.push(e);
      }
  suiteErrors = allSuiteErrors;
  for (const run of groupScenarios(results.filter((x) => !labelValues(x, SUITE_ERROR_LABEL).length))) {
    if (run.final.status === 'skipped' || run.final.status === 'unknown') {
      skipped++;
      continue;
    }
    scenarios.push(scenarioOf(run, degradedMs));
  }

  // Connection refused is the target's trouble unless nothing in the run reached the target at all.
  const reached = scenarios.some(
    (s) => s.outcome !== 'infra' && !(s.outcome === 'failed' && s.evidence?.cause === 'unreachable'),
  );
  let infrastructure: string | undefined;
  const firstError = (cause: string) =>
    scenarios.find((s) => s.evidence?.cause === cause)?.error ?? 'no message';
  if (scenarios.length === 0) {
    infrastructure = suiteErrors.length
      ? `${suiteErrorName(suiteErrors[0]!)}: ${suiteErrors[0]!.message}${suiteErrors.length > 1 ? ` (and ${suiteErrors.length - 1} more)` : ''}`
      : 'the suite produced no results';
  } else if (!reached) {
    const browser = scenarios.some((s) => s.outcome === 'infra');
    infrastructure = browser
      ? `the browser could not start: ${firstError('browser')}`
      : `target unreachable: every origin refused the connection (${firstError('unreachable')})`;
    for (const s of scenarios) s.outcome = 'infra';
  }

  const procedures: Record<string, ProcedureObservation> = {};
  // A procedure with a scenario that was not measured (browser gone, a monitor shard that did not finish)
  // is judged only on a failure measured beside it: its other scenarios passing is no pass.
  const unmeasured = new Set<string>();
  for (const s of scenarios) {
    if (s.outcome === 'infra') {
      for (const id of s.subjects) unmeasured.add(id);
      continue;
    }
    for (const id of s.subjects) {
      const seen = procedures[id];
      if (!seen) {
        procedures[id] = {
          id,
          outcome: s.outcome,
          decisive: s,
          scenarios: 1,
          context: [...s.context],
          janitorWarnings: [...s.janitorWarnings],
        };
        continue;
      }
      seen.scenarios++;
      seen.context = [...new Set([...seen.context, ...s.context])];
      seen.janitorWarnings = [...new Set([...seen.janitorWarnings, ...s.janitorWarnings])];
      const worse =
        RANK[s.outcome] > RANK[seen.outcome] ||
        (RANK[s.outcome] === RANK[seen.outcome] && s.procedureMs > seen.decisive.procedureMs);
      if (worse) {
        seen.outcome = s.outcome;
        seen.decisive = s;
      }
    }
  }
  for (const id of unmeasured)
    if (procedures[id] && procedures[id].outcome !== 'failed') delete procedures[id];
  for (const p of Object.values(procedures)) p.context.sort();

  const count = (o: Outcome) => scenarios.filter((s) => s.outcome === o).length;
  return {
    scenarios,
    procedures,
    infrastructure,
    suiteErrors,
    counts: {
      passed: count('passed'),
      slow: count('slow'),
      failed: count('failed'),
      infra: count('infra'),
      flaky: scenarios.filter((s) => s.flaky).length,
      skipped,
      janitorWarnings: scenarios.reduce((n, s) => n + s.janitorWarnings.length, 0),
    },
  };
}

export async function observeRun(
  resultsDir: string,
  degradedMs: number,
  suiteErrors: SuiteError[] = [],
): Promise<RunObservation> {
  const read = await readResults(resultsDir);
  return observeResults(
    read.map((r) => r.result),
    degradedMs,
    suiteErrors,
  );
}
