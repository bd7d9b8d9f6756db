// Redaction and its audit on planted artefacts: each spelling of a secret (support/redact.ts SPELLINGS,
// plus lower-case hex, numeric HTML entities, \uXXXX and base64 of a recorded body) in each kind of
// artefact a run leaves (Allure result JSON, an attachment, a trace zip member, a console log line).
// The audit must find every one, the redactor must remove every one (the audit then finds 0), and
// plain numbers (ids, timestamps, non-Luhn digits, fractions, hashes) must come through untouched.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import AdmZip from 'adm-zip';
import { countLeaks, redactText, redactTree, SPELLINGS, scanTree } from '../../support/redact.ts';
import { classify, GENERATED_PASSWORD_ENV, generatedPassword, Secret } from '../../support/secrets.ts';

/** The issue's password: a space and ! ' ( ) ~ * & = + % (form encoding differs from encodeURIComponent). */
const PASSWORD = "Pa ss!'()~*&=+%w0rd";
/** A password JSON and HTML escape: quotes, a backslash, non-ASCII. */
const PASSWORD_ESCAPED = 'Kata "Sandi"\\é<2026>';
const KNOWN_CARD = '4012888888881881';
const CVC = '918';
/** A full card number the run does not know (a random test card): masked by the Luhn rule alone. */
const OTHER_CARD = '5425233430109903';
const SET = classify([PASSWORD, PASSWORD_ESCAPED, KNOWN_CARD, CVC]);

const nonAlnum = (c: string) => !/[A-Za-z0-9]/.test(c);
/** Every spelling of a value that an artefact may hold, by the name the audit reports it under. */
function plantedSpellings(value: string): { name: string; text: string }[] {
  const list = SPELLINGS.map((s) => ({ name: s.name, text: s.encode(value) }));
  const form = SPELLINGS.find((s) => s.name === 'form-urlencoded')!.encode(value);
  list.push(
    { name: 'form-urlencoded', text: form.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()) },
    {
      name: 'HTML entities',
      text: [...value].map((c) => (nonAlnum(c) ? `&#${c.codePointAt(0)};` : c)).join(''),
    },
    {
      name: 'HTML entities',
      text: [...value].map((c) => (nonAlnum(c) ? `&#x${c.codePointAt(0)!.toString(16)};` : c)).join(''),
    },
    {
      name: 'JSON-escaped',
      text: [...value]
        .map((c) => (nonAlnum(c) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c))
        .join(''),
    },
  );
  // the name the audit gives a text: the first spelling that writes it so (JSON leaves PASSWORD as it is)
  return list.map(({ name, text }) => ({
    name: SPELLINGS.find((s) => s.encode(value) === text)?.name ?? name,
    text,
  }));
}

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function runFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cw-redact-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'allure-results'));
  mkdirSync(join(dir, 'test-results', 'scenario'), { recursive: true });
  return dir;
}

/** One artefact of each kind holding `text` the way a run writes it. */
function plant(
  dir: string,
  text: string,
): { result: string; attachment: string; trace: string; log: string } {
  const form = `_csrf=abc&email=qa%40example.test&password=${text}&next=`;
  const result = join(dir, 'allure-results', '1f0c-result.json');
  writeFileSync(
    result,
    JSON.stringify({
      name: 'Sign in',
      start: 1764489600123,
      steps: [{ name: `Fill "${text}"`, status: 'passed' }],
      attachments: [{ name: 'trace', source: '1f0c-attachment.zip', type: 'application/zip' }],
    }),
  );
  const attachment = join(dir, 'allure-results', '2a7d-attachment.txt');
  writeFileSync(attachment, `page text before\n${text}\npage text after\n`);
  const zip = new AdmZip();
  zip.addFile('resources/43c13f0f4a30bbefd72b75f682e2706967a63e19.dat', Buffer.from(form));
  zip.addFile(
    '0-trace.trace',
    Buffer.from(`${JSON.stringify({ type: 'before', method: 'fill', params: { value: text } })}\n`),
  );
  zip.addFile(
    '0-trace.network',
    Buffer.from(
      `${JSON.stringify({ type: 'resource-snapshot', snapshot: { request: { postData: { encoding: 'base64', text: Buffer.from(form).toString('base64') } } } })}\n`,
    ),
  );
  const trace = join(dir, 'test-results', 'scenario', 'trace.zip');
  writeFileSync(trace, zip.toBuffer());
  writeFileSync(join(dir, 'allure-results', '1f0c-attachment.zip'), zip.toBuffer());
  const log = join(dir, 'console.log');
  writeFileSync(
    log,
    `Running 1 test using 1 worker\n  Error: sign-in refused for password ${text}\n  1 failed\n`,
  );
  return { result, attachment, trace, log };
}

const leaksIn = (dir: string) => scanTree(dir, SET).leaks;

describe('redaction and audit: every spelling in every artefact', () => {
  for (const [label, value] of [
    ["password with a space and !'()~*&=+%", PASSWORD],
    ['password with quotes, a backslash, non-ASCII, <>', PASSWORD_ESCAPED],
  ] as const)
    for (const { name, text } of plantedSpellings(value))
      it(`${label}, ${name}: ${text}`, () => {
        const dir = runFolder();
        const files = plant(dir, text);
        const before = leaksIn(dir).filter((l) => l.kind === 'password');
        for (const [kind, file] of Object.entries(files))
          assert.ok(
            before.some((l) => l.file.startsWith(file)),
            `the audit finds the ${name} spelling in the ${kind} (${file}): ${JSON.stringify(before)}`,
          );
        assert.ok(
          before.some((l) => l.file === files.attachment && l.spelling === name),
          `reported as ${name}: ${JSON.stringify(before.filter((l) => l.file === files.attachment))}`,
        );
        assert.ok(
          before.some((l) => l.file.endsWith('0-trace.network') && l.spelling.startsWith('base64(')),
          'found inside the base64 body',
        );

        redactTree(dir, SET);
        assert.deepEqual(leaksIn(dir), [], 'the audit finds 0 after redaction');
        // the artefacts still work: JSON parses, the zip opens, its lines parse, the body decodes
        const result = JSON.parse(readFileSync(files.result, 'utf8'));
        assert.equal(result.steps[0].name, 'Fill "[REDACTED]"');
        assert.equal(result.start, 1764489600123);
        const zip = new AdmZip(files.trace);
        assert.equal(JSON.parse(zip.readAsText('0-trace.trace')).params.value, '[REDACTED]');
        const body = JSON.parse(zip.readAsText('0-trace.network')).snapshot.request.postData.text;
        assert.equal(
          Buffer.from(body, 'base64').toString(),
          '_csrf=abc&email=qa%40example.test&password=[REDACTED]&next=',
        );
        assert.match(
          readFileSync(files.log, 'utf8'),
          /^ {2}Error: sign-in refused for password \[REDACTED\]$/m,
        );
      });

  it('a console line is redacted as it streams (redactText), in every spelling', () => {
    for (const value of [PASSWORD, PASSWORD_ESCAPED])
      for (const { text } of plantedSpellings(value)) {
        const line = redactText(`[e2e] ${text} | "${text}"`, SET);
        assert.equal(line, '[e2e] [REDACTED] | "[REDACTED]"');
        assert.deepEqual(countLeaks(line, SET, 'console'), []);
      }
  });

  it('a mixture of spellings (form-encoded, then JSON-escaped) is still one hit, reported as mixed', () => {
    const text = 'Pa+ss%21\\u0027()~*&amp;=+%w0rd';
    assert.deepEqual(
      countLeaks(text, SET, 'f').map((l) => [l.kind, l.spelling]),
      [['password', 'mixed']],
    );
    assert.equal(redactText(text, SET), MASKED);
  });
});
const MASKED = '[REDACTED]';

describe('card numbers and CVCs', () => {
  it('masks any full card number to its last 4, contiguous or grouped, known or not, on any target', () => {
    const dir = runFolder();
    const typed = [
      OTHER_CARD,
      '5425 2334 3010 9903',
      '5425-2334-3010-9903',
      '5425+2334+3010+9903',
      '5425%202334%203010%209903',
      '3782 822463 10005', // Amex 4-6-5
      KNOWN_CARD,
    ];
    const files = plant(dir, typed.join(' | '));
    const before = leaksIn(dir).filter((l) => l.kind === 'card number');
    for (const file of Object.values(files))
      assert.ok(
        before.some((l) => l.file.startsWith(file)),
        `found in ${file}`,
      );
    redactTree(dir, SET);
    assert.deepEqual(leaksIn(dir), []);
    assert.match(
      readFileSync(files.attachment, 'utf8'),
      /•••• 9903 \| •••• 9903 \| •••• 9903 \| •••• 9903 \| •••• 9903 \| •••• 0005 \| •••• 1881/,
    );
    // with no known secret at all (the mock), the Luhn rule alone masks them
    assert.equal(redactText(`card ${OTHER_CARD}.`, classify([])), 'card •••• 9903.');
  });

  it('masks a CVC only where it stands as a value', () => {
    const text = `{"cvc":"${CVC}","duration":${CVC},"start":1${CVC}} cvc=${CVC}&x=1 Fill \\"${CVC}\\"`;
    assert.equal(
      redactText(text, SET),
      '{"cvc":"[REDACTED]","duration":918,"start":1918} cvc=[REDACTED]&x=1 Fill \\"[REDACTED]\\"',
    );
    assert.equal(countLeaks(text, SET, 'f')[0]?.count, 3);
  });

  it('leaves plain numbers alone: ids, timestamps, non-Luhn digits, fractions, hashes, other issuers', () => {
    const dir = runFolder();
    const plain = JSON.stringify({
      order: 'order_q3VxZ1l0N2xQbUtS',
      ticket: 'T-40128888',
      notLuhn: '4012888888881882',
      millis: 1764489600123,
      micros: '1764489600123456',
      fraction: 0.3999999999650754,
      wallTime: 1796024923353,
      sha1: '43c13f0f4a30bbefd72b75f682e2706967a63e19',
      digitsInHex: 'a4012888888881881b',
      issuer7: '7992739871300000', // Luhn-valid, but 7 is no card issuer
      duration: 918,
    });
    const file = join(dir, 'allure-results', 'plain-result.json');
    writeFileSync(file, plain);
    assert.deepEqual(redactTree(dir, SET), [], 'no file changed');
    assert.equal(readFileSync(file, 'utf8'), plain);
    assert.deepEqual(leaksIn(dir), []);
  });
});

describe('generated passwords are secrets', () => {
  it('come from CARDWATCH_GENERATED_PASSWORD, or are made once and shared through it', () => {
    const env: NodeJS.ProcessEnv = {};
    const made = generatedPassword(env);
    assert.equal(env[GENERATED_PASSWORD_ENV], made.reveal(), 'children of this process get the same one');
    assert.equal(generatedPassword(env).reveal(), made.reveal());
    assert.ok(Secret.values().includes(made.reveal()), 'registered for redaction');
    assert.equal(String(made), `[secret ${GENERATED_PASSWORD_ENV}]`);
    const given = generatedPassword({ [GENERATED_PASSWORD_ENV]: 'Given-by-the-pipeline!1' });
    assert.equal(given.reveal(), 'Given-by-the-pipeline!1');
    const set = classify(Secret.values());
    assert.equal(redactText(`password=${encodeURIComponent(made.reveal())}`, set), 'password=[REDACTED]');
  });
});
