// One monitor cycle: fresh run folder -> the suite as a child -> one Allure report with history ->
// state per procedure -> alerts on change -> prune old run folders. Also: marking a run that was cut
// (the monitor died mid-run) when the next process starts.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type AlertItem,
  changeItem,
  cyclePayload,
  infrastructureItem,
  type Log,
  suiteErrorItem,
} from './alerts.ts';
import { driftDirOf } from '../support/drift/store.ts';
import { type MonitorConfig, policyOf } from './config.ts';
import { type FrictionAlertItem, frictionStep } from './friction-cycle.ts';
import { observeRun, oneLine, type RunObservation, type SuiteError } from './observe.ts';
import { alertId, enqueue, type FlushResult, flush, pending } from './outbox.ts';
import {
  generateRunReport,
  pruneRuns,
  reportIdsByFullName,
  reportUrlOf,
  runDirOf,
  runIdOf,
} from './report.ts';
import {
  applyObservation,
  applySuiteErrors,
  loadState,
  type MonitorState,
  type RunRecord,
  type RunResult,
  recordRun,
  runResultOf,
  type StateChange,
  saveState,
} from './state.ts';
import { type ShardedOutcome, type ShardLister, shardedRunner } from './shards.ts';
import { isSuiteChild, killGroup, runSuite, type SuiteOutcome, type SuiteRunner } from './suite.ts';
import { loadTarget } from '../support/load-target.ts';

const ms = (v: number) => `${(v / 1000).toFixed(2)} s`;

export const statePathOf = (reportsDir: string) => join(reportsDir, 'state.json');

export interface CycleDeps {
  cfg: MonitorConfig;
  log: Log;
  runner?: SuiteRunner;
  /** Extra `playwright test` arguments (command line). */
  extraArgs?: string[];
  echo?: NodeJS.WritableStream;
  now?: () => Date;
  /** True once the daemon is shutting down: the run in progress is recorded as cut. */
  isStopping?: () => boolean;
  /** First webhook retry delay (tests). */
  webhookMinTimeoutMs?: number;
  /** How an unfinished shard's scenarios are listed (MONITOR_SHARDS > 1); default `playwright test --list`. */
  listShard?: ShardLister;
}

/** Delivery settings of the outbox, from the config. */
export function flushOptionsOf(cfg: MonitorConfig, log: Log, minTimeoutMs?: number) {
  return {
    webhookUrl: cfg.MONITOR_WEBHOOK_URL,
    attempts: cfg.MONITOR_WEBHOOK_ATTEMPTS,
    budgetMs: cfg.MONITOR_WEBHOOK_BUDGET_MS,
    log,
    minTimeoutMs,
  };
}

/** The files the suite could not load, when the runner reports them (monitor/suite.ts's SuiteOutcome). */
function suiteErrorsOf(outcome: SuiteOutcome | { error: Error }): SuiteError[] {
  const errors = (outcome as { suiteErrors?: unknown }).suiteErrors;
  return Array.isArray(errors) ? (errors as SuiteError[]).filter((e) => e && typeof e.file === 'string') : [];
}

/** The first line of suite.log that reads like an error: why nothing ran, in the suite's words. */
async function firstErrorLine(logFile: string): Promise<string | undefined> {
  const text = await readFile(logFile, 'utf8').catch(() => '');
  return oneLine(text.split('\n').find((l) => /\berror\b|Error:|ERR_|cannot|failed/i.test(l)));
}

export interface CycleTimings {
  suiteMs: number;
  reportMs: number;
  stateMs: number;
  alertsMs: number;
  pruneMs: number;
}

export interface CycleResult {
  runId?: string;
  /** 0 nothing failed, 1 a procedure failed in this run, 2 infrastructure error (or a run already in progress). */
  exitCode: 0 | 1 | 2;
  result?: RunResult;
  changes: StateChange[];
  skipped?: string;
  infrastructure?: string;
  observation?: RunObservation;
  timings?: CycleTimings;
  /** The cycle's one message (absent when nothing changed) and how the outbox went. */
  alert?: { items: AlertItem[]; delivery: FlushResult };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A run recorded as in progress by a process that no longer exists was cut (SIGKILL, crash, power):
 * stop what is left of its children, mark its folder and record it as "cut". Returns its id.
 */
export async function recoverCutRun(cfg: MonitorConfig, log: Log): Promise<string | undefined> {
  const file = statePathOf(cfg.REPORTS_DIR);
  const state = await loadState(file);
  const cur = state.current;
  if (!cur || cur.pid === process.pid || alive(cur.pid)) return undefined;
  for (const pid of cur.childPids)
    if (isSuiteChild(pid) && killGroup(pid, 'SIGINT'))
      log(`[monitor] stopped child ${pid} left by the cut run`);
  const finished = new Date();
  const note = `cut: the monitor (pid ${cur.pid}) stopped during this run; marked at restart`;
  const dir = runDirOf(cfg.REPORTS_DIR, cur.id);
  if (existsSync(dir)) await writeFile(join(dir, 'CUT'), `${note}\n`);
  recordRun(
    state,
    {
      id: cur.id,
      startedAt: cur.startedAt,
      finishedAt: finished.toISOString(),
      durationMs: finished.getTime() - Date.parse(cur.startedAt),
      result: 'cut',
      exitCode: -1,
      procedures: {},
      note,
    },
    cfg.ALLURE_HISTORY_LIMIT,
  );
  state.current = undefined;
  await saveState(file, state);
  log(`[monitor] run ${cur.id} was cut (monitor pid ${cur.pid} gone); recorded as cut`);
  return cur.id;
}

/** A pool target's accounts are handed out per worker: two shards would share them (and clean each other's cards). */
async function poolRefusal(cfg: MonitorConfig): Promise<string | undefined> {
  const target = await loadTarget(cfg).catch(() => undefined); // a profile error: each shard names it
  return target?.accounts.source === 'pool'
    ? `MONITOR_SHARDS: target ${target.name} hands out its pre-made accounts per worker, so ${cfg.MONITOR_SHARDS} shards would share them; use MONITOR_SHARDS=1 (WORKERS for parallel scenarios)`
    : undefined;
}

/** The cycle's suite: the runner as given, or (MONITOR_SHARDS > 1) that runner in shards (monitor/shards.ts). */
function runnerOf(deps: CycleDeps): SuiteRunner {
  const { cfg, log } = deps;
  const runner = deps.runner ?? runSuite;
  if (cfg.MONITOR_SHARDS <= 1) return runner;
  return shardedRunner(runner, {
    total: cfg.MONITOR_SHARDS,
    endpoints: cfg.MONITOR_SHARD_ENDPOINTS,
    mockPortBase: cfg.TARGET === 'mock' ? cfg.MOCK_PORT_BASE : undefined,
    bddOutputDir: cfg.BDD_OUTPUT_DIR,
    log,
    list: deps.listShard,
    refuse: () => poolRefusal(cfg),
    isStopping: deps.isStopping,
  });
}

export async function runCycle(deps: CycleDeps): Promise<CycleResult> {
  const { cfg, log } = deps;
  const now = deps.now ?? (() => new Date());
  const file = statePathOf(cfg.REPORTS_DIR);
  await mkdir(cfg.REPORTS_DIR, { recursive: true });
  await recoverCutRun(cfg, log);

  let state = await loadState(file);
  if (state.current) {
    const skipped = `run ${state.current.id} is still in progress (pid ${state.current.pid}); this cycle is skipped`;
    log(`[monitor] ${skipped}`);
    return { exitCode: 2, changes: [], skipped };
  }

  const started = now();
  const runId = runIdOf(started);
  const runDir = runDirOf(cfg.REPORTS_DIR, runId);
  await mkdir(runDir, { recursive: true });
  state.current = { id: runId, startedAt: started.toISOString(), pid: process.pid, childPids: [] };
  await saveState(file, state);
  log(`[monitor] run ${runId} started`);

  // Child pids are saved as they start, so a restart after a crash can stop what is left.
  let saving = Promise.resolve();
  const suiteStart = performance.now();
  const outcome = await runnerOf(deps)({
    runDir,
    retries: cfg.MONITOR_RETRIES,
    grep: cfg.MONITOR_GREP,
    extraArgs: deps.extraArgs ?? [],
    timeoutMs: cfg.MONITOR_RUN_TIMEOUT_MS,
    env: {
      ...process.env,
      REPORTS_DIR: runDir,
      // the screens' last green snapshots outlive the run's folder: one store for every cycle (support/drift)
      DRIFT_DIR: driftDirOf({ REPORTS_DIR: cfg.REPORTS_DIR, DRIFT_DIR: process.env.DRIFT_DIR }),
      BDD_OUTPUT_DIR: cfg.BDD_OUTPUT_DIR,
      FORCE_COLOR: '0',
    },
    echo: deps.echo,
    onChild: (pid) => {
      state.current?.childPids.push(pid);
      saving = saving.then(() => saveState(file, state));
      return saving;
    },
  }).catch((error: Error) => ({ exitCode: 127, timedOut: false, signal: undefined, error }));
  await saving;
  const suiteMs = performance.now() - suiteStart;

  const t0 = performance.now();
  const suiteErrors = suiteErrorsOf(outcome);
  const obs = await observeRun(join(runDir, 'allure-results'), cfg.MONITOR_DEGRADED_MS, suiteErrors);
  const noShardFinished = (outcome as Partial<ShardedOutcome>).infrastructure;
  if (outcome.timedOut) obs.infrastructure = `the run took longer than ${cfg.MONITOR_RUN_TIMEOUT_MS} ms`;
  else if (noShardFinished) obs.infrastructure = noShardFinished;
  else if (obs.scenarios.length === 0 && suiteErrors.length === 0) {
    const why =
      'error' in outcome
        ? outcome.error.message
        : (outcome.setupError ?? (await firstErrorLine(join(runDir, 'suite.log'))));
    obs.infrastructure = `the suite exited with code ${outcome.exitCode} before any scenario ran${why ? `: ${why}` : ''} (see ${join(runDir, 'suite.log')})`;
  }
  const stopping = deps.isStopping?.() ?? false;

  // The report: once per cycle, with history (skipped when nothing ran: an empty report adds nothing).
  let reportCode = 0;
  if (obs.scenarios.length > 0 && !stopping) {
    reportCode = await generateRunReport(cfg.REPORTS_DIR, runId);
    if (reportCode !== 0) log(`[monitor] allure generate failed (exit ${reportCode}) for run ${runId}`);
  }
  const reportMs = performance.now() - t0;

  const t1 = performance.now();
  const ids = reportCode === 0 ? await reportIdsByFullName(cfg.REPORTS_DIR) : new Map<string, string>();
  const reportBase = reportUrlOf(runId);
  state = await loadState(file);
  const finished = now();
  let changes: StateChange[] = [];
  let suiteChange: ReturnType<typeof applySuiteErrors> = { added: [], fixed: [] };
  let frictionItems: FrictionAlertItem[] = [];
  let result: RunResult;
  let infraAlert: string | undefined;
  if (stopping) {
    result = 'cut';
  } else if (obs.infrastructure) {
    result = 'error';
    if (!state.infrastructure) {
      state.infrastructure = { since: finished.toISOString(), reason: obs.infrastructure };
      infraAlert = obs.infrastructure;
    }
  } else {
    if (state.infrastructure)
      log(`[monitor] infrastructure back (failing since ${state.infrastructure.since})`);
    state.infrastructure = undefined;
    changes = applyObservation(state, obs, {
      runId,
      now: finished.toISOString(),
      policy: policyOf(cfg),
      reportPathOf: (fullName) => {
        const id = ids.get(fullName);
        return id ? `${reportBase}#/${id}` : reportBase;
      },
    });
    suiteChange = applySuiteErrors(state, obs.suiteErrors, finished.toISOString());
    // HARDER: a removal way asking more of the buyer than its baseline (monitor/friction.ts).
    // Baselines are per target: the profile's name (a profile that cannot load ran nothing to compare).
    const target = (await loadTarget(cfg).catch(() => undefined))?.name ?? cfg.TARGET_PROFILE ?? cfg.TARGET;
    const friction = await frictionStep(state.friction, join(runDir, 'allure-results'), {
      runId,
      now: finished.toISOString(),
      target,
      reportsDir: cfg.REPORTS_DIR,
      log,
      report: `${cfg.publicUrl}${reportBase}`,
    });
    state.friction = friction.state;
    frictionItems = friction.items;
    result = runResultOf(obs);
  }
  const anyFailed = Object.values(obs.procedures).some((p) => p.outcome === 'failed');
  const exitCode: 0 | 1 | 2 =
    result === 'cut' || obs.infrastructure
      ? 2
      : anyFailed
        ? 1
        : obs.counts.infra > 0 || obs.suiteErrors.length > 0
          ? 2
          : 0;
  const record: RunRecord = {
    id: runId,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    result,
    exitCode,
    procedures:
      result === 'cut' || result === 'error'
        ? {}
        : Object.fromEntries(Object.values(obs.procedures).map((p) => [p.id, p.outcome])),
    note: stopping ? 'cut: the monitor was stopped during this run' : obs.infrastructure,
  };
  recordRun(state, record, cfg.ALLURE_HISTORY_LIMIT);
  state.current = undefined;
  await saveState(file, state);
  await writeFile(
    join(runDir, 'summary.json'),
    `${JSON.stringify({ ...record, counts: obs.counts, scenarios: obs.scenarios }, null, 2)}\n`,
  );
  if (stopping) await writeFile(join(runDir, 'CUT'), `${record.note}\n`);
  const stateMs = performance.now() - t1;

  const t2 = performance.now();
  // One message per cycle, persisted before it is sent; older undelivered ones go first, marked late.
  const logUrl = `${cfg.publicUrl}/runs/${runId}/suite.log`;
  const items: AlertItem[] = [
    ...(infraAlert ? [infrastructureItem(infraAlert, logUrl)] : []),
    ...changes.map((c) => changeItem(c, cfg.publicUrl)),
    ...suiteChange.added.map((e) => suiteErrorItem(e, false, logUrl)),
    ...suiteChange.fixed.map((e) => suiteErrorItem(e, true, logUrl)),
    ...frictionItems,
  ];
  const janitorWarnings = obs.scenarios.flatMap((sc) => sc.janitorWarnings.map((w) => `${w} (${sc.name})`));
  const fresh = new Set<string>();
  const messageId = alertId();
  if (items.length)
    fresh.add(
      await enqueue(
        cfg.REPORTS_DIR,
        cyclePayload(items, {
          id: messageId,
          runId,
          createdAt: finished.toISOString(),
          runReport: `${cfg.publicUrl}${reportBase}`,
          janitorWarnings,
        }),
      ),
    );
  if (items.length)
    log(`[alert] message ${messageId} queued: ${items.map((i) => i.line.split(':')[0]).join(', ')}`);
  // Shutting down: what waits stays in the outbox for the next start (no budget spent on the way out).
  const delivery: FlushResult = stopping
    ? { sent: 0, late: 0, left: (await pending(cfg.REPORTS_DIR)).length }
    : await flush(cfg.REPORTS_DIR, {
        ...flushOptionsOf(cfg, log, deps.webhookMinTimeoutMs),
        fresh,
      });
  const alertsMs = performance.now() - t2;

  const t3 = performance.now();
  const pruned = await pruneRuns(cfg.REPORTS_DIR, cfg.MONITOR_KEEP_RUNS, [runId]);
  if (pruned.length) log(`[monitor] pruned ${pruned.length} old run folder(s)`);
  const pruneMs = performance.now() - t3;

  const c = obs.counts;
  for (const w of janitorWarnings) log(`[monitor] janitor warning (sandbox account, not a failure): ${w}`);
  for (const e of obs.suiteErrors)
    log(`[monitor] ${e.file}${e.line ? `:${e.line}` : ''}: suite error: ${e.message}`);
  log(
    `[monitor] run ${runId} ${result} in ${(record.durationMs / 1000).toFixed(1)} s: ` +
      `${c.passed} passed, ${c.slow} slow, ${c.failed} failed, ${c.flaky} flaky, ${c.infra} infrastructure, ` +
      `${c.skipped} skipped, ${c.janitorWarnings} janitor warning(s), ${obs.suiteErrors.length} suite error(s); ` +
      `${items.length} alert item(s), ${delivery.sent} message(s) sent${delivery.late ? ` (${delivery.late} late)` : ''}, ${delivery.left} waiting; exit ${exitCode} ` +
      `(suite ${ms(suiteMs)}, report ${ms(reportMs)}, state ${ms(stateMs)}, alerts ${ms(alertsMs)}, prune ${ms(pruneMs)})`,
  );
  if (obs.infrastructure && !stopping) log(`[monitor] infrastructure error: ${obs.infrastructure}`);
  return {
    runId,
    exitCode,
    result,
    changes,
    infrastructure: obs.infrastructure,
    observation: obs,
    timings: { suiteMs, reportMs, stateMs, alertsMs, pruneMs },
    alert: { items, delivery },
  };
}

export type { MonitorState };
