// The status page: the guide's procedures first (state, since when, uptime over the kept runs, the
// last result with its failing step, janitor warnings), then the facts: checked on their own (a
// state like a procedure's) or only along procedures (context: which procedures checked them).
import { PROCEDURES } from '../support/procedures.ts';
import { explain } from './evidence.ts';
import { FRICTION_LEGEND, FRICTION_STYLE, frictionCell } from './friction-view.ts';
import { suiteErrorName } from './observe.ts';
import { type MonitorState, type ProcedureRecord, uptime } from './state.ts';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const pct = (v: number | undefined) => (v === undefined ? '—' : `${(v * 100).toFixed(1)} %`);
const isFact = (id: string) => /^F\d+$/.test(id);

function row(state: MonitorState, id: string, rec: ProcedureRecord | undefined, friction = false): string {
  const title = PROCEDURES[id as keyof typeof PROCEDURES] ?? '';
  // procedures only: the friction column (monitor/friction-view.ts)
  const cell = friction ? frictionCell(state.friction?.procedures[id]) : '';
  if (!rec)
    return `<tr class="none"><th scope="row">${esc(id)}</th><td>${esc(title)}</td><td>not monitored</td><td>—</td><td>—</td><td>—</td>${cell}</tr>`;
  const last = rec.last;
  const detail =
    last.outcome === 'failed'
      ? esc(explain(last.step, last.evidence, last.error))
      : `${((last.procedureMs ?? last.durationMs) / 1000).toFixed(1)} s${last.timeSource === 'cw.procedureMs' ? ' procedure time' : ''}${last.flaky ? ', flaky (passed on a retry)' : ''}`;
  const notes: string[] = [];
  if (rec.consecutiveFailures > 0 && rec.state !== 'down') notes.push(`failed ${rec.consecutiveFailures}×`);
  if (rec.flapping) notes.push(`flapping (${rec.flapping.percent.toFixed(0)} % changes)`);
  if (rec.failingOften) notes.push(`failing often (${rec.failingOften.failed} of ${rec.failingOften.of})`);
  const context = rec.context?.length ? `<br><small>context: ${esc(rec.context.join(', '))}</small>` : '';
  const janitor = rec.janitorWarnings?.length
    ? `<br><small class="warn">janitor warning (sandbox account, not a failure): ${esc(rec.janitorWarnings.join('; '))}</small>`
    : '';
  return (
    `<tr class="${rec.state}"><th scope="row">${esc(id)}</th><td>${esc(title)}</td>` +
    `<td><strong>${rec.state}</strong>${notes.length ? ` (${esc(notes.join(', '))})` : ''}</td>` +
    `<td><time datetime="${rec.since}">${esc(rec.since)}</time></td><td>${pct(uptime(state, id))}</td>` +
    `<td><a href="${esc(last.reportPath)}">${esc(last.scenario)}</a><br><small>${detail}</small>${context}${janitor}</td>${cell}</tr>`
  );
}

function factRow(state: MonitorState, id: string): string {
  const rec = state.procedures[id];
  if (rec) return row(state, id, rec);
  const by = Object.entries(state.procedures).filter(([, r]) => r.context?.includes(id));
  const title = PROCEDURES[id as keyof typeof PROCEDURES] ?? '';
  const checked = by.length
    ? `checked along ${by.map(([p, r]) => `${esc(p)} (${r.state})`).join(', ')}`
    : 'not monitored';
  return `<tr class="fact"><th scope="row">${esc(id)}</th><td>${esc(title)}</td><td colspan="4">${checked}</td></tr>`;
}

export function renderStatusPage(
  state: MonitorState,
  opts: { latestReport?: string; schedule: string; pendingAlerts?: number },
): string {
  const known = Object.keys(PROCEDURES);
  const extra = Object.keys(state.procedures).filter((id) => !known.includes(id));
  const procedures = [...known, ...extra].filter((id) => !isFact(id));
  const facts = [...known, ...extra].filter(isFact);
  const last = state.runs.at(-1);
  const running = state.current ? `<p>Run <code>${esc(state.current.id)}</code> in progress.</p>` : '';
  const infra = state.infrastructure
    ? `<p class="down">The monitor cannot measure since ${esc(state.infrastructure.since)}: ${esc(state.infrastructure.reason)}</p>`
    : '';
  const suite = Object.values(state.suiteErrors ?? {})
    .map((e) => `<li>${esc(suiteErrorName(e))}: ${esc(e.message)} (since ${esc(e.since)})</li>`)
    .join('');
  const outbox = opts.pendingAlerts
    ? `<p class="warn">${opts.pendingAlerts} alert message(s) not delivered yet (kept in the outbox, retried each cycle).</p>`
    : '';
  const head = (what: string, friction = false) =>
    `<thead><tr><th scope="col">ID</th><th scope="col">${what}</th><th scope="col">state</th><th scope="col">since</th><th scope="col">uptime (${state.runs.filter((r) => Object.keys(r.procedures).length).length} runs)</th><th scope="col">last result</th>${friction ? '<th scope="col">friction: last cycles, actions trend</th>' : ''}</tr></thead>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>cardwatch status</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse;width:100%;margin-bottom:2rem}th,td{padding:.4rem .6rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
${FRICTION_STYLE}
tr.up strong{color:#137333}tr.degraded strong{color:#b06000}tr.down strong,p.down{color:#c5221f}tr.none,tr.fact{color:#555}.warn{color:#b06000}
</style></head><body>
<h1>cardwatch status</h1>
<p>Schedule <code>${esc(opts.schedule)}</code>. Last run: ${last ? `<code>${esc(last.id)}</code> ${esc(last.result)}` : 'none yet'}.
${opts.latestReport ? '<a href="/report/">Latest Allure report</a>' : 'No report yet.'} · <a href="/metrics">metrics</a> · <a href="/state.json">state.json</a></p>
${running}${infra}${outbox}${suite ? `<h2>Suite errors</h2><ul class="down">${suite}</ul>` : ''}
<h2>Procedures</h2>
<table>${head('procedure', true)}
<tbody>
${procedures.map((id) => row(state, id, state.procedures[id], true)).join('\n')}
</tbody></table>
${FRICTION_LEGEND}
<h2>Facts</h2>
<p>Facts are context: checked along the procedures above (their failures alert as the procedure's), or on their own.</p>
<table>${head('fact')}
<tbody>
${facts.map((id) => factRow(state, id)).join('\n')}
</tbody></table>
</body></html>
`;
}
