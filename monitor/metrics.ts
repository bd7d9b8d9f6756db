// /metrics in the Prometheus text exposition format (version 0.0.4).
import type { MonitorState, RunResult } from './state.ts';

const STATE_VALUE = { up: 0, degraded: 1, down: 2 } as const;
const RESULTS: RunResult[] = ['passed', 'degraded', 'failed', 'error', 'cut'];

/** Label values escape backslash, double quote and newline. */
const lv = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export function renderMetrics(state: MonitorState, running: boolean): string {
  const out: string[] = [];
  const metric = (name: string, type: string, help: string, samples: [string, number][]) => {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, value] of samples) out.push(`${name}${labels} ${Number.isFinite(value) ? value : 0}`);
  };
  const procs = Object.keys(state.procedures).sort();
  metric(
    'cardwatch_procedure_up',
    'gauge',
    'Procedure works in the last run (1 up or degraded, 0 down).',
    procs.map((id) => [`{procedure="${lv(id)}"}`, state.procedures[id]!.state === 'down' ? 0 : 1]),
  );
  metric(
    'cardwatch_procedure_state',
    'gauge',
    'Procedure state: 0 up, 1 degraded, 2 down.',
    procs.map((id) => [`{procedure="${lv(id)}"}`, STATE_VALUE[state.procedures[id]!.state]]),
  );
  metric(
    'cardwatch_procedure_duration_seconds',
    'gauge',
    'Duration of the deciding scenario of the procedure in the last run.',
    procs.map((id) => [`{procedure="${lv(id)}"}`, state.procedures[id]!.last.durationMs / 1000]),
  );
  metric(
    'cardwatch_procedure_consecutive_failures',
    'gauge',
    'Failed runs in a row.',
    procs.map((id) => [`{procedure="${lv(id)}"}`, state.procedures[id]!.consecutiveFailures]),
  );
  const last = state.runs.at(-1);
  metric('cardwatch_run_duration_seconds', 'gauge', 'Wall time of the last finished run.', [
    ['', last ? last.durationMs / 1000 : 0],
  ]);
  metric('cardwatch_last_run_timestamp_seconds', 'gauge', 'When the last run finished (Unix time).', [
    ['', last ? Date.parse(last.finishedAt) / 1000 : 0],
  ]);
  metric(
    'cardwatch_runs_total',
    'counter',
    'Runs finished, by result (passed, degraded, failed, error, cut).',
    RESULTS.map((r) => [`{result="${r}"}`, state.totals[r] ?? 0]),
  );
  metric('cardwatch_run_in_progress', 'gauge', '1 while a run is in progress.', [['', running ? 1 : 0]]);
  return `${out.join('\n')}\n`;
}
