// CARDWATCH_ENV_FILE (new user's finding 6): another env file than ./.env, e.g. one per monitored target.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'cw-env-file-'));
writeFileSync(join(dir, '.env'), 'MOCK_PORT_BASE=4691\nREPORTS_DIR=from-dot-env\n');
writeFileSync(join(dir, 'nightly.env'), 'MOCK_PORT_BASE=4692\n');

/** Runs loadConfig() in a fresh process in `dir`; prints MOCK_PORT_BASE and REPORTS_DIR, or the error. */
function load(extra: Record<string, string>) {
  const script = `import { loadConfig } from '${join(root, 'support/config.ts')}';
try { const c = loadConfig(); console.log(c.MOCK_PORT_BASE, c.REPORTS_DIR); } catch (e) { console.error(e.message); process.exit(2); }`;
  return spawnSync(
    process.execPath,
    ['--import', import.meta.resolve('tsx'), '--input-type=module', '-e', script],
    {
      cwd: dir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...extra },
      encoding: 'utf8',
    },
  );
}

describe('CARDWATCH_ENV_FILE', () => {
  it('./.env by default', () => {
    assert.equal(load({}).stdout.trim(), '4691 from-dot-env');
  });

  it('the named file instead of ./.env (not merged with it); real variables still win', () => {
    assert.equal(load({ CARDWATCH_ENV_FILE: join(dir, 'nightly.env') }).stdout.trim(), '4692 reports');
    assert.equal(
      load({ CARDWATCH_ENV_FILE: join(dir, 'nightly.env'), MOCK_PORT_BASE: '4693' }).stdout.trim(),
      '4693 reports',
    );
  });

  it('a named file that is not there is a configuration error naming the variable', () => {
    const run = load({ CARDWATCH_ENV_FILE: join(dir, 'typo.env') });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /- CARDWATCH_ENV_FILE: no file at ".*typo\.env"/);
  });
});
