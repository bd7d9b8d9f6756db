// Helpers for the monitor's tests: a local webhook receiver, the monitor CLI as a child, polling.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { SlackPayload } from '../../monitor/alerts.ts';
import type { MonitorState } from '../../monitor/state.ts';

export interface Receiver {
  url: string;
  /** Bodies answered 2xx, in arrival order. */
  posts: SlackPayload[];
  /** Every request: its body and the status it got. */
  requests: { body: SlackPayload; status: number; at: number }[];
  close: () => Promise<void>;
}

/** How the receiver answers the n-th request (from 1): a status and optional headers. */
export type Respond = (n: number, body: SlackPayload) => { status: number; headers?: Record<string, string> };

/** A Slack-like incoming webhook on 127.0.0.1 that records every JSON body it receives. */
export async function startReceiver(respond: number | Respond = 200): Promise<Receiver> {
  const posts: SlackPayload[] = [];
  const requests: Receiver['requests'] = [];
  const answer: Respond = typeof respond === 'number' ? () => ({ status: respond }) : respond;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as SlackPayload;
      const { status, headers } = answer(requests.length + 1, body);
      requests.push({ body, status, at: Date.now() });
      if (status >= 200 && status < 300) posts.push(body);
      res.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(status < 300 ? 'ok' : 'nope');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    posts,
    requests,
    close: () =>
      new Promise((ok) => {
        if (!server.listening) return ok();
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

/** Environment for a monitor child: the given settings over a clean copy of ours (no stray MONITOR_*). */
export function monitorEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^(MONITOR_|MOCK_|REPORTS_DIR|BDD_OUTPUT_DIR|TARGET)/.test(k)) env[k] = v;
  return { ...env, BDD_OUTPUT_DIR: '.features-gen-monitor', HEADLESS: 'true', ...settings };
}

export function startMonitor(
  args: string[],
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; output: () => string } {
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'monitor/main.ts', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  child.stderr!.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  return { child, output: () => out };
}

/** `npm run monitor -- --once` as a child: its exit code and output. */
export async function runOnce(
  env: NodeJS.ProcessEnv,
  args: string[] = [],
): Promise<{ code: number; output: string }> {
  const { child, output } = startMonitor(['--once', ...args], env);
  const code = await new Promise<number>((ok) => child.on('close', (c) => ok(c ?? 128)));
  return { code, output: output() };
}

export function readState(reportsDir: string): MonitorState | undefined {
  const file = join(reportsDir, 'state.json');
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as MonitorState;
  } catch {
    return undefined; // between write and rename
  }
}

/** Polls `check` every 200 ms until it returns a value, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false,
  timeoutMs: number,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const value = check();
    if (value) return value;
    await new Promise((ok) => setTimeout(ok, 200));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
