// The status page: every procedure of the guide, its state, since when, uptime over the kept runs,
// and a link to its last result in that run's report.
import { PROCEDURES } from '../support/procedures.ts';
import { type MonitorState, uptime } from './state.ts';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const pct = (v: number | undefined) => (v === undefined ? '—' : `${(v * 100).toFixed(1)} %`);

export function renderStatusPage(
  state: MonitorState,
  opts: { latestReport?: string; schedule: string },
): string {
  const known = Object.keys(PROCEDURES);
  const ids = [...known, ...Object.keys(state.procedures).filter((id) => !known.includes(id))];
  const rows = ids.map((id) => {
    const title = PROCEDURES[id as keyof typeof PROCEDURES] ?? '';
    const rec = state.procedures[id];
    if (!rec)
      return `<tr class="none"><th scope="row">${esc(id)}</th><td>${esc(title)}</td><td>not monitored</td><td>—</td><td>—</td><td>—</td></tr>`;
    const last = rec.last;
    const detail =
      last.outcome === 'failed'
        ? `${esc(last.step ?? '')}${last.error ? `: ${esc(last.error)}` : ''}`
        : `${(last.durationMs / 1000).toFixed(1)} s${last.flaky ? ', flaky (passed on a retry)' : ''}`;
    const failing =
      rec.consecutiveFailures > 0 && rec.state !== 'down' ? ` (failed ${rec.consecutiveFailures}×)` : '';
    return (
      `<tr class="${rec.state}"><th scope="row">${esc(id)}</th><td>${esc(title)}</td>` +
      `<td><strong>${rec.state}</strong>${failing}</td><td><time datetime="${rec.since}">${esc(rec.since)}</time></td>` +
      `<td>${pct(uptime(state, id))}</td>` +
      `<td><a href="${esc(last.reportPath)}">${esc(last.scenario)}</a><br><small>${detail}</small></td></tr>`
    );
  });
  const last = state.runs.at(-1);
  const running = state.current ? `<p>Run <code>${esc(state.current.id)}</code> in progress.</p>` : '';
  const infra = state.infrastructure
    ? `<p class="down">Infrastructure error since ${esc(state.infrastructure.since)}: ${esc(state.infrastructure.reason)}</p>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>cardwatch status</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse;width:100%}th,td{padding:.4rem .6rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
tr.up strong{color:#137333}tr.degraded strong{color:#b06000}tr.down strong,p.down{color:#c5221f}tr.none{color:#888}
</style></head><body>
<h1>cardwatch status</h1>
<p>Schedule <code>${esc(opts.schedule)}</code>. Last run: ${last ? `<code>${esc(last.id)}</code> ${esc(last.result)}` : 'none yet'}.
${opts.latestReport ? '<a href="/report/">Latest Allure report</a>' : 'No report yet.'} · <a href="/metrics">metrics</a> · <a href="/state.json">state.json</a></p>
${running}${infra}
<table><thead><tr><th scope="col">ID</th><th scope="col">procedure</th><th scope="col">state</th><th scope="col">since</th><th scope="col">uptime (${state.runs.filter((r) => Object.keys(r.procedures).length).length} runs)</th><th scope="col">last result</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
</body></html>
`;
}
