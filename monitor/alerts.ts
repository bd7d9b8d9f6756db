// Alerts: the changes of one cycle go out as ONE Slack-compatible message (text + blocks, grouped as
// Alertmanager groups alerts), each change one line a person can act on. Delivery (outbox, retries,
// Retry-After) is monitor/outbox.ts.
import { PROCEDURES } from '../support/procedures.ts';
import { explain } from './evidence.ts';
import { type SuiteError, suiteErrorName } from './observe.ts';
import type { ChangeKind, StateChange } from './state.ts';

export type AlertKind =
  | ChangeKind
  | 'infrastructure'
  | 'suite-error'
  | 'suite-error-fixed'
  /** A removal way asks more of the buyer than its baseline (monitor/friction.ts), and back. */
  | 'harder'
  | 'harder-cleared';

/** One entry of a cycle's message. */
export interface AlertItem {
  kind: AlertKind;
  /** The procedure (or fact scenario subject) it is about; absent for infrastructure and suite errors. */
  procedure?: string;
  state?: string;
  scenario?: string;
  step?: string;
  screen?: string;
  control?: string;
  httpStatus?: number;
  error?: string;
  /** The whole entry in one line: what changed, where, and what it looked for. */
  line: string;
  /** Facts its scenarios checked on the way. */
  context?: string[];
  /**
   * Failed clean-ups of the sandbox accounts met by its scenarios: warnings, not the procedure's failure.
   * Machine-readable only: the message shows them once, in the cycle's janitor block (cyclePayload), never
   * on the entry's line (they are a fact of the cycle's sandbox, the same for every procedure).
   */
  janitorWarnings?: string[];
  report?: string;
}

export interface SlackPayload {
  text: string;
  blocks: unknown[];
  /** Machine-readable copy for receivers that are not Slack. */
  cardwatch: {
    /** Unique per message: receivers can drop a repeat (delivery is at least once). */
    id: string;
    runId: string;
    createdAt: string;
    /** Delivered after the cycle that made it (the webhook was failing then). */
    late?: boolean;
    items: AlertItem[];
  };
}

export type Log = (line: string) => void;

const ICON: Record<AlertKind, string> = {
  down: ':red_circle:',
  degraded: ':large_yellow_circle:',
  recovered: ':large_green_circle:',
  flapping: ':repeat:',
  settled: ':white_check_mark:',
  'failing-often': ':warning:',
  'failing-often-cleared': ':white_check_mark:',
  infrastructure: ':construction:',
  'suite-error': ':x:',
  'suite-error-fixed': ':white_check_mark:',
  harder: ':chart_with_upwards_trend:',
  'harder-cleared': ':white_check_mark:',
};

const HEAD: Record<AlertKind, string> = {
  down: 'DOWN',
  degraded: 'DEGRADED',
  recovered: 'RECOVERED',
  flapping: 'FLAPPING',
  settled: 'STOPPED FLAPPING',
  'failing-often': 'FAILING OFTEN',
  'failing-often-cleared': 'NO LONGER FAILING OFTEN',
  infrastructure: 'MONITOR CANNOT MEASURE',
  'suite-error': 'SUITE ERROR',
  'suite-error-fixed': 'SUITE ERROR FIXED',
  harder: 'HARDER',
  'harder-cleared': 'NO LONGER HARDER',
};

const title = (id: string) =>
  id in PROCEDURES ? `${id} (${PROCEDURES[id as keyof typeof PROCEDURES]})` : id;

/** Slack mrkdwn needs &, < and > escaped. */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function changeItem(change: StateChange, publicUrl: string): AlertItem {
  const { last } = change;
  const ev = last.evidence;
  let what: string;
  switch (change.kind) {
    case 'down':
      what = explain(last.step, ev, last.error);
      if (last.drift) what += `; ${last.drift}`;
      break;
    case 'degraded':
      what = `passed in ${sec(last.procedureMs)} (${last.timeSource === 'cw.procedureMs' ? 'procedure time' : 'whole scenario'}), slower than the threshold`;
      break;
    case 'recovered':
      what = `back to ${change.to} (was ${change.from})`;
      break;
    case 'flapping':
      what = `state changed in ${change.flapPercent?.toFixed(0)} % of recent cycles (${change.failureRate.failed} of the last ${change.failureRate.of} failed); changes are not alerted until it settles (now ${change.to})`;
      break;
    case 'settled':
      what = `settled ${change.to.toUpperCase()} (changes ${change.flapPercent?.toFixed(0)} %)`;
      break;
    default:
      what = `${change.failureRate.failed} of the last ${change.failureRate.of} cycles failed (state ${change.to})`;
  }
  if ((change.kind === 'flapping' || change.kind === 'failing-often') && last.outcome === 'failed')
    what += `; last failure: ${explain(last.step, ev, last.error)}`;
  const extra: string[] = [];
  if (change.context.length) extra.push(`context ${change.context.join(', ')}`);
  return {
    kind: change.kind,
    procedure: change.procedure,
    state: change.to,
    scenario: last.scenario,
    step: last.step,
    screen: ev?.screen,
    control: ev?.control,
    httpStatus: ev?.httpStatus,
    error: last.error,
    line: `${change.procedure} ${HEAD[change.kind]}: ${what}${extra.length ? ` [${extra.join(' · ')}]` : ''}`,
    context: change.context,
    janitorWarnings: change.janitorWarnings,
    report: `${publicUrl}${last.reportPath}`,
  };
}

export function infrastructureItem(reason: string, report: string): AlertItem {
  return { kind: 'infrastructure', error: reason, line: `${HEAD.infrastructure}: ${reason}`, report };
}

export function suiteErrorItem(e: SuiteError, fixed: boolean, report: string): AlertItem {
  return {
    kind: fixed ? 'suite-error-fixed' : 'suite-error',
    error: e.message,
    line: `${suiteErrorName(e)}${fixed ? ' fixed' : `: ${e.message}`}`,
    report,
  };
}

/** The worst kind first, then procedures in the guide's order. */
const ORDER: AlertKind[] = [
  'infrastructure',
  'down',
  'suite-error',
  'flapping',
  'failing-often',
  'degraded',
  'harder',
  'recovered',
  'settled',
  'failing-often-cleared',
  'suite-error-fixed',
  'harder-cleared',
];

/**
 * DOWN entries that share one cause: the same screen answering the same HTTP status (a help centre answering
 * 500 fails its own procedure and every removal whose oracle reads that screen), or the same screen missing
 * the same control. Answers each cause met by two or more procedures: `{ cause, procedures }`, procedures in
 * the order given. Entries without a screen are never grouped (nothing says their cause is the same).
 */
export function sharedCauses(items: readonly AlertItem[]): { cause: string; procedures: string[] }[] {
  const byCause = new Map<string, string[]>();
  for (const i of items) {
    if (i.kind !== 'down' || !i.procedure || !i.screen) continue;
    const what = i.httpStatus
      ? `answered HTTP ${i.httpStatus}`
      : i.control
        ? `does not show ${i.control}`
        : undefined;
    if (!what) continue;
    const cause = `the ${i.screen} ${what}`;
    byCause.set(cause, [...(byCause.get(cause) ?? []), i.procedure]);
  }
  return [...byCause].filter(([, p]) => p.length > 1).map(([cause, procedures]) => ({ cause, procedures }));
}

/** One message for the cycle: a headline naming every procedure by kind, then one line per item. */
export function cyclePayload(
  items: AlertItem[],
  meta: { id: string; runId: string; createdAt: string; runReport: string; janitorWarnings?: string[] },
): SlackPayload {
  const known = Object.keys(PROCEDURES);
  const sorted = [...items].sort(
    (a, b) =>
      ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) ||
      known.indexOf(a.procedure ?? '') - known.indexOf(b.procedure ?? ''),
  );
  const groups = new Map<AlertKind, AlertItem[]>();
  for (const item of sorted) groups.set(item.kind, [...(groups.get(item.kind) ?? []), item]);
  const causes = sharedCauses(sorted);
  const headline = [...groups]
    .map(([kind, list]) => {
      const ids = list.map((i) => i.procedure).filter(Boolean);
      // several DOWN for one cause read as one outage: the headline says so, the lines keep each procedure
      const one = kind === 'down' && causes.length === 1 && causes[0]!.procedures.length === ids.length;
      return ids.length
        ? `${HEAD[kind]} ${ids.join(', ')}${one ? ` (one cause: ${causes[0]!.cause})` : ''}`
        : `${HEAD[kind]}${list.length > 1 ? ` ×${list.length}` : ''}`;
    })
    .join(' · ');
  const causeLines = causes.map(
    (c) => `${ICON.down} one cause for ${c.procedures.join(', ')}: ${esc(c.cause)}`,
  );
  const lines = [
    ...causeLines,
    ...sorted.map(
      (i) =>
        `${ICON[i.kind]} ${esc(i.procedure ? i.line.replace(i.procedure, title(i.procedure)) : i.line)}${i.report ? ` <${i.report}|report>` : ''}`,
    ),
  ];
  // once per cycle: the same warning met by several scenarios or procedures is listed once
  const warnings = [...new Set(meta.janitorWarnings ?? items.flatMap((i) => i.janitorWarnings ?? []))];
  const janitor = warnings.length
    ? [
        {
          type: 'context',
          elements: [
            {
              type: 'mrkdwn',
              text: esc(`Sandbox janitor warnings (not failures): ${warnings.join('; ')}`),
            },
          ],
        },
      ]
    : [];
  return {
    text: `cardwatch: ${headline} — run ${meta.runId}: ${meta.runReport}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*cardwatch: ${esc(headline)}*` } },
      // one section per line: Slack caps a section's text at 3000 characters and a message at 50 blocks
      ...lines.slice(0, 45).map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } })),
      ...(lines.length > 45
        ? [
            {
              type: 'section',
              text: { type: 'mrkdwn', text: `… and ${lines.length - 45} more in the report` },
            },
          ]
        : []),
      ...janitor,
      {
        type: 'actions',
        elements: [
          { type: 'button', text: { type: 'plain_text', text: 'Open the report' }, url: meta.runReport },
        ],
      },
    ],
    cardwatch: { id: meta.id, runId: meta.runId, createdAt: meta.createdAt, items: sorted },
  };
}

/** The same message marked as delivered after its cycle. */
export function markLate(payload: SlackPayload): SlackPayload {
  if (payload.cardwatch.late) return payload;
  const note = `[late: from ${payload.cardwatch.createdAt}] `;
  return {
    ...payload,
    text: `${note}${payload.text}`,
    blocks: [
      { type: 'context', elements: [{ type: 'mrkdwn', text: `:hourglass: ${note.trim()}` }] },
      ...payload.blocks,
    ],
    cardwatch: { ...payload.cardwatch, late: true },
  };
}
