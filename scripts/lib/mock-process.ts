// Playwright's webServer for runners that have none: starts the entry support/mock-server.ts gives
// Playwright (the embedded mock, or a sandbox profile's localServer) as a child process with the same
// command and env, waits for its health URL, and stops it again.
import { type ChildProcess, spawn } from 'node:child_process';

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

/** The fields of a Playwright webServer entry this uses. */
export interface ServerEntry {
  command: string;
  url: string;
  timeout: number;
  reuseExistingServer: boolean;
  env?: Record<string, string>;
}

export async function startServer(server: ServerEntry): Promise<RunningMock> {
  if (await healthy(server.url)) {
    if (server.reuseExistingServer) return { url: server.url, stop: async () => {} };
    throw new Error(`something already answers ${server.url}: pick another MOCK_PORT_BASE`);
  }
  // Through a shell as Playwright does; its own process group, so stop() ends everything under it.
  const child = spawn(server.command, {
    shell: true,
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
