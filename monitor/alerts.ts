// Alerts: one Slack-compatible JSON POST per state change (text + blocks), retried with p-retry.
// A delivery that still fails is logged and never stops the monitor; with no webhook, alerts go to the log.
import pRetry from 'p-retry';
import { PROCEDURES } from '../support/procedures.ts';
import type { StateChange } from './state.ts';

export interface SlackPayload {
  text: string;
  blocks: unknown[];
  /** Machine-readable copy for receivers that are not Slack. */
  cardwatch: {
    kind: StateChange['kind'] | 'infrastructure';
    procedure?: string;
    state?: string;
    scenario?: string;
    step?: string;
    error?: string;
    report: string;
    runId: string;
  };
}

const ICON = { down: ':red_circle:', degraded: ':large_yellow_circle:', recovered: ':large_green_circle:' };

const title = (id: string) =>
  id in PROCEDURES ? `${id} · ${PROCEDURES[id as keyof typeof PROCEDURES]}` : id;

/** Slack mrkdwn needs &, < and > escaped. */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function alertPayload(change: StateChange, publicUrl: string): SlackPayload {
  const { last } = change;
  const report = `${publicUrl}${last.reportPath}`;
  const headline =
    change.kind === 'down'
      ? `${change.procedure} is DOWN: ${last.scenario}`
      : change.kind === 'degraded'
        ? `${change.procedure} is DEGRADED: passed in ${(last.durationMs / 1000).toFixed(1)} s (slower than the threshold)`
        : `${change.procedure} RECOVERED (was ${change.from}): ${last.scenario}`;
  const fields: string[] = [
    `*Procedure*\n${esc(title(change.procedure))}`,
    `*Scenario*\n${esc(last.scenario)}`,
  ];
  if (change.kind === 'down') {
    fields.push(`*Failing step*\n${esc(last.step ?? '(before the first step)')}`);
    fields.push(`*Error*\n${esc(last.error ?? '(no message)')}`);
    if (change.consecutiveFailures > 1) fields.push(`*Failed runs in a row*\n${change.consecutiveFailures}`);
    if (last.category) fields.push(`*Category*\n${last.category}`);
  }
  return {
    text: `${headline} — report: ${report}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `${ICON[change.kind]} *${esc(headline)}*` } },
      { type: 'section', fields: fields.map((text) => ({ type: 'mrkdwn', text })) },
      {
        type: 'actions',
        elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open the report' }, url: report }],
      },
    ],
    cardwatch: {
      kind: change.kind,
      procedure: change.procedure,
      state: change.to,
      scenario: last.scenario,
      step: last.step,
      error: last.error,
      report,
      runId: last.runId,
    },
  };
}

export function infrastructurePayload(reason: string, runId: string, report: string): SlackPayload {
  const headline = `cardwatch could not run the suite (infrastructure): ${reason}`;
  return {
    text: `${headline} — ${report}`,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `:warning: *${esc(headline)}*` } }],
    cardwatch: { kind: 'infrastructure', error: reason, report, runId },
  };
}

export type Log = (line: string) => void;

export interface DeliverOptions {
  webhookUrl?: string;
  attempts: number;
  log: Log;
  /** First retry delay; tests use a small one. */
  minTimeoutMs?: number;
  timeoutMs?: number;
}

/** POSTs one payload; true when delivered (2xx). Never throws. */
export async function deliver(payload: SlackPayload, opts: DeliverOptions): Promise<boolean> {
  if (!opts.webhookUrl) {
    opts.log(`[alert] ${payload.text}`);
    return true;
  }
  const url = opts.webhookUrl;
  try {
    await pRetry(
      async () => {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(payload),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
        });
        await res.arrayBuffer().catch(() => undefined);
        if (!res.ok) throw new Error(`webhook answered HTTP ${res.status}`);
      },
      {
        retries: opts.attempts - 1,
        minTimeout: opts.minTimeoutMs ?? 1000,
        factor: 2,
        onFailedAttempt: ({ error, attemptNumber, retriesLeft }) =>
          opts.log(
            `[alert] delivery attempt ${attemptNumber} failed (${error.message}); ${retriesLeft} left`,
          ),
      },
    );
    opts.log(`[alert] sent: ${payload.text}`);
    return true;
  } catch (error) {
    opts.log(
      `[alert] NOT delivered after ${opts.attempts} attempts (${(error as Error).message}): ${payload.text}`,
    );
    return false;
  }
}
