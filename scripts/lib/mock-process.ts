// Playwright's webServer for runners that have none: starts the entry support/mock-server.ts gives
// Playwright (the embedded mock, or a sandbox profile's localServer) as a child process with the same
// command and env, waits for its health URL, and stops it again.
import { startChild } from './run.ts';

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
  // Its output is kept only as the exit's tail, for the error message.
  const child = startChild(server.command, [], {
    shell: true,
    env: { ...process.env, ...server.env },
    output: { stdout: [], stderr: [] },
    graceMs: 5_000,
  });
  let exit: { code: number; tail: string } | undefined;
  void child.exited.then((e) => (exit = e));
  const stop = async () => {
    await child.stop('SIGTERM');
  };

  // Poll /healthz until it answers, the child dies, or the webServer timeout passes.
  const deadline = Date.now() + server.timeout;
  while (!(await healthy(server.url))) {
    if (exit) throw new Error(`the mock exited with code ${exit.code}:\n${exit.tail}`);
    if (Date.now() > deadline) {
      const { tail } = await child.stop('SIGTERM');
      throw new Error(`the mock did not answer ${server.url} within ${server.timeout} ms:\n${tail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url: server.url, stop };
}
