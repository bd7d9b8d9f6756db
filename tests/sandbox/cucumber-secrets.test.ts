// Secrets never leave a cucumber-js run either (issue #12, the second runner): `npm run cucumber` with
// TARGET=sandbox against the mock in sandbox posture, TRACE=on, MOCK_FAULTS=remove-noop so R2 fails at its
// end and keeps a masked failure screenshot. The scenarios are tagged @needs:fresh-buyer (a buyer signed
// up through the sign-up page with the profile's accounts.signUp password, typed inside the scenario's
// session) and type the wallet's payment password (R2) and its mismatching twin. Then the whole reports
// folder (cucumber traces unzipped, Allure results and report, messages, console) is searched: 0 hits.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import AdmZip from 'adm-zip';
import { auditLines, filesNamed, PAYMENT_PASSWORD, runToEnd, sandboxEnv } from './harness.ts';

const portBase = process.env.CUCUMBER_SECRETS_PORT_BASE ?? '5870';
const reportsDir = mkdtempSync(join(tmpdir(), 'cw-cucumber-secrets-'));
let run: { code: number | null; output: string };

describe('cucumber-js on a sandbox leaks no secret', { timeout: 600_000 }, () => {
  before(async () => {
    const env = sandboxEnv(portBase, reportsDir, { MOCK_FAULTS: 'remove-noop' });
    run = await runToEnd(
      'npx',
      [
        'tsx',
        'scripts/cucumber.ts',
        '--tags',
        '@proc:R2 and @needs:fresh-buyer and @needs:inbox',
        '--name',
        'Open the wallet account|Two different',
      ],
      env,
      reportsDir,
    );
  });
  after(() => {
    if (!process.env.KEEP_SECRETS_TEST_REPORTS) rmSync(reportsDir, { recursive: true, force: true });
  });

  it('ran: the refusal passed, R2 typed the payment password and failed at the removal, traces kept', () => {
    assert.equal(run.code, 1, run.output.slice(-3000));
    assert.match(run.output, /2 scenarios \(1 failed, 1 passed\)/, run.output.slice(-3000));
    const traces = filesNamed(reportsDir, (n) => n.endsWith('.zip'));
    assert.ok(traces.length >= 2, `trace zips: ${traces.length}`);
    const typed = traces.some((t) =>
      new AdmZip(t).getEntries().some((e) => e.getData().toString('latin1').includes('/setup/security')),
    );
    assert.ok(typed, 'a trace recorded the security settings form being sent (the payment password typed)');
    assert.ok(!run.output.includes(PAYMENT_PASSWORD));
  });

  it('finds 0 passwords, PINs, CVCs and full card numbers in the whole reports folder and the console', () => {
    const { files, lines } = auditLines(reportsDir);
    assert.ok(files > 20, `files searched: ${files}`);
    assert.deepEqual(lines, [], `searched ${files} files`);
  });

  it('keeps no pictures of typed text: no trace frames, the failure screenshot taken with inputs masked', () => {
    for (const zip of filesNamed(reportsDir, (n) => n.endsWith('.zip'))) {
      const frames = new AdmZip(zip).getEntries().filter((e) => /\.(jpe?g|png)$/i.test(e.entryName));
      assert.equal(frames.length, 0, `${zip} holds ${frames.length} screenshots`);
    }
    // under cucumber-js the session's After hook attaches it: a container (fixture) of the result
    const results = filesNamed(join(reportsDir, 'allure-results'), (n) => n.endsWith('.json'));
    assert.ok(results.some((f) => readFileSync(f, 'utf8').includes('"screenshot (inputs masked)"')));
  });
});
