// Issue #13 with the browser: the real daemon (npm run monitor) on a short schedule against the mock
// with help-500: the first cycle's one message says R4 DOWN on the help centre with HTTP 500, through
// the outbox to a local webhook. Slow (a real cycle with the browser): MONITOR_SLOW_TESTS=1.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { monitorEnv, type Receiver, readState, startMonitor, startReceiver, waitFor } from './harness.ts';

const REPORTS = '/tmp/cw-monitor/test-daemon-wiring';
const skip =
  process.env.MONITOR_SLOW_TESTS === '1'
    ? false
    : 'slow (a real cycle with the browser): set MONITOR_SLOW_TESTS=1';

describe('monitor daemon with the browser: help-500 pages R4 once', { timeout: 600_000, skip }, () => {
  let daemon: ReturnType<typeof startMonitor> | undefined;
  let hook: Receiver | undefined;
  after(async () => {
    await hook?.close(); // an open receiver would keep node (and the browser lock) alive
    if (daemon && daemon.child.exitCode === null && daemon.child.signalCode === null) {
      daemon.child.kill('SIGTERM');
      await new Promise((done) => daemon!.child.once('exit', done));
    }
  });

  it('one cycle: R4 DOWN, "on the help centre, answered HTTP 500", context F5; outbox empty', async () => {
    await rm(REPORTS, { recursive: true, force: true });
    hook = await startReceiver();
    daemon = startMonitor(
      [],
      monitorEnv({
        REPORTS_DIR: REPORTS,
        MOCK_PORT_BASE: process.env.WIRING_PORT_BASE ?? '5750',
        MONITOR_PORT: process.env.WIRING_MONITOR_PORT ?? '5761',
        MONITOR_CRON: '*/15 * * * * *',
        MONITOR_GREP: '@proc:R4',
        MONITOR_RETRIES: '0',
        MONITOR_CHANGE_QUORUM: '1',
        MONITOR_CHANGE_WINDOW: '1',
        MONITOR_DEGRADED_MS: '120000',
        MONITOR_WEBHOOK_URL: hook.url,
        MOCK_FAULTS: 'help-500',
        BDD_OUTPUT_DIR: '.features-gen-monitor-wiring',
      }),
    );
    await waitFor(
      'the first message',
      () => {
        if (daemon!.child.exitCode !== null) throw new Error(`the daemon exited:\n${daemon!.output()}`);
        return hook!.posts.length > 0;
      },
      400_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${daemon!.output()}`);
    });
    const [message] = hook.posts;
    assert.match(message!.text, /^cardwatch: DOWN R4 — run /, daemon.output());
    const item = message!.cardwatch.items.find((i) => i.procedure === 'R4')!;
    assert.equal(item.httpStatus, 500);
    assert.equal(item.screen, 'help centre');
    assert.match(
      item.line,
      /^R4 DOWN: step "[^"]+", on the help centre, answered HTTP 500 — .*\[context F5\]$/,
    );
    const state = readState(REPORTS)!;
    assert.equal(state.procedures['R4']!.state, 'down');
    assert.equal(state.infrastructure, undefined, 'a 5xx page is the procedure failing, not infrastructure');
    assert.equal(state.procedures['F5'], undefined, 'F5 is context');
    const outbox = join(REPORTS, 'outbox');
    assert.ok(!existsSync(outbox) || readdirSync(outbox).filter((f) => f.endsWith('.json')).length === 0);
    daemon.child.kill('SIGTERM');
    await new Promise((done) => daemon!.child.once('exit', done));
  });
});
