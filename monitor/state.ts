// The monitor's memory: one state per procedure, the run log (for uptime and metrics) and the run in
// progress, persisted in REPORTS_DIR/state.json (written atomically: temp file + rename).
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Evidence } from './evidence.ts';
import type { FrictionState } from './friction.ts';
import {
  flapPercent,
  type Mark,
  markOutage,
  marksKept,
  type Policy,
  type ProcedureState,
  quorumState,
  softFailureRate,
} from './hysteresis.ts';
import type { Outcome, RunObservation, ScenarioOutcome, SuiteError } from './observe.ts';

export type { ProcedureState };
export type RunResult = 'passed' | 'degraded' | 'failed' | 'error' | 'cut';

export interface LastResult {
  runId: string;
  scenario: string;
  outcome: Exclude<Outcome, 'infra'>;
  flaky: boolean;
  /** The scenario's wall time, and the time DEGRADED was judged on (see timeSource). */
  durationMs: number;
  procedureMs: number;
  timeSource: ScenarioOutcome['timeSource'];
  phases: ScenarioOutcome['phases'];
  category?: string;
  step?: string;
  error?: string;
  evidence?: Evidence;
  /** What changed on the failed screen since its last green run (ScenarioOutcome.drift). */
  drift?: string;
  /** Path under the monitor's server: the run's report, opened at this scenario when known. */
  reportPath: string;
}

export interface ProcedureRecord {
  state: ProcedureState;
  /** ISO time of the last state change (or of the first observation). */
  since: string;
  /** Marks of the last measured cycles, newest last (monitor/hysteresis.ts). */
  recent: Mark[];
  consecutiveFailures: number;
  /** Set while flapping (state changes are not alerted then). */
  flapping?: { since: string; percent: number };
  /** Set while the soft failure rate is at or above MONITOR_RATE_ALERT_PERCENT. */
  failingOften?: { since: string; failed: number; of: number; alerted: boolean };
  lastChecked: string;
  last: LastResult;
  /** Facts its scenarios checked on the way (context, not states of their own). */
  context: string[];
  /** Failed clean-ups of the sandbox accounts in the last run: warnings, not failures. */
  janitorWarnings: string[];
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
  /** Removal friction per procedure and the HARDER state (monitor/friction.ts). */
  friction?: FrictionState;
  /** Set while runs end in infrastructure errors (alerted once when it starts). */
  infrastructure?: { since: string; reason: string };
  /** Feature files the suite could not load in the last run, by "suite error <file>:<line>". */
  suiteErrors?: Record<string, SuiteError & { since: string }>;
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
  // Before issue #13 facts checked along a procedure had records of their own ("alerting": false).
  for (const [id, rec] of Object.entries(raw.procedures ?? {})) {
    const old = rec as ProcedureRecord & { alerting?: boolean };
    if (old.alerting === false) delete raw.procedures![id];
    else {
      old.recent ??= [];
      old.context ??= [];
      old.janitorWarnings ??= [];
      delete old.alerting;
    }
  }
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

export type ChangeKind =
  | 'down'
  | 'degraded'
  | 'recovered'
  | 'flapping'
  | 'settled'
  | 'failing-often'
  | 'failing-often-cleared';

export interface StateChange {
  kind: ChangeKind;
  procedure: string;
  from: ProcedureState | 'new';
  to: ProcedureState;
  consecutiveFailures: number;
  last: LastResult;
  context: string[];
  janitorWarnings: string[];
  /** Weighted percent of state changes over the flap window (flapping, settled). */
  flapPercent?: number;
  /** Soft failures over the rate window. */
  failureRate: { failed: number; of: number };
}

export interface ApplyOptions {
  runId: string;
  now: string;
  policy: Policy;
  /** Report path of a scenario (by full name) in this run's report. */
  reportPathOf: (fullName: string) => string;
}

/**
 * Folds one run's observations into the state; returns the changes worth an alert.
 * A state changes when K of the last N measured cycles show the new one (monitor/hysteresis.ts);
 * while a procedure flaps its changes are not alerted, only the start and the end of the flapping;
 * "failing often" starts, on a passing cycle, at MONITOR_RATE_ALERT_PERCENT soft failures (failures
 * outside an outage alerted as down) and clears below half of it.
 * A first sighting starts "up" and alerts nothing.
 */
export function applyObservation(
  state: MonitorState,
  obs: RunObservation,
  opts: ApplyOptions,
): StateChange[] {
  const { policy } = opts;
  const changes: StateChange[] = [];
  for (const p of Object.values(obs.procedures)) {
    const d = p.decisive;
    const last: LastResult = {
      runId: opts.runId,
      scenario: d.name,
      outcome: p.outcome,
      flaky: d.flaky,
      durationMs: d.durationMs,
      procedureMs: d.procedureMs,
      timeSource: d.timeSource,
      phases: d.phases,
      category: d.category,
      step: d.step,
      error: d.error,
      evidence: d.evidence,
      drift: d.drift,
      reportPath: opts.reportPathOf(d.fullName),
    };
    const prev = state.procedures[p.id];
    const from: ProcedureState | 'new' = prev?.state ?? 'new';
    const current: ProcedureState = prev?.state ?? 'up';
    const failed = p.outcome === 'failed';
    const mark: Mark = failed ? (current === 'down' ? 'D' : 'F') : p.outcome === 'slow' ? 'S' : 'P';
    let recent = [...(prev?.recent ?? []), mark].slice(-marksKept(policy));
    const next = quorumState(recent, current, policy);
    if (next === 'down' && current !== 'down') recent = markOutage(recent, policy);

    const percent = flapPercent(recent, policy.flapWindow);
    let flapping = prev?.flapping;
    const flapStarted = !flapping && percent >= policy.flapHighPercent;
    const flapEnded = !!flapping && percent < policy.flapLowPercent;
    if (flapStarted) flapping = { since: opts.now, percent };
    else if (flapEnded) flapping = undefined;
    else if (flapping) flapping = { ...flapping, percent };

    const rate = softFailureRate(recent, policy.rateWindow);
    let failingOften = prev?.failingOften;
    // Judged on a passing cycle only: while it keeps failing, K of N decides (down or not).
    const rateStarted = !failingOften && !failed && rate.percent >= policy.rateAlertPercent;
    const rateCleared = !!failingOften && rate.percent < policy.rateAlertPercent / 2;
    // Not paged on top of a DOWN or a FLAPPING (whose line gives the rate); then not cleared either.
    const rateAlerted = rateStarted && next !== 'down' && !flapping;
    if (rateStarted)
      failingOften = { since: opts.now, failed: rate.failed, of: policy.rateWindow, alerted: rateAlerted };
    else if (rateCleared) failingOften = undefined;
    else if (failingOften) failingOften = { ...failingOften, failed: rate.failed };

    const changed = next !== current;
    state.procedures[p.id] = {
      state: next,
      since: changed || !prev ? opts.now : prev.since,
      recent,
      consecutiveFailures: failed ? (prev?.consecutiveFailures ?? 0) + 1 : 0,
      flapping,
      failingOften,
      lastChecked: opts.now,
      last,
      context: p.context,
      janitorWarnings: p.janitorWarnings,
    };

    const base = {
      procedure: p.id,
      from,
      to: next,
      consecutiveFailures: state.procedures[p.id]!.consecutiveFailures,
      last,
      context: p.context,
      janitorWarnings: p.janitorWarnings,
    };
    if (flapStarted)
      changes.push({
        ...base,
        kind: 'flapping',
        flapPercent: percent,
        failureRate: { failed: rate.failed, of: policy.rateWindow },
      });
    else if (flapEnded)
      changes.push({
        ...base,
        kind: 'settled',
        flapPercent: percent,
        failureRate: { failed: rate.failed, of: policy.rateWindow },
      });
    else if (changed && !flapping)
      changes.push({
        ...base,
        kind: next === 'down' ? 'down' : next === 'degraded' ? 'degraded' : 'recovered',
        failureRate: { failed: rate.failed, of: policy.rateWindow },
      });
    const failureRate = { failed: rate.failed, of: policy.rateWindow };
    if (rateAlerted) changes.push({ ...base, kind: 'failing-often', failureRate });
    if (rateCleared && prev?.failingOften?.alerted)
      changes.push({ ...base, kind: 'failing-often-cleared', failureRate });
  }
  return changes;
}

/**
 * Suite errors of this run against the last: returns the new ones and the fixed ones, and keeps the
 * current set in the state. Only when the suite ran: a run that could not load at all is infrastructure.
 */
export function applySuiteErrors(
  state: MonitorState,
  errors: SuiteError[],
  now: string,
): { added: SuiteError[]; fixed: SuiteError[] } {
  const before = state.suiteErrors ?? {};
  const after: NonNullable<MonitorState['suiteErrors']> = {};
  const added: SuiteError[] = [];
  for (const e of errors) {
    const key = `${e.file}:${e.line ?? ''}:${e.message}`;
    after[key] = { ...e, since: before[key]?.since ?? now };
    if (!before[key]) added.push(e);
  }
  const fixed = Object.entries(before)
    .filter(([key]) => !after[key])
    .map(([, e]) => ({ file: e.file, line: e.line, message: e.message }));
  state.suiteErrors = Object.keys(after).length ? after : undefined;
  return { added, fixed };
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
