// The one spawn helper (scripts/lib/run.ts) and the pipeline's clean-up of what a run leaves behind
// (scripts/lib/artefacts.ts): output filtered line by line, a timeout stops the whole process group,
// and every artefact is redacted, single files (Playwright's JSON, logs) and trace zips included.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import AdmZip from 'adm-zip';
import { redactArtefacts, RUN_ARTEFACTS } from '../../scripts/lib/artefacts.ts';
import { takeTags } from '../../scripts/lib/pipeline.ts';
import { runChild, startChild } from '../../scripts/lib/run.ts';
import { redactText, scanTree } from '../../support/redact.ts';
import type { SecretSet } from '../../support/secrets.ts';

const CARD = '4111 1111 1111 1111';
const PASSWORD = "Kata Sandi!'()~*&=+%9";
const SET: SecretSet = { passwords: [PASSWORD], cardNumbers: [], cvcs: [] };

const collector = () => {
  let text = '';
  return {
    sink: { write: (t: string) => (text += t) } as unknown as NodeJS.WritableStream,
    text: () => text,
  };
};

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the spawn helper', () => {
  it('passes whole lines through the filter to every sink, and keeps the tail', async () => {
    const out = collector();
    const script = `process.stdout.write('card ${CARD.slice(0, 7)}'); setTimeout(() => console.log('${CARD.slice(7)} and ${PASSWORD.replace(/'/g, "\\'")}'), 50)`;
    const exit = await runChild(process.execPath, ['-e', script], {
      output: { stdout: [out.sink], stderr: [out.sink], filter: (t) => redactText(t, SET), capture: true },
    });
    assert.equal(exit.code, 0);
    assert.doesNotMatch(out.text(), /4111|Kata Sandi/, out.text());
    assert.match(out.text(), /^card .*1111 and \[REDACTED\]\n$/);
    assert.equal(exit.stdout, out.text());
  });

  it('stops the whole process group on timeout: SIGINT first, the grandchild too', async () => {
    const script =
      "const c = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }); console.log(c.pid); setInterval(() => {}, 1000)";
    const child = startChild(process.execPath, ['-e', script], {
      output: { stdout: [], stderr: [], capture: true },
      timeoutMs: 1_500,
      graceMs: 2_000,
    });
    const exit = await child.exited;
    assert.equal(exit.timedOut, true);
    assert.equal(exit.signal, 'SIGINT');
    assert.equal(exit.code, 130);
    const grandchild = Number(exit.stdout.trim());
    assert.ok(grandchild > 0, exit.stdout);
    for (let i = 0; i < 20 && alive(grandchild); i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(alive(grandchild), false, 'the grandchild got the signal with its group');
  });

  it('takes --tags off a command line, whatever its spelling', () => {
    assert.deepEqual(takeTags(['--project=desktop', '--tags', '@a and @b', 'f.feature']), {
      tags: '@a and @b',
      args: ['--project=desktop', 'f.feature'],
    });
    assert.deepEqual(takeTags(['--tags=@smoke', '-p', 'id']).tags, '@smoke');
    assert.deepEqual(takeTags(['-t', 'not @wip']).tags, 'not @wip');
    assert.equal(takeTags(['--tags', '@a', '-t', 'not @b']).tags, '(@a) and (not @b)', 'more than once: all');
  });
});

describe('redaction of what a run leaves behind', () => {
  it('covers every artefact: folders, single files and trace zips, on any target', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-artefacts-'));
    try {
      const body = `{"title":"Fill \\"${CARD}\\"","password":"${encodeURIComponent(PASSWORD)}","n":"4111111111111111"}`;
      mkdirSync(join(dir, 'allure-results'));
      writeFileSync(join(dir, 'allure-results', 'a-result.json'), body);
      mkdirSync(join(dir, 'test-results', 'x'), { recursive: true });
      const zip = new AdmZip();
      zip.addFile('trace.trace', Buffer.from(body));
      zip.writeZip(join(dir, 'test-results', 'x', 'trace.zip'));
      mkdirSync(join(dir, 'cucumber'));
      writeFileSync(join(dir, 'cucumber', 'messages.ndjson'), body);
      for (const file of ['playwright-results.json', 'janitor.jsonl', 'suite.log'])
        writeFileSync(join(dir, file), body);
      assert.ok(
        RUN_ARTEFACTS.every((part) => existsSync(join(dir, part))),
        'one of each artefact',
      );

      const before = scanTree(dir, SET).leaks;
      assert.ok(before.length >= RUN_ARTEFACTS.length, 'planted: found before');
      const changed = redactArtefacts(dir, SET);
      assert.equal(changed, RUN_ARTEFACTS.length);
      assert.deepEqual(
        scanTree(dir, SET).leaks.map((l) => `${l.kind} in ${l.file}`),
        [],
      );
      assert.match(readFileSync(join(dir, 'playwright-results.json'), 'utf8'), /1111/, 'last 4 stay');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('redacts the folders a run keeps across runs (the drift store: aria snapshots hold text-field values)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-artefacts-'));
    const drift = join(dir, 'elsewhere', 'drift');
    try {
      mkdirSync(join(drift, 'mock', 'en'), { recursive: true });
      const snapshot = join(drift, 'mock', 'en', 'wallet.yml');
      writeFileSync(snapshot, `- textbox "Card number": ${CARD}\n- textbox "Password": ${PASSWORD}\n`);
      assert.equal(redactArtefacts(dir, SET), 0, 'not under REPORTS_DIR: untouched without kept');
      assert.equal(redactArtefacts(dir, SET, [drift]), 1);
      assert.deepEqual(scanTree(drift, SET).leaks, []);
      assert.match(readFileSync(snapshot, 'utf8'), /1111/, 'last 4 stay');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
