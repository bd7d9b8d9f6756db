// The Allure report's environment names the browser by its version (new user's finding 6: it said
// "browser: CHROMIUM_PATH", where the binary was found, not what it is).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { describeBrowser } from '../../support/browser.ts';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'cw-report-env-'));
const fakeChromium = join(dir, 'chromium');
writeFileSync(
  fakeChromium,
  '#!/bin/sh\n[ "$1" = --version ] && echo "Chromium 999.0.1234.5" && exit 0\nexit 1\n',
);
chmodSync(fakeChromium, 0o755);

describe("the report environment's browser", () => {
  it("is the binary's own --version line and where it was found", () => {
    const choice = { source: 'CHROMIUM_PATH', executablePath: fakeChromium, path: fakeChromium } as const;
    assert.equal(describeBrowser({}, choice), `Chromium 999.0.1234.5 (CHROMIUM_PATH: ${fakeChromium})`);
    const mute = { source: 'CHROMIUM_PATH', executablePath: '/bin/false', path: '/bin/false' } as const;
    assert.match(describeBrowser({}, mute), /^Chromium, version unknown: .*\(CHROMIUM_PATH: \/bin\/false\)$/);
    assert.match(describeBrowser({ BROWSER_WS_ENDPOINT: 'ws://127.0.0.1:3000/' }, choice), /browser server/);
  });

  it('is what playwright.config.ts hands allure-playwright as environmentInfo', () => {
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
          CHROMIUM_PATH: fakeChromium,
          MOCK_PORT_BASE: '4690',
          REPORTS_DIR: join(dir, 'reports'),
          BDD_OUTPUT_DIR: '.features-gen-report-env-test',
        },
        encoding: 'utf8',
      },
    );
    assert.equal(run.status, 0, run.stderr);
    const info = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    assert.equal(info.browser, `Chromium 999.0.1234.5 (CHROMIUM_PATH: ${fakeChromium})`);
  });
});
