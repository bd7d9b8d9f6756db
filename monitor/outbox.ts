// The alert outbox: every message is written to REPORTS_DIR/outbox/ before it is sent, and removed
// only once the webhook answered 2xx. Delivery runs in order (oldest first; one that cannot go
// blocks the later ones, so they never overtake it), retries with exponential backoff (p-retry)
// and waits what a 429/503's Retry-After asks, within the cycle's budget. What is left is sent by
// the next cycle or at daemon start, marked late. Delivery is at least once: receivers can drop
// a repeat by `cardwatch.id`.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pRetry, { AbortError } from 'p-retry';
import { type Log, markLate, type SlackPayload } from './alerts.ts';

export const outboxDirOf = (reportsDir: string) => join(reportsDir, 'outbox');

export interface OutboxEntry {
  payload: SlackPayload;
  /** Delivery attempts so far, across cycles. */
  attempts: number;
  lastError?: string;
}

let counter = 0;

/** Persists a message (atomically) before anything is sent; returns its file name. */
export async function enqueue(reportsDir: string, payload: SlackPayload): Promise<string> {
  const dir = outboxDirOf(reportsDir);
  await mkdir(dir, { recursive: true });
  // Names sort in creation order: time, then a counter for messages of the same millisecond.
  const name = `${String(Date.now()).padStart(15, '0')}-${String(counter++ % 1e6).padStart(6, '0')}-${payload.cardwatch.id}.json`;
  const entry: OutboxEntry = { payload, attempts: 0 };
  const tmp = join(dir, `.${name}.tmp`);
  await writeFile(tmp, JSON.stringify(entry));
  await rename(tmp, join(dir, name));
  return name;
}

/** Messages waiting, oldest first. */
export async function pending(reportsDir: string): Promise<string[]> {
  const dir = outboxDirOf(reportsDir);
  if (!existsSync(dir)) return [];
  return (await readdir(dir)).filter((f) => /^\d{15}-.*\.json$/.test(f)).sort();
}

export interface FlushOptions {
  webhookUrl?: string;
  /** Attempts per message in this flush. */
  attempts: number;
  /** Time this flush may take, waits included (ms). */
  budgetMs: number;
  log: Log;
  /** First retry delay (ms); tests use a small one. */
  minTimeoutMs?: number;
  timeoutMs?: number;
  /** Messages made by this cycle: the others are delivered late. */
  fresh?: Set<string>;
}

export interface FlushResult {
  sent: number;
  late: number;
  left: number;
}

class WebhookError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs: number | undefined,
  ) {
    super(
      `webhook answered HTTP ${status}${retryAfterMs === undefined ? '' : ` (Retry-After ${Math.ceil(retryAfterMs / 1000)} s)`}`,
    );
  }
}

/** Retry-After in seconds or as an HTTP date, in ms from now; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

async function post(url: string, payload: SlackPayload, timeoutMs: number): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(timeoutMs),
  });
  await res.arrayBuffer().catch(() => undefined);
  if (!res.ok) throw new WebhookError(res.status, retryAfterMs(res.headers.get('retry-after')));
}

/** One message, with retries inside `deadline` (performance.now() time). Never throws. */
async function send(
  url: string,
  payload: SlackPayload,
  opts: FlushOptions,
  deadline: number,
): Promise<{ ok: boolean; attempts: number; error?: string }> {
  const minTimeout = opts.minTimeoutMs ?? 1000;
  let attempts = 0;
  try {
    await pRetry(
      async () => {
        attempts++;
        await post(
          url,
          payload,
          Math.max(1, Math.floor(Math.min(opts.timeoutMs ?? 10_000, deadline - performance.now()))),
        );
      },
      {
        retries: opts.attempts - 1,
        minTimeout,
        factor: 2,
        maxRetryTime: Math.max(1, deadline - performance.now()),
        onFailedAttempt: async ({ error, attemptNumber, retriesLeft, retriesConsumed }) => {
          opts.log(
            `[alert] delivery attempt ${attemptNumber} failed (${error.message}); ${retriesLeft} left`,
          );
          const wait = error instanceof WebhookError ? error.retryAfterMs : undefined;
          if (wait === undefined || retriesLeft === 0) return;
          if (performance.now() + wait > deadline)
            throw new AbortError(
              `${error.message}: longer than this cycle's delivery budget, kept for the next cycle`,
            );
          // p-retry then waits its own backoff; together at least what Retry-After asked.
          await sleep(Math.max(0, wait - minTimeout * 2 ** retriesConsumed));
        },
      },
    );
    return { ok: true, attempts };
  } catch (error) {
    return { ok: false, attempts, error: (error as Error).message };
  }
}

let chain: Promise<unknown> = Promise.resolve();

/**
 * Sends what waits in the outbox, oldest first, stopping at the first message that cannot go (it
 * stays, and so do the ones after it). Without a webhook, messages go to the log. One flush at a
 * time per process; a lock file keeps two processes on one REPORTS_DIR from sending the same message.
 */
export function flush(reportsDir: string, opts: FlushOptions): Promise<FlushResult> {
  const run = chain.then(() => flushNow(reportsDir, opts));
  chain = run.catch(() => undefined);
  return run;
}

async function withLock<T>(reportsDir: string, work: () => Promise<T>): Promise<T | undefined> {
  const lock = join(outboxDirOf(reportsDir), '.lock');
  await mkdir(outboxDirOf(reportsDir), { recursive: true });
  for (let tries = 0; tries < 2; tries++) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      try {
        return await work();
      } finally {
        await rm(lock, { force: true });
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(await readFile(lock, 'utf8').catch(() => ''));
      let alive = false;
      try {
        if (owner > 0) process.kill(owner, 0);
        alive = owner > 0;
      } catch (e) {
        alive = (e as NodeJS.ErrnoException).code === 'EPERM';
      }
      if (alive) return undefined; // the other process sends them
      await rm(lock, { force: true }); // left by a process that died
    }
  }
  return undefined;
}

async function flushNow(reportsDir: string, opts: FlushOptions): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, late: 0, left: 0 };
  const done = await withLock(reportsDir, async () => {
    const dir = outboxDirOf(reportsDir);
    const deadline = performance.now() + opts.budgetMs;
    const names = await pending(reportsDir);
    for (const [i, name] of names.entries()) {
      const file = join(dir, name);
      const entry = JSON.parse(await readFile(file, 'utf8')) as OutboxEntry;
      const late = !opts.fresh?.has(name);
      const payload = late ? markLate(entry.payload) : entry.payload;
      if (!opts.webhookUrl) {
        opts.log(`[alert] ${payload.text}`);
        for (const item of payload.cardwatch.items) opts.log(`[alert]   ${item.line}`);
      } else {
        const out =
          performance.now() < deadline
            ? await send(opts.webhookUrl, payload, opts, deadline)
            : { ok: false, attempts: 0, error: "this cycle's delivery budget is spent" };
        if (!out.ok) {
          entry.attempts += out.attempts;
          entry.lastError = out.error;
          const tmp = join(dir, `.${name}.tmp`);
          await writeFile(tmp, JSON.stringify(entry));
          await rename(tmp, file);
          result.left = names.length - i;
          opts.log(
            `[alert] NOT delivered yet (${out.error}; ${entry.attempts} attempt(s) so far): ${result.left} message(s) kept in the outbox for the next cycle`,
          );
          return true;
        }
        opts.log(`[alert] sent${late ? ' late' : ''} (${out.attempts} attempt(s)): ${payload.text}`);
      }
      await rm(file, { force: true });
      result.sent++;
      if (late) result.late++;
    }
    return true;
  });
  if (!done) result.left = (await pending(reportsDir)).length; // another process holds the outbox
  return result;
}

/** A fresh message id. */
export const alertId = () => randomUUID();
