// Starts the embedded mock as a child process with the same command and env as Playwright's webServer
// (support/mock-server.ts), waits for its /healthz, and stops it again. Used by runners without a webServer.
import { type ChildProcess, spawn } from 'node:child_process';
import type { Config } from '../../support/config.ts';
import { mockServerCommand } from '../../support/mock-server.ts';
import type { TargetProfile } from '../../support/target.ts';

export interface RunningMock {
  url: string;
  stop(): Promise<void>;
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    return res.ok;
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

export async function startMock(cfg: Config, target: TargetProfile): Promise<RunningMock> {
  const server = mockServerCommand(cfg, target);
  if (await healthy(server.url))
    throw new Error(`something already answers ${server.url}: pick another MOCK_PORT_BASE`);
  const [command, ...args] = server.command.split(' ') as [string, ...string[]];
  // Its own process group, so stop() ends npx, tsx and the node process under them together.
  const child = spawn(command, args, {
    env: { ...process.env, ...server.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return; // already gone
    }
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 5_000);
    await exited(child);
    clearTimeout(timer);
  };

  // Poll /healthz until it answers, the child dies, or the webServer timeout passes.
  const deadline = Date.now() + server.timeout;
  while (!(await healthy(server.url))) {
    if (child.exitCode !== null) throw new Error(`the mock exited with code ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the mock did not answer ${server.url} within ${server.timeout} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url: server.url, stop };
}
