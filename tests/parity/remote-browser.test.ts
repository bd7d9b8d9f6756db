// BROWSER_WS_ENDPOINT: both runners drive a Playwright browser server (`npx playwright run-server`) on
// loopback instead of launching Chromium, and a smoke scenario passes through it. The server's own log
// (DEBUG=pw:server) proves the browsers were launched there; with the server gone, both runs fail
// naming it. The time of each run is compared with a local launch (printed as test diagnostics).
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { findChromium } from '../../support/browser.ts';
import { allureOutcomes, parity, type Runner, runSuite } from './harness.ts';

const SMOKE = 'features/wallet/remove-via-direct-link.feature';
const SCENARIO = 'Delete a card from the direct page without a wallet account';
const serverPort = parity.portBase + 6;
const endpoint = `ws://127.0.0.1:${serverPort}/`;
const root = join(parity.reportsRoot, 'remote-browser');

/** `npx playwright run-server` on loopback; `--unsafe` lets clients choose the executable (Debian's chromium). */
async function startBrowserServer(): Promise<{ child: ChildProcess; log: () => string }> {
  const child = spawn(
    'npx',
    ['playwright', 'run-server', '--port', String(serverPort), '--host', '127.0.0.1', '--unsafe'],
    { env: { ...process.env, DEBUG: 'pw:server' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let log = '';
  child.stdout?.on('data', (c: Buffer) => (log += c));
  child.stderr?.on('data', (c: Buffer) => (log += c));
  const deadline = Date.now() + 30_000;
  while (!log.includes('Listening on')) {
    if (child.exitCode !== null) throw new Error(`run-server exited ${child.exitCode}:\n${log}`);
    if (Date.now() > deadline) throw new Error(`run-server did not listen within 30 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, log: () => log };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = once(child, 'exit');
  process.kill(-child.pid, 'SIGTERM'); // npx and the server it started: one process group
  await exited;
}

function smoke(runner: Runner, reportsDir: string, remote: boolean) {
  const args = runner === 'playwright' ? ['--project=desktop', SMOKE] : [SMOKE];
  return runSuite(
    runner,
    reportsDir,
    { TARGET: 'mock', ...(remote ? { BROWSER_WS_ENDPOINT: endpoint } : {}) },
    args,
  );
}

describe('a Playwright browser server (BROWSER_WS_ENDPOINT)', {
  skip: !findChromium(parity.cfg.CHROMIUM_PATH),
}, () => {
  let server: Awaited<ReturnType<typeof startBrowserServer>> | undefined;
  before(async () => {
    await rm(root, { recursive: true, force: true });
    server = await startBrowserServer();
  });
  after(async () => {
    if (server) await stop(server.child);
  });

  for (const runner of ['playwright', 'cucumber'] as const) {
    it(`runs the smoke under ${runner} through the server`, async (t) => {
      const launches = () => server!.log().split('engaged launch mode for "chromium"').length - 1;
      const before = launches();
      const remote = await smoke(runner, join(root, `${runner}-remote`), true);
      const results = await allureOutcomes(join(root, `${runner}-remote`)).catch(() => ({}));
      assert.equal(
        (results as Record<string, { outcome: string }>)[SCENARIO]?.outcome,
        'pass',
        `exit ${remote.code}:\n${remote.output}`,
      );
      assert.ok(launches() > before, `the server launched no browser for ${runner}:\n${server!.log()}`);

      const local = await smoke(runner, join(root, `${runner}-local`), false);
      assert.equal(local.code, 0, local.output);
      t.diagnostic(
        `${runner}: through the server ${(remote.ms / 1000).toFixed(1)} s, local launch ${(local.ms / 1000).toFixed(1)} s`,
      );
    });
  }

  it('fails both runners with the endpoint named when no server answers', async () => {
    await stop(server!.child);
    for (const runner of ['playwright', 'cucumber'] as const) {
      const { code, output } = await smoke(runner, join(root, `${runner}-gone`), true);
      assert.notEqual(code, 0, `${runner} passed without a browser server:\n${output}`);
      assert.match(output, new RegExp(`${serverPort}`), `${runner} does not name the endpoint:\n${output}`);
    }
  });
});
