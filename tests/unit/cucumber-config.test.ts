import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { withReportsDir } from '../../scripts/lib/cucumber-config.ts';

const profiles = JSON.parse(readFileSync('cucumber.json', 'utf8')) as Record<string, Record<string, unknown>>;

describe('cucumber.json', () => {
  it('has the default, smoke and nightly profiles, each loading the one adapter folder', () => {
    for (const name of ['default', 'smoke', 'nightly']) {
      assert.deepEqual(profiles[name]?.import, ['fixtures/cucumber/*.ts'], name);
      assert.equal(
        profiles[name]?.paths,
        undefined,
        `${name}: paths on the command line must select features`,
      );
    }
    assert.equal(profiles.smoke?.tags, '@smoke');
    assert.ok((profiles.nightly?.retry as number) > 0 && profiles.nightly?.retryTagFilter);
  });

  it('writes every output under reports/, which stands for REPORTS_DIR', () => {
    const moved = JSON.stringify(withReportsDir(profiles, '../tmp/cw-x/'));
    assert.doesNotMatch(moved, /"reports\//);
    assert.match(moved, /\["html","\.\.\/tmp\/cw-x\/cucumber\/report\.html"\]/);
    assert.match(moved, /"resultsDir":"\.\.\/tmp\/cw-x\/allure-results"/);
    assert.match(moved, /"paths":\["\.\.\/tmp\/cw-x\/cucumber\/@rerun\.txt"\]/);
  });

  it('leaves formatter names and tag expressions alone', () => {
    assert.deepEqual(
      withReportsDir({ format: ['progress', ['rerun', 'reports/x.txt']], tags: '@smoke' }, 'out'),
      {
        format: ['progress', ['rerun', 'out/x.txt']],
        tags: '@smoke',
      },
    );
  });
});
