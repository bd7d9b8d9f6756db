// The monitor's own settings (MONITOR_*), validated with zod in the style of support/config.ts.
// The suite's settings (REPORTS_DIR, MOCK_PORT_BASE, MONITOR_DEGRADED_MS, ...) stay in support/config.ts.
import { Cron } from 'croner';
import { z } from 'zod';
import { type Config, loadConfig } from '../support/config.ts';
import { ConfigError, envPort, parseEnv } from '../support/env.ts';

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
  /** Time zone of the schedule (IANA name); the machine's zone when unset. */
  MONITOR_TIMEZONE: z.string().min(1).optional(),
  /** The status page, /metrics, /healthz and the reports are served on 127.0.0.1 at this port. */
  MONITOR_PORT: envPort.default(9464),
  /** How the report is linked from alerts; default http://127.0.0.1:MONITOR_PORT. */
  MONITOR_PUBLIC_URL: url.optional(),
  /** Playwright retries per scenario in a monitor run: a pass on a retry is flaky, not failed. */
  MONITOR_RETRIES: z.coerce.number().int().min(0).max(5).default(1),
  /** A procedure is "down" (and alerted) after this many consecutive failed runs. */
  MONITOR_FAILURES_BEFORE_ALERT: z.coerce.number().int().min(1).max(100).default(1),
  /** Slack-compatible incoming webhook; unset = alerts go to the log. */
  MONITOR_WEBHOOK_URL: url.optional(),
  /** Delivery attempts per alert (p-retry, exponential backoff). */
  MONITOR_WEBHOOK_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),
  /** Run folders (results + report) kept under REPORTS_DIR/runs; older ones are deleted. */
  MONITOR_KEEP_RUNS: z.coerce.number().int().min(1).max(1000).default(10),
  /** Restrict the monitored suite (Playwright --grep), e.g. "@smoke"; unset = every scenario. */
  MONITOR_GREP: z.string().min(1).optional(),
  /** A run that takes longer is stopped and counted as an infrastructure error. */
  MONITOR_RUN_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(30 * 60_000),
  /** Runs of Allure history (history.jsonl) and of the monitor's own run log (uptime %). */
  ALLURE_HISTORY_LIMIT: z.coerce.number().int().min(1).max(10_000).default(100),
});

export type MonitorConfig = Config & z.output<typeof monitorSchema> & { publicUrl: string };

/** The suite's config plus the monitor's; one ConfigError listing every wrong variable of either. */
export function loadMonitorConfig(env: NodeJS.ProcessEnv = process.env): MonitorConfig {
  const problems: string[] = [];
  const attempt = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  const base = attempt(() => loadConfig(env));
  const own = attempt(() => parseEnv(monitorSchema, { ...env }));
  if (base && own && base.TARGET === 'mock') {
    const port = own.MONITOR_PORT;
    if (port >= base.MOCK_PORT_BASE && port <= base.MOCK_PORT_BASE + 9)
      problems.push(
        `MONITOR_PORT: the mock uses MOCK_PORT_BASE..+9 (${base.MOCK_PORT_BASE}-${base.MOCK_PORT_BASE + 9}); pick another port (got "${port}")`,
      );
  }
  if (!base || !own || problems.length) throw new ConfigError(problems);
  const publicUrl = (own.MONITOR_PUBLIC_URL ?? `http://127.0.0.1:${own.MONITOR_PORT}`).replace(/\/+$/, '');
  return { ...base, ...own, publicUrl };
}
