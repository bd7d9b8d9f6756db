// The status page's friction column: per procedure a strip of its last cycles as coloured cells and a
// sparkline of the actions it asked, with the last figures in words. Plain HTML + inline SVG, no script.
import { type FrictionPoint, type FrictionProcedureState, failedWalkNote, harderLine } from './friction.ts';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Colours of the strip's cells; each cell also says its status in its title (not colour alone). */
export const FRICTION_STYLE = `
.friction .strip{display:inline-flex;gap:2px;vertical-align:middle}
.friction .strip i,.friction-legend i{display:inline-block;width:10px;height:16px;border-radius:1px;vertical-align:middle}
.friction .normal{background:#1e8e3e}.friction .harder{background:#8430ce}.friction .failed{background:#c5221f}
.friction .harder.failed{background:#8430ce;box-shadow:inset 0 -6px 0 #c5221f}
.friction-legend{font-size:12px;color:#444}.friction-legend i{margin:0 .2rem 0 .8rem}
.friction svg{vertical-align:middle;margin-left:.4rem}.friction svg polyline{fill:none;stroke:#5f6368;stroke-width:1.5}
.friction svg circle{fill:#8430ce}.friction .harder-now{color:#8430ce;font-weight:600}
`;

const pointTitle = (p: FrictionPoint) =>
  p.status === 'failed'
    ? `${p.runId}: failed, not measured`
    : p.failed
      ? `${p.runId}: harder, and the scenario failed (${p.personalData} personal-data field${p.personalData === 1 ? '' : 's'} up to the failure)`
      : `${p.runId}: ${p.status}, ${p.actions} actions, ${p.personalData} personal-data fields, ${p.seconds?.toFixed(1)} s` +
        (p.seriousA11y === undefined ? '' : `, ${p.seriousA11y} serious/critical a11y`);

/** A cell's status in words (its class and the strip's spoken label). */
const pointStatus = (p: FrictionPoint) => (p.failed ? `${p.status} failed` : p.status);

/** An inline SVG line of the actions per measured cycle (harder cycles dotted), 80 × 18 px. */
export function sparkline(points: FrictionPoint[], width = 80, height = 18): string {
  const measured = points.filter((p) => p.actions !== undefined);
  if (measured.length === 0) return '';
  const values = measured.map((p) => p.actions!);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const x = (i: number) =>
    measured.length === 1 ? width / 2 : (i * (width - 4)) / (measured.length - 1) + 2;
  const y = (v: number) => (max === min ? height / 2 : height - 2 - ((v - min) * (height - 4)) / (max - min));
  const line = measured.map((p, i) => `${x(i).toFixed(1)},${y(p.actions!).toFixed(1)}`).join(' ');
  const dots = measured
    .map((p, i) =>
      p.status === 'harder' ? `<circle cx="${x(i).toFixed(1)}" cy="${y(p.actions!).toFixed(1)}" r="2"/>` : '',
    )
    .join('');
  const label = `actions per cycle: ${values.join(', ')} (min ${min}, max ${max})`;
  return `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(label)}"><title>${esc(label)}</title><polyline points="${line}"/>${dots}</svg>`;
}

/** What the strip's colours mean, once under the table (the cells also say it in their titles). */
export const FRICTION_LEGEND = `<p class="friction friction-legend">Friction strip, oldest cycle left, newest right:<i class="normal"></i>as easy as its baseline<i class="harder"></i>HARDER<i class="harder failed"></i>HARDER, and the scenario failed (counted up to the failure)<i class="failed"></i>failed, not measured. The line: actions per measured cycle (a dot: a harder cycle).</p>`;

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The friction cell of one procedure's row ("—" when it has no friction record yet). */
export function frictionCell(proc: FrictionProcedureState | undefined): string {
  if (!proc) return '<td class="friction">—</td>';
  const strip = proc.recent
    .map((p) => `<i class="${pointStatus(p)}" title="${esc(pointTitle(p))}"></i>`)
    .join('');
  const last = proc.last;
  const words = last
    ? `${count(last.actions, 'action')} · ${count(last.screens, 'screen')} · ${count(last.personalData, 'personal-data field')} · ${count(last.confirmSteps, 'confirm')} · ${last.seconds.toFixed(1)} s` +
      (last.a11y ? ` · a11y ${last.a11y.critical + last.a11y.serious} serious/critical` : '')
    : 'not measured yet';
  const harder =
    proc.state === 'harder'
      ? `<br><span class="harder-now">HARDER since <time datetime="${esc(proc.since)}">${esc(proc.since)}</time>: ${esc(harderLine(proc.harder) + failedWalkNote(proc.failedAt))}</span>`
      : '';
  return `<td class="friction"><span class="strip" role="img" aria-label="last ${proc.recent.length} cycles: ${esc(proc.recent.map(pointStatus).join(', '))}">${strip}</span>${sparkline(proc.recent)}<br><small>${esc(words)}</small>${harder}</td>`;
}
