// npm run monitor            the daemon: cycles on MONITOR_CRON, serves status/metrics/reports on MONITOR_PORT
// npm run monitor -- --once  one cycle; exit 0 all up, 1 a procedure down, 2 infrastructure error
// Any other arguments go to `playwright test` (e.g. -- --once --grep @smoke).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../support/env.ts';
import { isSetupError, loadTarget } from '../support/load-target.ts';
import { loadMonitorConfig, type MonitorConfig } from './config.ts';
import { runCycle } from './cycle.ts';
import { startDaemon } from './daemon.ts';

process.chdir(resolve(dirname(fileURLToPath(import.meta.url)), '..'));

const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);

async function once(cfg: MonitorConfig, extraArgs: string[]): Promise<number> {
  const result = await runCycle({ cfg, log, extraArgs, echo: process.stdout });
  return result.exitCode;
}

/**
 * The daemon checks the target's profile at start (schema, the labels its procedures need, allowed hosts,
 * pool size), as each cycle's run does: a broken profile stops it now, exit 2 with the run's one line per
 * problem, instead of at the first scheduled cycle. Each cycle still re-reads it (it may be edited).
 */
async function checkTarget(cfg: MonitorConfig): Promise<void> {
  try {
    await loadTarget(cfg);
  } catch (error) {
    if (!isSetupError(error)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}

async function daemon(cfg: MonitorConfig, extraArgs: string[]): Promise<void> {
  await checkTarget(cfg);
  const running = await startDaemon({ cfg, log, extraArgs });
  const shutdown = async (signal: string) => {
    await running.stop(signal);
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
