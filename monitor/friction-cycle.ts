// The monitor cycle's friction step: the run's friction records (its allure-results) folded into the
// HARDER state (monitor/friction.ts) against the target's own baselines: the committed file's entry for
// the target, else the first green run kept beside the monitor's state (REPORTS_DIR/friction-baselines.json).
import {
  baselinesFor,
  type BaselineFile,
  localBaselineFileOf,
  readBaselineFile,
  withBaselines,
  writeBaselineFile,
} from '../support/friction/compare.ts';
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

/**
 * One cycle's friction: `target` is the profile's name (baselines are per target), `reportsDir` the
 * monitor's REPORTS_DIR where the target's first green runs are kept; `committedFile` defaults to
 * baselines/friction.json.
 */
export async function frictionStep(
  prev: FrictionState | undefined,
  resultsDir: string,
  opts: {
    runId: string;
    now: string;
    target: string;
    reportsDir: string;
    committedFile?: string;
    log: (line: string) => void;
    report?: string;
  },
): Promise<{ state: FrictionState | undefined; items: FrictionAlertItem[] }> {
  const records = (await readFrictionRecords(resultsDir)).map((r) => r.record);
  if (records.length === 0) return { state: prev, items: [] };
  const read = (file: string | undefined, what: string): BaselineFile | undefined => {
    try {
      return readBaselineFile(file);
    } catch (error) {
      opts.log(`[monitor] ${what} friction baselines ignored: ${(error as Error).message}`);
      return undefined;
    }
  };
  const committed = read(opts.committedFile, 'committed');
  const localFile = localBaselineFileOf(opts.reportsDir);
  const local = read(localFile, 'first-green');
  const { state, changes, firstGreen } = applyFriction(prev, records, {
    runId: opts.runId,
    now: opts.now,
    target: opts.target,
    baselines: baselinesFor(committed, opts.target),
    firstGreen: baselinesFor(local, opts.target),
    keep: FRICTION_CYCLES_KEPT,
  });
  const taken = Object.keys(firstGreen);
  if (taken.length) {
    await writeBaselineFile(
      localFile,
      withBaselines(local, opts.target, firstGreen, `first green run ${opts.runId}`),
    );
    opts.log(
      `[monitor] friction baseline of ${opts.target} taken from this green run for ${taken.length} scenario(s) (${localFile})`,
    );
  }
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
