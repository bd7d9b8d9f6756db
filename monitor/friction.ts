// HARDER: a removal way that asks more of the buyer than its baseline (more actions, more personal-data
// fields, new serious/critical accessibility violations) is a state of its own, apart from down. Pure
// state folding here; the figures come from the run's friction records (support/friction/results.ts),
// the comparison from support/friction/compare.ts, the baselines the target's own: the committed file's
// entry for it or, for a scenario it does not list, the scenario's first green run on that target.
import {
  baselineFingerprint,
  baselineOf,
  type FrictionBaseline,
  harderThan,
  isRemovalWay,
} from '../support/friction/compare.ts';
import type { FrictionRecord, Impact } from '../support/friction/record.ts';
import { representative } from '../support/friction/results.ts';

/** One cycle of a procedure on the status page's strip and sparkline. */
export interface FrictionPoint {
  runId: string;
  /**
   * normal / harder: measured; failed: no scenario of it passed and none was harder, so nothing was
   * measured. A harder cycle whose scenarios all failed is `harder` with `failed` set.
   */
  status: 'normal' | 'harder' | 'failed';
  /** No scenario of it passed: the figures are those of a walk cut short by its failure. */
  failed?: boolean;
  actions?: number;
  personalData?: number;
  seconds?: number;
  /** Critical + serious accessibility violations (undefined: not scanned). */
  seriousA11y?: number;
}

/** What the representative scenario asked in the last measured cycle. */
export interface FrictionFigures {
  runId: string;
  scenario: string;
  actions: number;
  screens: number;
  personalData: number;
  confirmSteps: number;
  seconds: number;
  a11y?: Record<Impact, number>;
}

export interface FrictionProcedureState {
  state: 'normal' | 'harder';
  since: string;
  /** Per scenario key: what is harder than its baseline now (absent = not harder). */
  harder: Record<string, string[]>;
  /** Per harder scenario key: the baseline it was judged against (baselineFingerprint); another one makes it stale. */
  against?: Record<string, string>;
  /** Per harder scenario key whose walk failed: the step it failed at ('' unknown; its figures count up to there). */
  failedAt?: Record<string, string>;
  last?: FrictionFigures;
  /** The last cycles, newest last. */
  recent: FrictionPoint[];
}

export interface FrictionState {
  /** The target (profile name) these procedures were measured on; another target starts afresh. */
  target?: string;
  procedures: Record<string, FrictionProcedureState>;
}

export interface FrictionChange {
  kind: 'harder' | 'harder-cleared';
  procedure: string;
  /** `scenario: detail` lines (harder) or what it is back to (cleared). */
  details: string[];
  /** The whole change in one line, e.g. `R3 HARDER: actions 3 → 4 (+1; new screen …)`. */
  line: string;
}

export interface FrictionOptions {
  runId: string;
  now: string;
  /** The target measured (its profile name). */
  target: string;
  /** The target's committed baselines (baselines/friction.json), by record key. */
  baselines?: Record<string, FrictionBaseline>;
  /** The target's first-green baselines (REPORTS_DIR/friction-baselines.json), by record key. */
  firstGreen?: Record<string, FrictionBaseline>;
  /** Cycles kept per procedure for the strip and the sparkline. */
  keep: number;
}

export function emptyFrictionState(): FrictionState {
  return { procedures: {} };
}

const figuresOf = (r: FrictionRecord, runId: string): FrictionFigures => ({
  runId,
  scenario: r.scenario,
  actions: r.actions,
  screens: r.screens.length,
  personalData: r.personalDataFields,
  confirmSteps: r.confirmSteps,
  seconds: r.seconds,
  a11y: r.a11y.skipped === 'AXE=off' ? undefined : r.a11y.byImpact,
});

/**
 * Folds one run's friction records into the state (a new object; `prev` is not changed) and answers
 * the changes worth an alert: a removal way turning HARDER (naming what changed) and clearing again.
 * A scenario that failed was counted up to its failure: it raises HARDER when that part already
 * exceeds the baseline (DOWN may come too: the states are apart), never clears it, never becomes a
 * baseline. Linking ways are measured and kept, never alerted.
 *
 * A scenario with no baseline on this target takes this run as its baseline when it passed (answered
 * in `firstGreen`, for the caller to keep): a new target never starts HARDER. A HARDER judged against
 * another baseline than today's (reset, rewritten, or another target) is dropped as stale.
 */
export function applyFriction(
  prev: FrictionState | undefined,
  records: FrictionRecord[],
  opts: FrictionOptions,
): {
  state: FrictionState;
  changes: FrictionChange[];
  firstGreen: Record<string, FrictionBaseline & { runId: string }>;
} {
  const fresh = !prev || (prev.target !== undefined && prev.target !== opts.target);
  const state: FrictionState = fresh ? emptyFrictionState() : structuredClone(prev);
  // A state of version 1 kept first-green baselines for every target in one map: not this target's.
  delete (state as { firstGreen?: unknown }).firstGreen;
  state.target = opts.target;
  const changes: FrictionChange[] = [];
  const firstGreen: Record<string, FrictionBaseline & { runId: string }> = {};
  const procedures = [...new Set(records.map((r) => r.procedure))].sort();
  for (const procedure of procedures) {
    const mine = records.filter((r) => r.procedure === procedure);
    const before = state.procedures[procedure];
    const proc: FrictionProcedureState = before ?? {
      state: 'normal',
      since: opts.now,
      harder: {},
      recent: [],
    };
    for (const r of mine) {
      const now = baselineOf(r);
      const base = opts.baselines?.[r.key] ?? opts.firstGreen?.[r.key] ?? firstGreen[r.key];
      const failedAt = { ...proc.failedAt };
      const against = { ...proc.against };
      const print = base && baselineFingerprint(base);
      if (proc.harder[r.key] && against[r.key] !== print) {
        // Judged against a baseline that is no longer this scenario's: stale.
        delete proc.harder[r.key];
        delete failedAt[r.key];
        delete against[r.key];
      }
      if (!base) {
        if (r.passed !== false) firstGreen[r.key] = { ...now, runId: opts.runId };
      } else {
        const harder = isRemovalWay(procedure) ? harderThan(now, base) : [];
        // A failed walk counts up to its failure: it can show harder (counts only grow), never easier.
        if (harder.length) {
          proc.harder[r.key] = harder.map((c) => c.detail);
          against[r.key] = print!;
          if (r.passed === false) failedAt[r.key] = r.failedStep ?? '';
          else delete failedAt[r.key];
        } else if (r.passed !== false) {
          delete proc.harder[r.key];
          delete failedAt[r.key];
          delete against[r.key];
        }
      }
      proc.failedAt = Object.keys(failedAt).length ? failedAt : undefined;
      proc.against = Object.keys(against).length ? against : undefined;
    }
    const rep = representative(mine, procedure);
    const next = Object.keys(proc.harder).length ? 'harder' : 'normal';
    // No walk passed: a failed one that was harder still shows on the strip as harder (and failed).
    const failedHarder = rep ? undefined : mine.find((r) => proc.failedAt?.[r.key] !== undefined);
    proc.recent.push(
      rep
        ? {
            runId: opts.runId,
            status: next,
            actions: rep.actions,
            personalData: rep.personalDataFields,
            seconds: rep.seconds,
            seriousA11y:
              rep.a11y.skipped === 'AXE=off'
                ? undefined
                : rep.a11y.byImpact.critical + rep.a11y.byImpact.serious,
          }
        : failedHarder
          ? {
              runId: opts.runId,
              status: 'harder',
              failed: true,
              personalData: failedHarder.personalDataFields,
            }
          : { runId: opts.runId, status: 'failed' },
    );
    if (proc.recent.length > opts.keep) proc.recent.splice(0, proc.recent.length - opts.keep);
    if (rep) proc.last = figuresOf(rep, opts.runId);
    if (next !== proc.state) {
      proc.state = next;
      proc.since = opts.now;
      const details = Object.entries(proc.harder).map(([key, d]) => `${scenarioOf(key)}: ${d.join('; ')}`);
      changes.push(
        next === 'harder'
          ? {
              kind: 'harder',
              procedure,
              details,
              line: `${procedure} HARDER: ${harderLine(proc.harder)}${failedWalkNote(proc.failedAt)}`,
            }
          : {
              kind: 'harder-cleared',
              procedure,
              details: [],
              line: `${procedure} NO LONGER HARDER: back within its baseline${proc.last ? ` (${proc.last.actions} actions, ${proc.last.personalData} personal-data fields)` : ''}`,
            },
      );
    }
    state.procedures[procedure] = proc;
  }
  return { state, changes, firstGreen };
}

/**
 * What on-call must know when the harder walk also failed: it was counted up to its failure (the
 * removal may ask even more past it), and where it stopped; the DOWN line follows once K of N agree.
 */
export function failedWalkNote(failedAt: Record<string, string> | undefined): string {
  const walks = Object.values(failedAt ?? {});
  if (!walks.length) return '';
  const steps = [...new Set(walks.filter(Boolean))];
  return steps.length
    ? ` (the scenario also failed, at ${steps.map((s) => `"${s}"`).join(', ')}: counted up to there)`
    : ' (the scenario also failed: counted up to its failure)';
}

/** `R3 | Delete a card … [id]` -> `Delete a card … [id]` */
const scenarioOf = (key: string) => key.slice(key.indexOf(' | ') + 3);

/** What is harder, each change once (a translated pass repeats them), and in how many scenarios. */
export function harderLine(harder: Record<string, string[]>): string {
  const scenarios = Object.keys(harder).length;
  const details = [...new Set(Object.values(harder).flat())].join('; ');
  return scenarios > 1 ? `${details} (in ${scenarios} scenarios)` : details;
}
