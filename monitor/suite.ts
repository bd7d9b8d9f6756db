// The suite as a child process, nothing more: `bddgen`, then `playwright test` with the monitor's
// retry policy, writing into the run's own folder (REPORTS_DIR=<run dir> for the child).
// Each child gets its own process group so a timeout, a shutdown or a restart after a crash can
// stop it together with the browser and the mock server it started.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SuiteRun {
  runDir: string;
  retries: number;
  grep?: string;
  /** Extra arguments for `playwright test` (from the command line). */
  extraArgs: string[];
  timeoutMs: number;
  env: NodeJS.ProcessEnv;
  /** Called with each child's pid as it starts (recorded in state.json for a restart). */
  onChild: (pid: number) => void | Promise<void>;
  /** Also copy the children's output to this stream (the terminal for --once). */
  echo?: NodeJS.WritableStream;
}

export interface SuiteOutcome {
  exitCode: number;
  timedOut: boolean;
  /** The signal that stopped it, if any (shutdown). */
  signal?: string;
}

export type SuiteRunner = (run: SuiteRun) => Promise<SuiteOutcome>;

let active: { pid: number } | undefined;

/**
 * Stops the running child's whole process group (the monitor's own child, by its id). SIGINT, not
 * SIGTERM: Playwright stops gracefully on SIGINT (Ctrl+C) and then stops the mock it started as its
 * webServer (a process group of its own); on SIGTERM it exits and leaves the mock running.
 */
export function stopActiveChild(signal: NodeJS.Signals = 'SIGINT'): void {
  if (active) killGroup(active.pid, signal);
}

export function killGroup(pid: number, signal: NodeJS.Signals = 'SIGINT'): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** True when `pid` is alive and its command line looks like one of the suite's children. */
export function isSuiteChild(pid: number): boolean {
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync(cmdline)) return false;
  try {
    const cmd = readFileSync(cmdline, 'utf8').replace(/\0/g, ' ');
    return /playwright|bddgen/.test(cmd);
  } catch {
    return false;
  }
}

function child(
  cmd: string,
  args: string[],
  run: SuiteRun,
  log: NodeJS.WritableStream,
  deadline: number,
): Promise<SuiteOutcome> {
  return new Promise((resolve, reject) => {
    log.write(`$ ${cmd} ${args.join(' ')}\n`);
    const proc = spawn(cmd, args, { env: run.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = proc.pid;
    if (pid === undefined) {
      proc.once('error', reject);
      return;
    }
    active = { pid };
    void run.onChild(pid);
    for (const stream of [proc.stdout, proc.stderr]) {
      stream.on('data', (chunk: Buffer) => {
        log.write(chunk);
        run.echo?.write(chunk);
      });
    }
    let timedOut = false;
    const timer = setTimeout(
      () => {
        timedOut = true;
        killGroup(pid, 'SIGINT');
        setTimeout(() => killGroup(pid, 'SIGKILL'), 15_000).unref();
      },
      Math.max(0, deadline - Date.now()),
    );
    proc.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    proc.once('close', (code, signal) => {
      clearTimeout(timer);
      if (active?.pid === pid) active = undefined;
      resolve({ exitCode: code ?? 128, timedOut, signal: signal ?? undefined });
    });
  });
}

/** The package's own binary when installed (saves npx's start-up), else npx. */
function bin(name: string, args: string[]): [string, string[]] {
  const local = join('node_modules', '.bin', name);
  return existsSync(local) ? [local, args] : ['npx', [name, ...args]];
}

export const runSuite: SuiteRunner = async (run) => {
  const log = createWriteStream(join(run.runDir, 'suite.log'));
  const deadline = Date.now() + run.timeoutMs;
  try {
    const gen = await child(...bin('bddgen', []), run, log, deadline);
    if (gen.exitCode !== 0) return gen;
    const args = ['test', `--retries=${run.retries}`];
    if (run.grep) args.push('--grep', run.grep);
    args.push(...run.extraArgs);
    return await child(...bin('playwright', args), run, log, deadline);
  } finally {
    await new Promise((done) => log.end(done));
  }
};
