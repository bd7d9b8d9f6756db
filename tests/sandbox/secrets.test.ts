// Secrets never leave the run: sandbox mode against the mock in sandbox posture with known secret values
// (a password with a space and ! ' ( ) ~ * & = + %, a generated password, 9 full card numbers, a CVC), traces on for every scenario (pool accounts, a second buyer,
// a sign-up with captcha and mail among them) and one scenario made to fail
// with a card number typed in the form (fault link-unticked). Then every artefact is searched: console
// output, allure-results with attachments, the Allure report, Playwright's JSON and test-results, the
// janitor log, every trace zip unzipped (zips inside zips too), base64 included. 0 occurrences.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import AdmZip from 'adm-zip';
import { countLeaks, scanTree } from '../../support/redact.ts';
import {
  auditLines,
  CVC,
  filesNamed,
  MASTERCARD,
  PASSWORD,
  runToEnd,
  SECRETS,
  sandboxEnv,
  VISA,
} from './harness.ts';

const portBase = process.env.SECRETS_TEST_PORT_BASE ?? '5910';
const reportsDir = mkdtempSync(join(tmpdir(), 'cw-secrets-'));
let output = '';
let exitCode: number | null = null;

function runSandboxSuite(): Promise<{ code: number | null; output: string }> {
  const env = sandboxEnv(portBase, reportsDir, {
    MOCK_FAULTS: 'link-unticked',
    BDD_OUTPUT_DIR: '.features-gen-secrets-test',
  });
  // L1 (fails: card typed), R3 + privacy (second pool account), R4, R2 (sign-up, captcha, inbox)
  return runToEnd(
    'npx',
    [
      'tsx',
      'scripts/e2e.ts',
      '--grep',
      '@proc:L1|@proc:R3|@proc:R4|@proc:R2 @fact:F5',
      '--grep-invert',
      '@mock-only|@needs:clock',
    ],
    env,
    reportsDir,
  );
}

describe('sandbox mode leaks no secret', { timeout: 600_000 }, () => {
  before(async () => {
    ({ code: exitCode, output } = await runSandboxSuite());
  });
  after(() => {
    if (!process.env.KEEP_SECRETS_TEST_REPORTS) rmSync(reportsDir, { recursive: true, force: true });
  });

  it('ran: scenarios passed, the faulted one failed with a card typed, and left traces and a report', () => {
    assert.match(output, /\d+ passed/, output.slice(-3000));
    assert.match(output, /1 failed/, 'the link-unticked fault makes the L1 scenario fail');
    assert.equal(exitCode, 1);
    const traces = filesNamed(reportsDir, (n) => n.endsWith('.zip'));
    assert.ok(traces.length >= 3, `trace zips found: ${traces.length}`);
    assert.ok(filesNamed(join(reportsDir, 'allure-results'), (n) => n.endsWith('-result.json')).length >= 3);
    assert.ok(
      filesNamed(reportsDir, (n) => n === 'error-context.md').length >= 1,
      'a failure wrote its page snapshot',
    );
    assert.ok(filesNamed(join(reportsDir, 'allure-report'), (n) => n.endsWith('.html')).length >= 1);
  });

  it('finds 0 passwords, card numbers and CVCs in every artefact, traces unzipped, and the console', () => {
    const { files, lines } = auditLines(reportsDir);
    assert.ok(files > 20, `files searched: ${files}`);
    assert.deepEqual(lines, [], `searched ${files} files`);
  });

  it('keeps no pictures of typed text: trace frames off, failure screenshot taken with inputs masked', () => {
    for (const zip of filesNamed(reportsDir, (n) => n.endsWith('.zip'))) {
      const frames = new AdmZip(zip).getEntries().filter((e) => /\.(jpe?g|png)$/i.test(e.entryName));
      assert.equal(frames.length, 0, `${zip} holds ${frames.length} screenshots`);
    }
    const results = filesNamed(join(reportsDir, 'allure-results'), (n) => n.endsWith('-result.json')).map(
      (f) => readFileSync(f, 'utf8'),
    );
    assert.ok(results.some((r) => r.includes('screenshot (inputs masked)')));
  });

  it('can fail: the same search finds each secret wherever it hides', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-leak-'));
    try {
      const inner = new AdmZip();
      inner.addFile(
        'trace.network',
        Buffer.from(`cardNumber=${VISA[0]!.replace(/(\d{4})/g, '$1+')}&cvc=${CVC}&x=1`),
      );
      const outer = new AdmZip();
      outer.addFile('nested.zip', inner.toBuffer());
      writeFileSync(join(dir, 'attachment.zip'), outer.toBuffer());
      writeFileSync(join(dir, 'step.json'), JSON.stringify({ name: `Fill "${PASSWORD}"` }));
      writeFileSync(
        join(dir, 'report.html'),
        `<script>d="${Buffer.from(`..${MASTERCARD[1]}..`).toString('base64')}"</script>`,
      );
      const kinds = scanTree(dir, SECRETS).leaks.map((l) => l.kind);
      assert.deepEqual(kinds.sort(), ['CVC', 'card number', 'card number', 'password']);
      assert.equal(countLeaks('"duration":918,"start":1918', SECRETS, 'x').length, 0, 'numbers are not CVCs');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
