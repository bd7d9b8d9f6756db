// /metrics through prom-client: the default process metrics plus the monitor's own, set from the
// state at each scrape (the state file is the source; the daemon keeps no second copy).
import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { frictionMetrics } from './friction-metrics.ts';
import type { MonitorState, RunResult } from './state.ts';

const STATE_VALUE = { up: 0, degraded: 1, down: 2 } as const;
const RESULTS: RunResult[] = ['passed', 'degraded', 'failed', 'error', 'cut'];

export interface Metrics {
  contentType: string;
  /** The exposition for this state; `pendingAlerts` = messages waiting in the outbox. */
  render: (state: MonitorState, running: boolean, pendingAlerts: number) => Promise<string>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const perProcedure = (name: string, help: string) =>
    new Gauge({ name, help, labelNames: ['procedure'], registers: [registry] });
  const up = perProcedure('cardwatch_procedure_up', 'Procedure works (1 up or degraded, 0 down).');
  const state = perProcedure('cardwatch_procedure_state', 'Procedure state: 0 up, 1 degraded, 2 down.');
  const duration = perProcedure(
    'cardwatch_procedure_duration_seconds',
    "The procedure's own time in its deciding scenario of the last run (cw.procedureMs, else the scenario).",
  );
  const failures = perProcedure('cardwatch_procedure_consecutive_failures', 'Failed runs in a row.');
  const flapping = perProcedure('cardwatch_procedure_flapping', '1 while the procedure flaps.');
  const often = perProcedure(
    'cardwatch_procedure_failing_often',
    '1 while the soft failure rate is over the alert threshold.',
  );
  const janitor = perProcedure(
    'cardwatch_procedure_janitor_warnings',
    'Failed sandbox clean-ups in the last run.',
  );
  const runDuration = new Gauge({
    name: 'cardwatch_run_duration_seconds',
    help: 'Wall time of the last finished run.',
    registers: [registry],
  });
  const lastRun = new Gauge({
    name: 'cardwatch_last_run_timestamp_seconds',
    help: 'When the last run finished (Unix time).',
    registers: [registry],
  });
  const runs = new Counter({
    name: 'cardwatch_runs_total',
    help: 'Runs finished, by result (passed, degraded, failed, error, cut); persisted across restarts.',
    labelNames: ['result'],
    registers: [registry],
  });
  const inProgress = new Gauge({
    name: 'cardwatch_run_in_progress',
    help: '1 while a run is in progress.',
    registers: [registry],
  });
  const pending = new Gauge({
    name: 'cardwatch_alerts_pending',
    help: 'Alert messages waiting in the outbox.',
    registers: [registry],
  });

  const setFriction = frictionMetrics(registry);

  return {
    contentType: registry.contentType,
    async render(s, running, pendingAlerts) {
      for (const g of [up, state, duration, failures, flapping, often, janitor]) g.reset();
      for (const [id, rec] of Object.entries(s.procedures).sort(([a], [b]) => a.localeCompare(b))) {
        const l = { procedure: id };
        up.set(l, rec.state === 'down' ? 0 : 1);
        state.set(l, STATE_VALUE[rec.state]);
        duration.set(l, (rec.last.procedureMs ?? rec.last.durationMs) / 1000);
        failures.set(l, rec.consecutiveFailures);
        flapping.set(l, rec.flapping ? 1 : 0);
        often.set(l, rec.failingOften ? 1 : 0);
        janitor.set(l, rec.janitorWarnings?.length ?? 0);
      }
      const last = s.runs.at(-1);
      runDuration.set(last ? last.durationMs / 1000 : 0);
      lastRun.set(last ? Date.parse(last.finishedAt) / 1000 : 0);
      runs.reset();
      for (const r of RESULTS) runs.inc({ result: r }, s.totals[r] ?? 0);
      inProgress.set(running ? 1 : 0);
      pending.set(pendingAlerts);
      setFriction(s.friction);
      return registry.metrics();
    },
  };
}
