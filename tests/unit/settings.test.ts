import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadMonitorConfig } from '../../monitor/config.ts';
import { loadConfig, settingsProblems } from '../../support/config.ts';
import { ConfigError } from '../../support/env.ts';

describe('unknown cardwatch variables (a typo is never ignored silently)', () => {
  it('names a misspelled variable and the closest known name, one line each', () => {
    const { errors, warnings } = settingsProblems({
      MONITOR_CORN: '*/5 * * * *',
      MOCK_SKN: 'b',
      PATH: '/bin',
    });
    assert.deepEqual(errors, []);
    assert.deepEqual(warnings, [
      'MOCK_SKN is not a cardwatch setting; did you mean MOCK_SKIN?',
      'MONITOR_CORN is not a cardwatch setting; did you mean MONITOR_CRON?',
    ]);
  });

  it('leaves known names, other prefixes and profile variables (SANDBOX_*) alone', () => {
    const env = {
      MONITOR_CRON: '0 2 * * *',
      MOCK_DB: ':memory:',
      MOCK_CONTROL: 'off',
      CARDWATCH_TAGS: '@smoke',
      CARDWATCH_ENV_FILE: '/tmp/x.env',
      SANDBOX_EN_CVC: '123',
      NW_ACCOUNTS: 'a@b.c',
      ALLURE_RESULTS_DIR: 'x',
    };
    assert.deepEqual(settingsProblems(env), { errors: [], warnings: [] });
  });

  it('the monitor refuses an unknown MONITOR_ variable (its schema is closed) and lists it with the others', () => {
    assert.throws(
      () => loadMonitorConfig({ MONITOR_CORN: '*/5 * * * *', MONITOR_PORT: '80' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.ok(
          error.problems.includes('MONITOR_CORN is not a cardwatch setting; did you mean MONITOR_CRON?'),
        );
        assert.ok(error.problems.some((p) => p.startsWith('MONITOR_PORT:')));
        return true;
      },
    );
    // the suite alone (npm run e2e) only warns: MONITOR_ settings do not change a suite run
    assert.equal(loadConfig({ MONITOR_CORN: '*/5 * * * *' }).TARGET, 'mock');
  });

  it('a typo in .env is warned about once on stderr by the suite and refused by the monitor (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-settings-'));
    writeFileSync(join(dir, '.env'), 'MONITOR_CORN=*/5 * * * *\nMOCK_FAUTLS=remove-noop\n');
    const root = join(import.meta.dirname, '..', '..');
    const script = `import { loadConfig } from '${join(root, 'support/config.ts')}'; loadConfig(); loadConfig();`;
    const env = { PATH: process.env.PATH, HOME: process.env.HOME };
    const suite = spawnSync(
      process.execPath,
      ['--import', import.meta.resolve('tsx'), '--input-type=module', '-e', script],
      {
        cwd: dir,
        env,
        encoding: 'utf8',
      },
    );
    assert.equal(suite.status, 0, suite.stderr);
    assert.equal(
      suite.stderr.trim(),
      [
        'cardwatch: warning: MOCK_FAUTLS is not a cardwatch setting; did you mean MOCK_FAULTS?',
        'cardwatch: warning: MONITOR_CORN is not a cardwatch setting; did you mean MONITOR_CRON?',
      ].join('\n'),
    );
    const monitor = `import { loadMonitorConfig } from '${join(root, 'monitor/config.ts')}'; try { loadMonitorConfig(); } catch (e) { console.error(e.message); process.exit(2); }`;
    const run = spawnSync(
      process.execPath,
      ['--import', import.meta.resolve('tsx'), '--input-type=module', '-e', monitor],
      {
        cwd: dir,
        env,
        encoding: 'utf8',
      },
    );
    assert.equal(run.status, 2);
    assert.match(run.stderr, /- MONITOR_CORN is not a cardwatch setting; did you mean MONITOR_CRON\?/);
  });
});
