// A profile's localServer stands in for the target only when the target does not answer (new user's
// finding 8): the run says so, in its output and in the report's environment, so a stand-in's green is
// never read as the real target's.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { localServerNotice } from '../../support/mock-server.ts';

const root = join(import.meta.dirname, '..', '..');

describe('localServer notice', () => {
  it('a target that answers is reused, without a warning', async () => {
    const server = createServer((_, res) => res.end('ok')).listen(0, '127.0.0.1');
    await new Promise((done) => server.once('listening', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
    try {
      const notice = await localServerNotice({ command: 'npx tsx scripts/mock-sandbox.ts', healthUrl: url });
      assert.deepEqual(notice, { environment: `already running at ${url} (reused)` });
    } finally {
      server.close();
    }
  });

  it('a target that does not answer: the run starts the stand-in and says so in its output and the report', () => {
    // port 4695: in this helper's own range, nothing listens there during the test
    const script = `const c = (await import('${join(root, 'playwright.config.ts')}')).default;
console.log(JSON.stringify(c.reporter.find((r) => r[0] === 'allure-playwright')[1].environmentInfo));`;
    const run = spawnSync(
      process.execPath,
      ['--import', import.meta.resolve('tsx'), '--input-type=module', '-e', script],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          CARDWATCH_ENV_FILE: '/dev/null',
          TARGET: 'sandbox',
          TARGET_PROFILE: 'targets/mock-sandbox.ts',
          SANDBOX_PASSWORD: 'not-used-here-1',
          MOCK_PORT_BASE: '4695',
          REPORTS_DIR: '/tmp/cw-local-server-notice',
          BDD_OUTPUT_DIR: '.features-gen-local-server-notice',
        },
        encoding: 'utf8',
      },
    );
    assert.equal(run.status, 0, run.stderr);
    assert.match(
      run.stderr,
      /\[target\] http:\/\/127\.0\.0\.1:4695\/healthz does not answer: this run starts the profile's localServer \(npx tsx scripts\/mock-sandbox\.ts\)/,
    );
    const info = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    assert.match(
      info['target server'],
      /^started by this run: npx tsx scripts\/mock-sandbox\.ts \(http:\/\/127\.0\.0\.1:4695\/healthz did not answer\)$/,
    );
  });
});
