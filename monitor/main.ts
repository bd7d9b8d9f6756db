// npm run monitor            the daemon: cycles on MONITOR_CRON, serves status/metrics/reports on MONITOR_PORT
// npm run monitor -- --once  one cycle; exit 0 all up, 1 a procedure down, 2 infrastructure error
// Any other arguments go to `playwright test` (e.g. -- --once --grep @smoke).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Cron } from 'croner';
import { ConfigError } from '../support/env.ts';
import { loadMonitorConfig, type MonitorConfig } from './config.ts';
import { flushOptionsOf, recoverCutRun, runCycle } from './cycle.ts';
import { flush, pending } from './outbox.ts';
import { startServer } from './server.ts';
import { stopActiveChild } from './suite.ts';

process.chdir(resolve(dirname(fileURLToPath(import.meta.url)), '..'));

const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);

async function once(cfg: MonitorConfig, extraArgs: string[]): Promise<number> {
  const result = await runCycle({ cfg, log, extraArgs, echo: process.stdout });
  return result.exitCode;
}

async function daemon(cfg: MonitorConfig, extraArgs: string[]): Promise<void> {
  await recoverCutRun(cfg, log);
  let current: Promise<unknown> | undefined;
  let stopping = false;
  const server = await startServer({
    reportsDir: cfg.REPORTS_DIR,
    port: cfg.MONITOR_PORT,
    schedule: cfg.MONITOR_CRON,
    running: () => current !== undefined,
  });
  const job = new Cron(
    cfg.MONITOR_CRON,
    {
      name: 'cardwatch',
      timezone: cfg.MONITOR_TIMEZONE,
      protect: () => log('[monitor] tick skipped: the previous run is still in progress'),
      catch: (error) => log(`[monitor] cycle error: ${(error as Error).stack ?? error}`),
    },
    async () => {
      if (stopping) return;
      current = runCycle({ cfg, log, extraArgs, isStopping: () => stopping });
      try {
        await current;
      } finally {
        current = undefined;
        const next = job.nextRun();
        if (!stopping && next) log(`[monitor] next run ${next.toISOString()}`);
      }
    },
  );
  log(
    `[monitor] pid ${process.pid}: schedule "${cfg.MONITOR_CRON}"${cfg.MONITOR_TIMEZONE ? ` (${cfg.MONITOR_TIMEZONE})` : ''}, ` +
      `next run ${job.nextRun()?.toISOString()}; status on http://127.0.0.1:${cfg.MONITOR_PORT}/`,
  );
  if (!cfg.MONITOR_WEBHOOK_URL) log('[monitor] no MONITOR_WEBHOOK_URL: alerts go to this log');
  // Messages a previous process could not deliver go out now, in order, marked late.
  const waiting = (await pending(cfg.REPORTS_DIR)).length;
  if (waiting) {
    log(`[monitor] ${waiting} undelivered alert message(s) in the outbox: sending them late`);
    void flush(cfg.REPORTS_DIR, flushOptionsOf(cfg, log)).catch((error: Error) =>
      log(`[monitor] outbox: ${error.message}`),
    );
  }

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`[monitor] ${signal}: stopping${current ? ' (the run in progress is cut)' : ''}`);
    job.stop();
    if (current) {
      stopActiveChild();
      await current.catch(() => undefined);
    }
    server.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const isOnce = args.includes('--once');
  const extraArgs = args.filter((a) => a !== '--once');
  let cfg: MonitorConfig;
  try {
    cfg = loadMonitorConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(2);
  }
  if (isOnce) process.exit(await once(cfg, extraArgs));
  await daemon(cfg, extraArgs);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
