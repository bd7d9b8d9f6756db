// The monitor's own settings (MONITOR_*), validated with zod in the style of support/config.ts.
// The suite's settings (REPORTS_DIR, MOCK_PORT_BASE, MONITOR_DEGRADED_MS, ...) stay in support/config.ts.
// The schema itself is in monitor/settings.ts.
import type { z } from 'zod';
import { type Config, loadConfig } from '../support/config.ts';
import { MONITOR_PREFIX } from '../support/settings.ts';
import { ConfigError, parseEnv } from '../support/env.ts';
import type { Policy } from './hysteresis.ts';
import { monitorSchema } from './settings.ts';

export { isIanaTimeZone, monitorSchema } from './settings.ts';

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
  // a misspelled MONITOR_ variable is an error here: the monitor's schema is closed, and a typo in its
  // schedule or alerting would otherwise leave it silently on the default (e.g. 02:00 for MONITOR_CORN)
  const base = attempt(() => loadConfig(env, [MONITOR_PREFIX]));
  const own = attempt(() => parseEnv(monitorSchema, { ...env }));
  if (base && own && base.TARGET === 'mock') {
    // each shard starts its own mock, 10 ports apart (monitor/shards.ts)
    const port = own.MONITOR_PORT;
    const last = base.MOCK_PORT_BASE + 10 * own.MONITOR_SHARDS - 1;
    const range =
      own.MONITOR_SHARDS > 1
        ? `MOCK_PORT_BASE..+${last - base.MOCK_PORT_BASE} for ${own.MONITOR_SHARDS} shards`
        : 'MOCK_PORT_BASE..+9';
    if (port >= base.MOCK_PORT_BASE && port <= last)
      problems.push(
        `MONITOR_PORT: the mock uses ${range} (${base.MOCK_PORT_BASE}-${last}); pick another port (got "${port}")`,
      );
    if (last > 65535)
      problems.push(
        `MONITOR_SHARDS: ${own.MONITOR_SHARDS} shards need mock ports up to ${last} (MOCK_PORT_BASE + 10 per shard), over 65535 (got "${own.MONITOR_SHARDS}")`,
      );
  }
  if (own?.MONITOR_SHARD_ENDPOINTS.length && own.MONITOR_SHARD_ENDPOINTS.length !== own.MONITOR_SHARDS)
    problems.push(
      `MONITOR_SHARD_ENDPOINTS: one browser server per shard: ${own.MONITOR_SHARDS} expected (MONITOR_SHARDS), ${own.MONITOR_SHARD_ENDPOINTS.length} given (got "${env.MONITOR_SHARD_ENDPOINTS}")`,
    );
  if (own && own.MONITOR_CHANGE_QUORUM > own.MONITOR_CHANGE_WINDOW)
    problems.push(
      `MONITOR_CHANGE_QUORUM: K must be at most MONITOR_CHANGE_WINDOW (${own.MONITOR_CHANGE_WINDOW}) (got "${own.MONITOR_CHANGE_QUORUM}")`,
    );
  if (own && own.MONITOR_FLAP_LOW_PERCENT >= own.MONITOR_FLAP_HIGH_PERCENT)
    problems.push(
      `MONITOR_FLAP_LOW_PERCENT: must be below MONITOR_FLAP_HIGH_PERCENT (${own.MONITOR_FLAP_HIGH_PERCENT}) (got "${own.MONITOR_FLAP_LOW_PERCENT}")`,
    );
  if (!base || !own || problems.length) throw new ConfigError(problems);
  const publicUrl = (own.MONITOR_PUBLIC_URL ?? `http://127.0.0.1:${own.MONITOR_PORT}`).replace(/\/+$/, '');
  return { ...base, ...own, publicUrl };
}

/** The state-change policy (K of N, flapping, failure rate) from the settings. */
export function policyOf(cfg: z.output<typeof monitorSchema>): Policy {
  return {
    changeWindow: cfg.MONITOR_CHANGE_WINDOW,
    changeQuorum: cfg.MONITOR_CHANGE_QUORUM,
    flapWindow: cfg.MONITOR_FLAP_WINDOW,
    flapHighPercent: cfg.MONITOR_FLAP_HIGH_PERCENT,
    flapLowPercent: cfg.MONITOR_FLAP_LOW_PERCENT,
    rateWindow: cfg.MONITOR_RATE_WINDOW,
    rateAlertPercent: cfg.MONITOR_RATE_ALERT_PERCENT,
  };
}
