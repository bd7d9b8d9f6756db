// What one run of the suite says about each procedure, read from its allure-results only
// (the monitor never imports steps or pages). Retries, categories and the failing step are read
// the way the report reads them (scripts/lib/allure-results.ts, support/report-categories.mjs).
import {
  type AllureResult,
  categoryOf,
  failedStep,
  groupScenarios,
  labelValues,
  readResults,
} from '../scripts/lib/allure-results.ts';

/** passed; slow = passed but over the degraded threshold; failed; infra = could not be measured. */
export type Outcome = 'passed' | 'slow' | 'failed' | 'infra';

export interface ScenarioOutcome {
  name: string;
  fullName: string;
  outcome: Outcome;
  /** Passed only on a retry. */
  flaky: boolean;
  attempts: number;
  durationMs: number;
  category?: string;
  /** The Gherkin step that failed, e.g. "Then the card is removed everywhere". */
  step?: string;
  /** The error's first line, without colour codes, at most 200 characters. */
  error?: string;
  /** Every ID of the `procedure` label (procedures and facts). */
  procedures: string[];
  /** The IDs the scenario walks through: its @proc tags, else its @fact tags (the report's story). */
  primary: string[];
}

export interface ProcedureObservation {
  id: string;
  outcome: Exclude<Outcome, 'infra'>;
  /** The procedure is the primary subject of at least one scenario: its changes are alerted. */
  alerting: boolean;
  /** The scenario that decided the outcome (the failing one, else the slowest). */
  decisive: ScenarioOutcome;
  scenarios: number;
}

export interface RunObservation {
  scenarios: ScenarioOutcome[];
  procedures: Record<string, ProcedureObservation>;
  /** Set when the run could not measure the target (nothing ran, or every failure was infrastructure). */
  infrastructure?: string;
  counts: { passed: number; slow: number; failed: number; infra: number; flaky: number; skipped: number };
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

export function observeResults(results: AllureResult[], degradedMs: number): RunObservation {
  const scenarios: ScenarioOutcome[] = [];
  let skipped = 0;
  for (const run of groupScenarios(results)) {
    const final = run.final;
    if (final.status === 'skipped' || final.status === 'unknown') {
      skipped++;
      continue;
    }
    const durationMs = Math.max(0, final.stop - final.start);
    const category = categoryOf(final, undefined);
    let outcome: Outcome;
    if (final.status === 'passed') outcome = durationMs > degradedMs ? 'slow' : 'passed';
    else outcome = category === 'infrastructure' ? 'infra' : 'failed';
    const procs = labelValues(final, 'tag')
      .filter((t) => t.startsWith('proc:'))
      .map((t) => t.slice(5));
    const facts = labelValues(final, 'tag')
      .filter((t) => t.startsWith('fact:'))
      .map((t) => t.slice(5));
    scenarios.push({
      name: final.name,
      fullName: final.fullName ?? final.name,
      outcome,
      flaky: run.flaky,
      attempts: run.attempts.length,
      durationMs,
      category,
      step: final.status === 'passed' ? undefined : failedStep(final)?.name,
      error: final.status === 'passed' ? undefined : oneLine(final.statusDetails?.message),
      procedures: [...new Set(labelValues(final, 'procedure'))],
      primary: procs.length ? procs : facts,
    });
  }

  const procedures: Record<string, ProcedureObservation> = {};
  for (const s of scenarios) {
    if (s.outcome === 'infra') continue;
    for (const id of s.procedures) {
      const seen = procedures[id];
      const outcome = s.outcome;
      const alerting = (seen?.alerting ?? false) || s.primary.includes(id);
      if (!seen) {
        procedures[id] = { id, outcome, alerting, decisive: s, scenarios: 1 };
        continue;
      }
      seen.alerting = alerting;
      seen.scenarios++;
      const worse =
        RANK[outcome] > RANK[seen.outcome] ||
        (RANK[outcome] === RANK[seen.outcome] && s.durationMs > seen.decisive.durationMs);
      if (worse) {
        seen.outcome = outcome;
        seen.decisive = s;
      }
    }
  }

  const count = (o: Outcome) => scenarios.filter((s) => s.outcome === o).length;
  const counts = {
    passed: count('passed'),
    slow: count('slow'),
    failed: count('failed'),
    infra: count('infra'),
    flaky: scenarios.filter((s) => s.flaky).length,
    skipped,
  };
  let infrastructure: string | undefined;
  if (scenarios.length === 0) infrastructure = 'the suite produced no results';
  else if (counts.infra === scenarios.length)
    infrastructure = `every scenario failed on infrastructure: ${scenarios[0]!.error ?? 'no message'}`;
  return { scenarios, procedures, infrastructure, counts };
}

export async function observeRun(resultsDir: string, degradedMs: number): Promise<RunObservation> {
  const read = await readResults(resultsDir);
  return observeResults(
    read.map((r) => r.result),
    degradedMs,
  );
}
