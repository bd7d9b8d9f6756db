// The monitor's memory: one state per procedure, the run log (for uptime and metrics) and the run in
// progress, persisted in REPORTS_DIR/state.json (written atomically: temp file + rename).
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Outcome, RunObservation } from './observe.ts';

export type ProcedureState = 'up' | 'degraded' | 'down';
export type RunResult = 'passed' | 'degraded' | 'failed' | 'error' | 'cut';

export interface LastResult {
  runId: string;
  scenario: string;
  outcome: Exclude<Outcome, 'infra'>;
  flaky: boolean;
  durationMs: number;
  category?: string;
  step?: string;
  error?: string;
  /** Path under the monitor's server: the run's report, opened at this scenario when known. */
  reportPath: string;
}

export interface ProcedureRecord {
  state: ProcedureState;
  /** ISO time of the last state change (or of the first observation). */
  since: string;
  consecutiveFailures: number;
  alerting: boolean;
  lastChecked: string;
  last: LastResult;
}

export interface RunRecord {
  id: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  result: RunResult;
  exitCode: number;
  /** Outcome per procedure in this run (absent = not measured). */
  procedures: Record<string, Exclude<Outcome, 'infra'>>;
  note?: string;
}

export interface MonitorState {
  version: 1;
  procedures: Record<string, ProcedureRecord>;
  /** Newest last, at most ALLURE_HISTORY_LIMIT entries. */
  runs: RunRecord[];
  /** Runs ever finished by result (survives restarts; /metrics counters). */
  totals: Record<RunResult, number>;
  /** The run in progress: who runs it, so a restart can tell a cut run from a live one. */
  current?: { id: string; startedAt: string; pid: number; childPids: number[] };
  /** Set while runs end in infrastructure errors (alerted once when it starts). */
  infrastructure?: { since: string; reason: string };
}

export function emptyState(): MonitorState {
  return {
    version: 1,
    procedures: {},
    runs: [],
    totals: { passed: 0, degraded: 0, failed: 0, error: 0, cut: 0 },
  };
}

export async function loadState(file: string): Promise<MonitorState> {
  if (!existsSync(file)) return emptyState();
  const raw = JSON.parse(await readFile(file, 'utf8')) as Partial<MonitorState>;
  const base = emptyState();
  return {
    ...base,
    ...raw,
    totals: { ...base.totals, ...raw.totals },
    procedures: raw.procedures ?? {},
    runs: raw.runs ?? [],
  } as MonitorState;
}

export async function saveState(file: string, state: MonitorState): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(state, null, 2)}\n`);
  await rename(tmp, file);
}

export type ChangeKind = 'down' | 'degraded' | 'recovered';

export interface StateChange {
  kind: ChangeKind;
  procedure: string;
  from: ProcedureState | 'new';
  to: ProcedureState;
  consecutiveFailures: number;
  last: LastResult;
}

export interface ApplyOptions {
  runId: string;
  now: string;
  failuresBeforeAlert: number;
  /** Report path of a scenario (by full name) in this run's report. */
  reportPathOf: (fullName: string) => string;
}

/**
 * Folds one run's observations into the state; returns the changes worth an alert.
 * down only after `failuresBeforeAlert` consecutive failed runs; degraded = passed but slow;
 * recovered = back to up from down or degraded. A first sighting that is up alerts nothing.
 */
export function applyObservation(
  state: MonitorState,
  obs: RunObservation,
  opts: ApplyOptions,
): StateChange[] {
  const changes: StateChange[] = [];
  for (const p of Object.values(obs.procedures)) {
    const d = p.decisive;
    const last: LastResult = {
      runId: opts.runId,
      scenario: d.name,
      outcome: p.outcome,
      flaky: d.flaky,
      durationMs: d.durationMs,
      category: d.category,
      step: d.step,
      error: d.error,
      reportPath: opts.reportPathOf(d.fullName),
    };
    const prev = state.procedures[p.id];
    const failures = p.outcome === 'failed' ? (prev?.consecutiveFailures ?? 0) + 1 : 0;
    let next: ProcedureState;
    if (p.outcome === 'failed') next = failures >= opts.failuresBeforeAlert ? 'down' : (prev?.state ?? 'up');
    else next = p.outcome === 'slow' ? 'degraded' : 'up';

    const from = prev?.state ?? 'new';
    const changed = from !== next;
    state.procedures[p.id] = {
      state: next,
      since: changed ? opts.now : prev!.since,
      consecutiveFailures: failures,
      alerting: p.alerting,
      lastChecked: opts.now,
      last,
    };
    if (!changed || !p.alerting) continue;
    const kind: ChangeKind | undefined =
      next === 'down' ? 'down' : next === 'degraded' ? 'degraded' : from === 'new' ? undefined : 'recovered';
    if (kind) changes.push({ kind, procedure: p.id, from, to: next, consecutiveFailures: failures, last });
  }
  return changes;
}

export function runResultOf(obs: RunObservation): RunResult {
  if (obs.infrastructure) return 'error';
  const outcomes = Object.values(obs.procedures).map((p) => p.outcome);
  if (outcomes.includes('failed')) return 'failed';
  if (outcomes.includes('slow')) return 'degraded';
  return 'passed';
}

/** Share of kept runs in which the procedure passed (slow counts as passed), or undefined if never measured. */
export function uptime(state: MonitorState, procedure: string): number | undefined {
  let measured = 0;
  let good = 0;
  for (const run of state.runs) {
    const o = run.procedures[procedure];
    if (!o) continue;
    measured++;
    if (o !== 'failed') good++;
  }
  return measured ? good / measured : undefined;
}

export function recordRun(state: MonitorState, run: RunRecord, limit: number): void {
  state.runs.push(run);
  if (state.runs.length > limit) state.runs.splice(0, state.runs.length - limit);
  state.totals[run.result] = (state.totals[run.result] ?? 0) + 1;
}
