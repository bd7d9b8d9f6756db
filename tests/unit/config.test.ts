import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../support/config.ts';
import { ConfigError } from '../../support/env.ts';

describe('config', () => {
  it('defaults to the mock target, headless', () => {
    const cfg = loadConfig({});
    assert.equal(cfg.TARGET, 'mock');
    assert.equal(cfg.HEADLESS, true);
    assert.equal(cfg.MOCK_PORT_BASE, 4310);
  });

  it('names every wrong variable, one line each', () => {
    assert.throws(
      () => loadConfig({ TARGET: 'bogus', HEADLESS: 'maybe', MOCK_PORT_BASE: '80' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.equal(error.problems.length, 3);
        assert.match(error.problems[0]!, /^TARGET: expected "mock" or "sandbox" \(got "bogus"\)/);
        assert.match(error.message, /HEADLESS: .*\(got "maybe"\)/);
        assert.match(error.message, /MOCK_PORT_BASE: .*\(got "80"\)/);
        return true;
      },
    );
  });

  it('reads an empty value (`NAME=` in .env) as not set: the default applies, no error', () => {
    const cfg = loadConfig({ MOCK_PORT_BASE: '', HEADLESS: '', REPORTS_DIR: '', TARGET: '' });
    assert.equal(cfg.MOCK_PORT_BASE, 4310);
    assert.equal(cfg.HEADLESS, true);
    assert.equal(cfg.REPORTS_DIR, 'reports');
    assert.equal(cfg.TARGET, 'mock');
  });

  it('reads booleans the way people write them', () => {
    assert.equal(loadConfig({ HEADLESS: 'false' }).HEADLESS, false);
    assert.equal(loadConfig({ HEADLESS: '0' }).HEADLESS, false);
    assert.equal(loadConfig({ HEADLESS: 'yes' }).HEADLESS, true);
  });
});
