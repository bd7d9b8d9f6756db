// What drift diagnosis costs (support/drift): the `cw.driftMs` label each scenario carries (aria snapshots
// taken at each new screen and after each passed step, the store written on a pass, the diff on a
// failure) summed against the scenarios' own time. Reads any run's results; runs nothing itself:
//   npx tsx scripts/drift-cost.ts reports/allure-results [more allure-results folders...]
import { pathToFileURL } from 'node:url';
import { DRIFT_MS_LABEL } from '../support/drift/diff.ts';
import { PHASE_LABELS } from '../support/report-labels.ts';
import { groupScenarios, labelValues, readResults } from './lib/allure-results.ts';
import { runMain, UsageError } from './lib/main.ts';

export interface DriftCost {
  /** Scenarios whose final attempt carries the label. */
  scenarios: number;
  /** Sum of their drift time, of their durations, and of their steps' time (cw.procedureMs), ms. */
  driftMs: number;
  durationMs: number;
  procedureMs: number;
  /** Drift time per scenario, ms: median and largest. */
  medianMs: number;
  maxMs: number;
  /** driftMs as a percentage of durationMs, and of procedureMs (the snapshots run inside the steps). */
  percentOfDuration: number;
  percentOfProcedure: number;
}

const number = (values: string[]) => (values.length ? Number(values[0]) : Number.NaN);

export async function driftCost(resultsDirs: string[]): Promise<DriftCost> {
  const results = (await Promise.all(resultsDirs.map((d) => readResults(d)))).flat().map((r) => r.result);
  const measured = groupScenarios(results)
    .map((run) => run.final)
    .map((r) => ({
      drift: number(labelValues(r, DRIFT_MS_LABEL)),
      procedure: number(labelValues(r, PHASE_LABELS.procedureMs)),
      duration: Math.max(0, r.stop - r.start),
    }))
    .filter((r) => Number.isFinite(r.drift));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const drifts = measured.map((r) => r.drift).sort((a, b) => a - b);
  const driftMs = sum(drifts);
  const durationMs = sum(measured.map((r) => r.duration));
  const procedureMs = sum(measured.map((r) => (Number.isFinite(r.procedure) ? r.procedure : 0)));
  const pct = (part: number, whole: number) => (whole > 0 ? Number(((part / whole) * 100).toFixed(1)) : 0);
  return {
    scenarios: measured.length,
    driftMs,
    durationMs,
    procedureMs,
    medianMs: drifts.length ? drifts[Math.floor(drifts.length / 2)]! : 0,
    maxMs: drifts.at(-1) ?? 0,
    percentOfDuration: pct(driftMs, durationMs),
    percentOfProcedure: pct(driftMs, procedureMs),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  runMain(async () => {
    const dirs = process.argv.slice(2);
    if (!dirs.length) throw new UsageError('usage: npx tsx scripts/drift-cost.ts <allure-results folder>...');
    const c = await driftCost(dirs);
    if (!c.scenarios) {
      console.log(
        `[drift-cost] no scenario carries ${DRIFT_MS_LABEL} (DRIFT=off, or a run from before the label)`,
      );
      return 1;
    }
    console.log(
      `[drift-cost] ${c.scenarios} scenarios: drift ${(c.driftMs / 1000).toFixed(2)} s of ${(c.durationMs / 1000).toFixed(1)} s ` +
        `scenario time (${c.percentOfDuration} %), ${c.percentOfProcedure} % of the steps' time (cw.procedureMs); ` +
        `per scenario median ${c.medianMs} ms, max ${c.maxMs} ms`,
    );
    return 0;
  });
