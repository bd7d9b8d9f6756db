// The daemon: cycles on MONITOR_CRON (croner, never two at once), the HTTP face on MONITOR_PORT, the
// outbox sent at start, SIGTERM/SIGINT stop the run in progress (recorded as cut). main.ts runs it
// with the real suite; monitor/soak.ts with a stand-in runner.
import { Cron } from 'croner';
import type { Log } from './alerts.ts';
import type { MonitorConfig } from './config.ts';
import { type CycleResult, flushOptionsOf, recoverCutRun, runCycle } from './cycle.ts';
import { flush, pending } from './outbox.ts';
import { startServer } from './server.ts';
import { type SuiteRunner, stopActiveChild } from './suite.ts';

export interface DaemonOptions {
  cfg: MonitorConfig;
  log: Log;
  extraArgs?: string[];
  /** The suite; default the real one (monitor/suite.ts). */
  runner?: SuiteRunner;
  /** Called after each cycle (the soak's timeline). */
  onCycle?: (result: CycleResult) => void;
}

export interface Daemon {
  /** Stops the schedule, cuts the run in progress, closes the server. */
  stop: (reason: string) => Promise<void>;
}

export async function startDaemon(opts: DaemonOptions): Promise<Daemon> {
  const { cfg, log } = opts;
  await recoverCutRun(cfg, log);
  let current: Promise<CycleResult> | undefined;
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
      current = runCycle({
        cfg,
        log,
        extraArgs: opts.extraArgs,
        runner: opts.runner,
        isStopping: () => stopping,
      });
      try {
        opts.onCycle?.(await current);
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

  return {
    async stop(reason) {
      if (stopping) return;
      stopping = true;
      log(`[monitor] ${reason}: stopping${current ? ' (the run in progress is cut)' : ''}`);
      job.stop();
      if (current) {
        stopActiveChild();
        await current.catch(() => undefined);
      }
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
