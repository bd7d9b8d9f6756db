// The monitor cycle's friction step: the run's friction records (its allure-results) and the committed
// baselines folded into the HARDER state (monitor/friction.ts), answering the cycle's alert items.
import { readBaselineFile } from '../support/friction/compare.ts';
import { readFrictionRecords } from '../support/friction/results.ts';
import { applyFriction, type FrictionChange, type FrictionState } from './friction.ts';

/** Cycles of friction kept per procedure (the status page's strip and sparkline). */
export const FRICTION_CYCLES_KEPT = 20;

/** An entry of the cycle's message (monitor/alerts.ts AlertItem with kind harder / harder-cleared). */
export interface FrictionAlertItem {
  kind: FrictionChange['kind'];
  procedure: string;
  state: 'harder' | 'normal';
  line: string;
  report?: string;
}

export async function frictionStep(
  prev: FrictionState | undefined,
  resultsDir: string,
  opts: { runId: string; now: string; log: (line: string) => void; report?: string },
): Promise<{ state: FrictionState | undefined; items: FrictionAlertItem[] }> {
  const records = (await readFrictionRecords(resultsDir)).map((r) => r.record);
  if (records.length === 0) return { state: prev, items: [] };
  let baselines: ReturnType<typeof readBaselineFile>;
  try {
    baselines = readBaselineFile();
  } catch (error) {
    opts.log(`[monitor] friction baselines ignored (first green runs serve): ${(error as Error).message}`);
  }
  const { state, changes } = applyFriction(prev, records, {
    runId: opts.runId,
    now: opts.now,
    baselines,
    keep: FRICTION_CYCLES_KEPT,
  });
  for (const c of changes) opts.log(`[monitor] ${c.line}`);
  return {
    state,
    items: changes.map((c) => ({
      kind: c.kind,
      procedure: c.procedure,
      state: c.kind === 'harder' ? 'harder' : 'normal',
      line: c.line,
      report: opts.report,
    })),
  };
}
