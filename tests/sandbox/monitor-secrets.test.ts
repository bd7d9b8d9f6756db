// The nightly path leaks no secret (issue #12.5): `monitor --once` with TARGET=sandbox against the mock
// in sandbox posture, a removal that fails (MOCK_FAULTS=remove-noop keeps the card, so R3 fails and keeps
// its trace), TRACE=on, and a password with a space and ! ' ( ) ~ * & = + %. Then the whole reports
// folder the monitor writes (run folders, traces unzipped, Allure results, state, suite.log) and its
// console are searched in every spelling the redactor knows: 0 passwords, 0 CVCs, 0 full card numbers.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { auditLines, filesNamed, runToEnd, sandboxEnv } from './harness.ts';

const portBase = process.env.MONITOR_SECRETS_PORT_BASE ?? '5940';
const reportsDir = mkdtempSync(join(tmpdir(), 'cw-monitor-secrets-'));
let run: { code: number | null; output: string };

describe('monitor --once on a sandbox leaks no secret', { timeout: 600_000 }, () => {
  before(async () => {
    const env = sandboxEnv(portBase, reportsDir, {
      MOCK_FAULTS: 'remove-noop',
      MONITOR_GREP: '@proc:R3',
      MONITOR_RETRIES: '0',
      MONITOR_PORT: String(Number(portBase) + 20),
      BDD_OUTPUT_DIR: '.features-gen-monitor-secrets',
    });
    run = await runToEnd('npx', ['tsx', 'monitor/main.ts', '--once'], env, reportsDir);
  });
  after(() => {
    if (!process.env.KEEP_SECRETS_TEST_REPORTS) rmSync(reportsDir, { recursive: true, force: true });
  });

  it('ran the cycle: the removal failed (exit 1, a procedure down) and the run kept traces and results', () => {
    assert.equal(run.code, 1, run.output.slice(-3000));
    const traces = filesNamed(reportsDir, (n) => n.endsWith('.zip'));
    assert.ok(traces.length >= 1, `trace zips: ${traces.length}\n${run.output.slice(-2000)}`);
    assert.ok(filesNamed(reportsDir, (n) => n.endsWith('-result.json')).length >= 1, 'Allure results');
  });

  it('finds 0 passwords, CVCs and full card numbers in the whole reports folder and the console', () => {
    const { files, lines } = auditLines(reportsDir);
    assert.ok(files > 20, `files searched: ${files}`);
    assert.deepEqual(lines, [], `searched ${files} files (zip members included)`);
  });
});
