// The verdict on one fault, from the scenarios that ran with it on. Pure: tests feed it synthetic results.
import {
  type AllureResult,
  categoryOf,
  failedStep,
  labelValues,
  type ScenarioRun,
} from '../scripts/lib/allure-results.ts';
import { categoryRules } from '../support/report-categories.mjs';
import { selects as tagsSelect } from '../support/select.ts';
import type { FaultExpectation } from './expectations.ts';

/** A scenario of the suite as `playwright test --list` sees it. */
export interface Scenario {
  key: string;
  title: string;
  /** With the leading "@". */
  tags: string[];
  /** `file:line` for `playwright test <location>`. */
  location: string;
}

export interface Verdict {
  fault: string;
  ok: boolean;
  /** caught | degraded | flaky | not implemented | no scenario | missed | ... */
  verdict: string;
  /** "R3 › Then the card is removed everywhere" for each scenario that noticed it. */
  caughtBy: string[];
  /** The categories the noticing scenarios landed in. */
  categories: string[];
  problems: string[];
}

/** The one selection function (support/select.ts); an empty expression selects nothing here. */
export function selects(expression: string, scenario: Scenario): boolean {
  return expression.trim() !== '' && tagsSelect(expression, scenario.tags);
}

export function scenariosFor(expectation: FaultExpectation, all: Scenario[]) {
  const caught = all.filter((s) => selects(expectation.caughtBy, s));
  const unaffected = all.filter((s) => !caught.includes(s) && selects(expectation.unaffected, s));
  return { caught, unaffected };
}

const procedureOf = (r: AllureResult) => {
  const procs = labelValues(r, 'procedure');
  return procs.length ? procs.join('+') : undefined;
};

/** How the report will name a failure: the procedure and the failed step, or what is missing. */
function describeFailure(r: AllureResult): { text: string; problems: string[] } {
  const problems: string[] = [];
  const proc = procedureOf(r);
  const step = failedStep(r);
  if (!proc) problems.push(`"${r.name}" has no procedure label`);
  if (!step) problems.push(`"${r.name}" failed outside any Given/When/Then step`);
  if (!r.statusDetails?.message?.trim()) problems.push(`"${r.name}" failed without a message`);
  return { text: `${proc ?? '?'} › ${step?.name ?? r.name}`, problems };
}

export function judge(
  expectation: FaultExpectation,
  scenarios: Scenario[],
  runs: ScenarioRun[],
  options: { implemented: boolean; degradedMs: number },
): Verdict {
  const base = { fault: expectation.fault, caughtBy: [] as string[], categories: [] as string[] };
  if (!options.implemented)
    return {
      ...base,
      ok: false,
      verdict: 'not implemented',
      problems: ['the mock does not implement it yet'],
    };
  const { caught, unaffected } = scenariosFor(expectation, scenarios);
  if (!caught.length)
    return {
      ...base,
      ok: false,
      verdict: 'no scenario',
      problems: [`no scenario matches ${expectation.caughtBy}`],
    };

  const rules = categoryRules(options.degradedMs);
  const runOf = new Map(runs.map((r) => [r.key, r]));
  const problems: string[] = [];
  const caughtBy: string[] = [];
  const categories = new Set<string>();
  let missed = 0;

  for (const s of caught) {
    const run = runOf.get(s.key);
    if (!run) {
      problems.push(`"${s.title}" did not run`);
      missed++;
      continue;
    }
    const { final } = run;
    const duration = final.stop - final.start;
    let noticed: AllureResult | undefined;
    if (expectation.outcome === 'fails') {
      if (final.status === 'failed' || final.status === 'broken') noticed = final;
      else problems.push(`"${s.title}" ${final.status} with the fault on`);
    } else if (expectation.outcome === 'passes') {
      const category = categoryOf(final, rules);
      if (final.status !== 'passed' || run.flaky || category) {
        missed++;
        problems.push(
          `"${s.title}" ${final.status}${category ? ` (${category})` : ''}: the flow must stay intact`,
        );
      } else caughtBy.push(`${procedureOf(final) ?? '?'} › passed, flow intact`);
      continue;
    } else if (expectation.outcome === 'degraded') {
      if (final.status !== 'passed') problems.push(`"${s.title}" ${final.status}: slow must not fail`);
      else if (duration <= options.degradedMs)
        problems.push(`"${s.title}" took ${duration} ms, not over ${options.degradedMs} ms`);
      else noticed = final;
    } else {
      if (final.status !== 'passed') problems.push(`"${s.title}" ${final.status}: it must pass on the retry`);
      else if (!run.flaky) problems.push(`"${s.title}" passed at once: nothing was transient`);
      else if (!final.statusDetails?.flaky)
        problems.push(`"${s.title}" passed on a retry but is not marked flaky`);
      else noticed = final;
    }
    if (!noticed) {
      missed++;
      continue;
    }
    const category = categoryOf(noticed, rules);
    categories.add(category ?? 'none');
    if (category !== expectation.category)
      problems.push(`"${s.title}" landed in ${category ?? 'no category'}, expected ${expectation.category}`);
    if (expectation.outcome === 'fails') {
      const failure = describeFailure(noticed);
      caughtBy.push(failure.text);
      problems.push(...failure.problems);
    } else {
      const failedAttempt = run.attempts.find((a) => a.status !== 'passed');
      caughtBy.push(
        expectation.outcome === 'degraded'
          ? `${procedureOf(noticed) ?? '?'} › ${(duration / 1000).toFixed(1)} s`
          : `${procedureOf(noticed) ?? '?'} › retry after ${failedAttempt ? describeFailure(failedAttempt).text : '?'}`,
      );
    }
  }

  let collateral = 0;
  for (const s of unaffected) {
    const run = runOf.get(s.key);
    if (!run) {
      problems.push(`unaffected "${s.title}" did not run`);
      collateral++;
      continue;
    }
    const category = categoryOf(run.final, rules);
    if (run.final.status !== 'passed' || category) {
      problems.push(`unaffected "${s.title}" ${run.final.status}${category ? ` (${category})` : ''}`);
      collateral++;
    }
  }

  const verdict = missed
    ? 'missed'
    : collateral
      ? 'collateral'
      : problems.length
        ? 'wrong report'
        : expectation.outcome === 'fails'
          ? 'caught'
          : expectation.outcome === 'passes'
            ? 'flow intact'
            : expectation.outcome;
  return {
    ...base,
    ok: problems.length === 0,
    verdict,
    caughtBy: [...new Set(caughtBy)],
    categories: [...categories],
    problems,
  };
}
