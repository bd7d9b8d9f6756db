// The one way this repository starts a child process: the runners, bddgen, allure, the mock server,
// the project's own checks. Each child may get its own process group, so a timeout, Ctrl+C or a
// shutdown stops it together with everything it started (browsers, the mock): SIGINT first (Playwright
// then stops its webServer cleanly), SIGKILL after a grace period.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface ChildOutput {
  /** Where stdout lines go (default the terminal's stdout). */
  stdout?: NodeJS.WritableStream[];
  /** Where stderr lines go (default the terminal's stderr). */
  stderr?: NodeJS.WritableStream[];
  /** Applied to whole lines before they are written anywhere (redaction: no secret is split). */
  filter?: (text: string) => string;
  /** Keep stdout in `ChildExit.stdout` (filtered). */
  capture?: boolean;
}

export interface ChildOptions {
  env?: NodeJS.ProcessEnv;
  /** Working directory (default this process's). */
  cwd?: string;
  /** Run through a shell (a webServer command line). */
  shell?: boolean;
  /** Own process group (default true): `stop()` and the timeout reach every process under it. */
  group?: boolean;
  /** 'inherit' (default): the terminal as is; 'ignore'; or lines piped through ChildOutput. */
  output?: 'inherit' | 'ignore' | ChildOutput;
  /** Stop the child (SIGINT, then SIGKILL after `graceMs`) when it runs longer than this. */
  timeoutMs?: number;
  /** Between SIGINT and SIGKILL, ms (default 15 s). */
  graceMs?: number;
  /** Called with the pid once the child runs. */
  onStart?: (pid: number) => void;
}

export interface ChildExit {
  /** The exit code; 128 + n when a signal ended it (130 = SIGINT). */
  code: number;
  signal?: NodeJS.Signals;
  timedOut: boolean;
  /** Captured stdout (with `output.capture`), else ''. */
  stdout: string;
  /** The last 8 KB of output (both streams, filtered), for error messages. */
  tail: string;
}

export interface Child {
  pid: number;
  exited: Promise<ChildExit>;
  /** Sends `signal` to the child's group, then SIGKILL after the grace period; resolves on exit. */
  stop(signal?: NodeJS.Signals): Promise<ChildExit>;
}

const SIGNAL_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
const running = new Set<Child>();

/** Sends a signal to a process group (or the process alone); false when it is gone. */
export function killGroup(pid: number, signal: NodeJS.Signals = 'SIGINT'): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    try {
      process.kill(pid, signal);
      return true;
    } catch {
      return false;
    }
  }
}

/** Stops every child started here that is still running (Ctrl+C, shutdown). */
export function stopAll(signal: NodeJS.Signals = 'SIGINT'): Promise<ChildExit[]> {
  return Promise.all([...running].map((c) => c.stop(signal)));
}

/** Pids of the children started here that still run. */
export const runningPids = (): number[] => [...running].map((c) => c.pid);

function lines(from: NodeJS.ReadableStream, onText: (text: string) => void): void {
  let rest = '';
  from.setEncoding('utf8');
  from.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    if (parts.length) onText(`${parts.join('\n')}\n`);
  });
  from.on('end', () => {
    if (rest) onText(rest);
  });
}

export function startChild(command: string, args: string[], options: ChildOptions = {}): Child {
  const group = options.group ?? true;
  const output = options.output ?? 'inherit';
  const piped = typeof output === 'object';
  const proc: ChildProcess = spawn(command, args, {
    env: options.env ?? process.env,
    cwd: options.cwd,
    shell: options.shell,
    detached: group,
    stdio: ['ignore', piped ? 'pipe' : output, piped ? 'pipe' : output],
  });
  let stdout = '';
  let tail = '';
  if (piped) {
    const filter = output.filter ?? ((t: string) => t);
    const write = (to: NodeJS.WritableStream[], capture: boolean) => (text: string) => {
      const clean = filter(text);
      tail = (tail + clean).slice(-8_192);
      if (capture) stdout += clean;
      for (const stream of to) stream.write(clean);
    };
    lines(proc.stdout!, write(output.stdout ?? [process.stdout], !!output.capture));
    lines(proc.stderr!, write(output.stderr ?? [process.stderr], false));
  }

  let timedOut = false;
  let killTimer: NodeJS.Timeout | undefined;
  const graceMs = options.graceMs ?? 15_000;
  const signalGroup = (signal: NodeJS.Signals) =>
    proc.pid !== undefined && (group ? killGroup(proc.pid, signal) : proc.kill(signal));

  const exited = new Promise<ChildExit>((resolve, reject) => {
    proc.once('error', (error) => {
      running.delete(child);
      reject(error);
    });
    proc.once('close', (code, signal) => {
      running.delete(child);
      clearTimeout(timeout);
      clearTimeout(killTimer);
      resolve({
        code: code ?? 128 + (SIGNAL_CODES[signal as NodeJS.Signals] ?? 0),
        signal: signal ?? undefined,
        timedOut,
        stdout,
        tail,
      });
    });
  });

  const stop = (signal: NodeJS.Signals = 'SIGINT') => {
    if (proc.exitCode === null && proc.signalCode === null) {
      signalGroup(signal);
      killTimer ??= setTimeout(() => signalGroup('SIGKILL'), graceMs);
      killTimer.unref();
    }
    return exited;
  };
  const timeout =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(
          () => {
            timedOut = true;
            void stop('SIGINT');
          },
          Math.max(0, options.timeoutMs),
        );
  timeout?.unref();

  const child: Child = { pid: proc.pid ?? -1, exited, stop };
  if (proc.pid !== undefined) {
    running.add(child);
    options.onStart?.(proc.pid);
  }
  return child;
}

/** Runs a command to its end; resolves with its exit (never rejects on a non-zero code). */
export function runChild(command: string, args: string[], options: ChildOptions = {}): Promise<ChildExit> {
  return startChild(command, args, options).exited;
}

/** A package's binary: node_modules/.bin/<name> when installed (saves npx's start-up), else npx. */
export function localBin(name: string, args: string[]): [string, string[]] {
  const local = join('node_modules', '.bin', name);
  return existsSync(local) ? [local, args] : ['npx', [name, ...args]];
}

/** Runs a command with the terminal as its output; resolves with its exit code. */
export async function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  return (await runChild(command, args, { env, group: false })).code;
}
