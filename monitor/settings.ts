// The monitor's own settings (MONITOR_*) as a zod schema, without the loader: support/config.ts reads its
// names to tell a misspelled MONITOR_ variable from a known one (support/settings.ts) without an import cycle.
import { Cron } from 'croner';
import { z } from 'zod';
import { envPort } from '../support/env.ts';
import { selectionProblem } from '../support/select.ts';

const url = z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' });

export const monitorSchema = z.object({
  /** croner pattern; 6 fields = with seconds ("*\/10 * * * * *"). Default: every night at 02:00. */
  MONITOR_CRON: z
    .string()
    .min(1)
    .default('0 2 * * *')
    .refine(
      (pattern) => {
        try {
          new Cron(pattern, { paused: true }).stop();
          return true;
        } catch {
          return false;
        }
      },
      { message: 'not a cron pattern croner understands (5 fields, or 6 with seconds)' },
    ),
  /** Time zone of the schedule (IANA name, checked against the runtime's tz database); the machine's zone when unset. */
  MONITOR_TIMEZONE: z
    .string()
    .min(1)
    .refine(isIanaTimeZone, { message: 'not an IANA time zone (e.g. Europe/Berlin, Asia/Jakarta, UTC)' })
    .optional(),
  /** The status page, /metrics, /healthz and the reports are served on 127.0.0.1 at this port. */
  MONITOR_PORT: envPort.default(9464),
  /** How the report is linked from alerts; default http://127.0.0.1:MONITOR_PORT. */
  MONITOR_PUBLIC_URL: url.optional(),
  /** Playwright retries per scenario in a monitor run: a pass on a retry is flaky, not failed. */
  MONITOR_RETRIES: z.coerce.number().int().min(0).max(5).default(1),
  /** Replaced by MONITOR_CHANGE_QUORUM of MONITOR_CHANGE_WINDOW: set, it is an error that says so. */
  MONITOR_FAILURES_BEFORE_ALERT: z
    .string()
    .optional()
    .refine((v) => v === undefined, {
      message:
        'replaced by MONITOR_CHANGE_QUORUM (K) of MONITOR_CHANGE_WINDOW (N): K consecutive failures = MONITOR_CHANGE_QUORUM=K MONITOR_CHANGE_WINDOW=K',
    }),
  /** N: the last N measured cycles of a procedure are what a state change is decided on. */
  MONITOR_CHANGE_WINDOW: z.coerce.number().int().min(1).max(20).default(4),
  /** K: a procedure changes state (down, degraded, back up) when the new state is in K of the last N cycles. */
  MONITOR_CHANGE_QUORUM: z.coerce.number().int().min(1).max(20).default(3),
  /** Cycles the flap detection looks at (Nagios-style weighted share of state changes). */
  MONITOR_FLAP_WINDOW: z.coerce.number().int().min(4).max(50).default(10),
  /** Flapping starts when the weighted share of changes reaches this (percent). 60 % over 10 cycles
   *  takes three separate failure episodes: two isolated blips (four changes, at most 50 %) never flap. */
  MONITOR_FLAP_HIGH_PERCENT: z.coerce.number().min(1).max(100).default(60),
  /** ...and ends when it falls below this (percent): the hysteresis. */
  MONITOR_FLAP_LOW_PERCENT: z.coerce.number().min(0).max(100).default(25),
  /** Cycles the failure-rate alert counts over. */
  MONITOR_RATE_WINDOW: z.coerce.number().int().min(2).max(100).default(10),
  /** "Failing often" when at least this share (percent) of the last MONITOR_RATE_WINDOW cycles failed
   *  outside an outage already alerted as down; cleared below half of it. */
  MONITOR_RATE_ALERT_PERCENT: z.coerce.number().min(1).max(100).default(30),
  /** Slack-compatible incoming webhook; unset = alerts go to the log. */
  MONITOR_WEBHOOK_URL: url.optional(),
  /** Delivery attempts per alert within one cycle (p-retry, exponential backoff, Retry-After honoured). */
  MONITOR_WEBHOOK_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),
  /** Time one cycle may spend delivering alerts (ms); what is left stays in the outbox for the next cycle. */
  MONITOR_WEBHOOK_BUDGET_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
  /** Run folders (results + report) kept under REPORTS_DIR/runs; older ones are deleted. */
  MONITOR_KEEP_RUNS: z.coerce.number().int().min(1).max(1000).default(10),
  /**
   * Restrict the monitored suite: a Cucumber tag expression, whole tags only (support/select.ts), e.g.
   * "@smoke" or "@proc:R3 and not @mock-only"; unset = every scenario. A Playwright RegExp is refused.
   */
  MONITOR_GREP: z
    .string()
    .min(1)
    .optional()
    .superRefine((value, ctx) => {
      const problem = value === undefined ? undefined : selectionProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  /** A run that takes longer is stopped and counted as an infrastructure error. */
  MONITOR_RUN_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(30 * 60_000),
  /**
   * Shards of one cycle: N runs of the suite at once, each `playwright test --shard=i/N` in its own folder
   * (<run>/shards/<i>/; on the mock, its own mock at MOCK_PORT_BASE + 10 (i-1)), merged into one report
   * and one state update (monitor/shards.ts). 1 = no sharding.
   */
  MONITOR_SHARDS: z.coerce.number().int().min(1).max(16).default(1),
  /**
   * One Playwright browser server per shard, comma-separated ws:// or wss:// URLs in shard order (shard i
   * drives browsers at the i-th); unset = every shard as BROWSER_WS_ENDPOINT says (or a local Chromium).
   */
  MONITOR_SHARD_ENDPOINTS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean),
    )
    .superRefine((list, ctx) => {
      const bad = list.find((e) => !isWsUrl(e));
      if (bad)
        ctx.addIssue({
          code: 'custom',
          message: `"${bad}" is not a ws:// or wss:// URL of a Playwright browser server`,
        });
    }),
  /** Runs of Allure history (history.jsonl) and of the monitor's own run log (uptime %). */
  ALLURE_HISTORY_LIMIT: z.coerce.number().int().min(1).max(10_000).default(100),
});

/** True for an absolute ws:// or wss:// URL. */
function isWsUrl(text: string): boolean {
  try {
    return /^wss?:$/.test(new URL(text).protocol);
  } catch {
    return false;
  }
}

/** True for a zone the runtime's IANA database knows (aliases such as UTC included). */
export function isIanaTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
