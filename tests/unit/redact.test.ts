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
import {
  classify,
  GENERATED_PASSWORD_ENV,
  generatedPassword,
  newPaymentPassword,
  otherPaymentPassword,
  PAYMENT_PASSWORD_ENV,
  paymentPassword,
  runSecrets,
  Secret,
} from '../../support/secrets.ts';

/** The issue's password: a space and ! ' ( ) ~ * & = + % (form encoding differs from encodeURIComponent). */
const PASSWORD = "Pa ss!'()~*&=+%w0rd";
/** A password JSON and HTML escape: quotes, a backslash, non-ASCII. */
const PASSWORD_ESCAPED = 'Kata "Sandi"\\é<2026>';
const KNOWN_CARD = '4012888888881881';
const CVC = '918';
/** A full card number the run does not know (a random test card): masked by the Luhn rule alone. */
const OTHER_CARD = '5425233430109903';
/** A wallet payment password as the run makes them (support/secrets.ts newPaymentPassword): 0, 1-9, 4 digits. */
const PIN = '072519';
const SET = classify([PASSWORD, PASSWORD_ESCAPED, KNOWN_CARD, CVC, PIN]);

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
    // every character \u-escaped, letters and digits too (a serializer that escapes everything)
    {
      name: 'JSON-escaped',
      text: [...value].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
    },
    // every character percent-encoded, hex in mixed case (a client that encodes unreserved ones too)
    {
      name: 'encodeURIComponent',
      text: [...Buffer.from(value, 'utf8')]
        .map((b, i) => `%${b.toString(16).padStart(2, '0')[i % 2 ? 'toUpperCase' : 'toLowerCase']()}`)
        .join(''),
    },
  );
  // the name the audit gives a text: the first spelling that writes it so (JSON leaves PASSWORD as it is);
  // each text once (digits are the same in most spellings)
  return [...new Map(list.map(({ name, text }) => [text, name])).entries()].map(([text, name]) => ({
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
    ['wallet payment password (6 digits, a PIN)', PIN],
  ] as const)
    for (const { name, text } of plantedSpellings(value))
      it(`${label}, ${name}: ${text}`, () => {
        const dir = runFolder();
        const files = plant(dir, text);
        const kind = value === PIN ? 'PIN' : 'password';
        const before = leaksIn(dir).filter((l) => l.kind === kind);
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
    for (const value of [PASSWORD, PASSWORD_ESCAPED, PIN])
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

describe('the wallet payment password (a PIN: 6 digits)', () => {
  it('is masked where it stands alone, never inside another number, token or fraction', () => {
    const plain = JSON.stringify({
      duration: 72519, // the same digits as a number: JSON never writes a leading 0
      millis: 1764072519000,
      monotonic: 4072519.25,
      fraction: 0.072519,
      script: 'linearize(B) * .072519; m = [-.072519, 1,072519]', // page scripts in a trace
      time: '10:07:25.072519',
      sha1: 'ab072519cd3f0f4a30bbefd72b75f682e2706967',
      port: 4590,
      longer: '0725190',
    });
    assert.equal(redactText(plain, SET), plain);
    assert.deepEqual(countLeaks(plain, SET, 'f'), []);
    const typed = `{"value":"${PIN}"} pin=${PIN}&x=1 <input value="${PIN}"> \\n${PIN}\\n %22${PIN}%22 \r\n${PIN}\r\n`;
    assert.equal(
      redactText(typed, SET),
      '{"value":"[REDACTED]"} pin=[REDACTED]&x=1 <input value="[REDACTED]"> \\n[REDACTED]\\n %22[REDACTED]%22 \r\n[REDACTED]\r\n',
    );
    assert.equal(
      countLeaks(typed, SET, 'f').reduce((n, l) => n + l.count, 0),
      6,
    );
  });

  it('comes from CARDWATCH_PAYMENT_PASSWORD (made once per run), with its mismatching twin, both secrets', () => {
    const env: NodeJS.ProcessEnv = {};
    assert.deepEqual(runSecrets(env, { only: 'given' }), [], 'the audit registers only what it is given');
    assert.deepEqual(runSecrets(env), [GENERATED_PASSWORD_ENV, PAYMENT_PASSWORD_ENV]);
    const pin = paymentPassword(env).reveal();
    assert.match(pin, /^0[1-9]\d{4}$/);
    assert.equal(env[PAYMENT_PASSWORD_ENV], pin, 'children of this process type the same one');
    const other = otherPaymentPassword(env).reveal();
    assert.match(other, /^0[1-9]\d{4}$/);
    assert.notEqual(other, pin);
    assert.equal(other.slice(0, 5), pin.slice(0, 5));
    const set = classify(Secret.values());
    assert.ok(set.pins?.includes(pin) && set.pins.includes(other), 'classified as PINs, registered');
    assert.equal(String(paymentPassword(env)), `[secret ${PAYMENT_PASSWORD_ENV}]`);
    for (let i = 0; i < 200; i++) assert.match(newPaymentPassword(), /^0[1-9]\d{4}$/);
  });
});

describe('base64 wrapped over lines (MIME 76 columns, data: URLs)', () => {
  /** `text` base64-encoded and cut into lines of `width` joined by `brk`. */
  const wrap = (text: string, width: number, brk: string) =>
    Buffer.from(text)
      .toString('base64')
      .match(new RegExp(`.{1,${width}}`, 'g'))!
      .join(brk);
  /** The secret starts 3 bytes before the end of the first line (`width` characters hold width/4*3 bytes): cut in two. */
  const body = (secret: string, width: number) =>
    `${'typed on the form: '.padEnd((width / 4) * 3 - 3, '_')}${secret} -- end`;

  for (const [label, value, kind] of [
    ['password', PASSWORD, 'password'],
    ['payment password', PIN, 'PIN'],
    ['card number', OTHER_CARD, 'card number'],
  ] as const)
    for (const [where, width, make, read] of [
      [
        'an e-mail saved as attachment (CRLF)',
        76,
        (b: string) => `Subject: x\r\nContent-Transfer-Encoding: base64\r\n\r\n${wrap(b, 76, '\r\n')}\r\n`,
        (t: string) => t.split('\r\n\r\n')[1]!.split('\r\n'),
      ],
      [
        'an e-mail inside a JSON string (\\r\\n escaped)',
        76,
        (b: string) =>
          JSON.stringify({ raw: `Content-Transfer-Encoding: base64\r\n\r\n${wrap(b, 76, '\r\n')}\r\n` }),
        (t: string) => JSON.parse(t).raw.split('\r\n\r\n')[1].split('\r\n'),
      ],
      [
        'a data: URL broken with newlines',
        40,
        (b: string) => `<img src="data:text/plain;base64,${wrap(b, 40, '\n')}">`,
        (t: string) => t.split(',')[1]!.split('"')[0]!.split('\n'),
      ],
      [
        'a data: URL percent-encoded with %0A',
        60,
        (b: string) => `url=data%3Atext%2Fplain%3Bbase64%2C${wrap(b, 60, '%0A')}&x=1`,
        (t: string) => t.split('%2C')[1]!.split('&')[0]!.split('%0A'),
      ],
    ] as const)
      it(`${label} cut across lines of ${where}`, () => {
        const text = make(body(value, width));
        const lines = read(text).filter(Boolean);
        // the secret is in no single line's base64: each line decodes on its own to a part of it
        for (const line of lines)
          assert.ok(!Buffer.from(line, 'base64').toString('latin1').includes(value), 'cut in two');
        assert.ok(Buffer.from(lines.join(''), 'base64').toString().includes(value), 'whole when joined');
        const found = countLeaks(text, SET, 'f').filter((l) => l.kind === kind);
        assert.deepEqual(
          found.map((l) => [l.spelling, l.count]),
          [['base64 wrapped(raw)', 1]],
        );
        const clean = redactText(text, SET);
        assert.deepEqual(countLeaks(clean, SET, 'f'), [], clean);
        // still a body wrapped at the same width, decoding to the text with the mask in the secret's place
        const after = read(clean).filter(Boolean);
        assert.ok(after.slice(0, -1).every((l: string) => l.length === lines[0]!.length));
        assert.match(
          Buffer.from(after.join(''), 'base64').toString(),
          /typed on the form: _*(\[REDACTED\]|•••• 9903) -- end$/,
        );
      });

  it('leaves ordinary lines of words and a wrapped body without secrets untouched', () => {
    const text = `Running1234\nabcdefghijklmnop\n${wrap('nothing secret in here at all, just words and 0725190 and 1.072519', 76, '\r\n')}\r\n`;
    assert.equal(redactText(text, SET), text);
    assert.deepEqual(countLeaks(text, SET, 'f'), []);
  });
});

describe('bodies a browser sends, as a trace records them', () => {
  it('multipart/form-data: found raw in the trace, and in its base64 HAR postData; removed from both', () => {
    const dir = runFolder();
    const multipart = [
      '------WebKitFormBoundaryx1Y2z3',
      'Content-Disposition: form-data; name="password"',
      '',
      PASSWORD,
      '------WebKitFormBoundaryx1Y2z3',
      'Content-Disposition: form-data; name="paymentPassword"',
      '',
      PIN,
      '------WebKitFormBoundaryx1Y2z3--',
      '',
    ].join('\r\n');
    const zip = new AdmZip();
    // a HAR entry (trace.network) with the body as text, and one with it base64-encoded
    zip.addFile(
      '0-trace.network',
      Buffer.from(
        [
          { snapshot: { request: { postData: { mimeType: 'multipart/form-data', text: multipart } } } },
          {
            snapshot: {
              request: { postData: { encoding: 'base64', text: Buffer.from(multipart).toString('base64') } },
            },
          },
        ]
          .map((e) => JSON.stringify({ type: 'resource-snapshot', ...e }))
          .join('\n'),
      ),
    );
    const trace = join(dir, 'test-results', 'scenario', 'trace.zip');
    writeFileSync(trace, zip.toBuffer());
    const before = leaksIn(dir).map((l) => `${l.kind} ${l.spelling} x${l.count}`);
    assert.deepEqual(before.sort(), [
      'PIN base64(raw) x1',
      'PIN raw x1',
      'password base64(raw) x1',
      'password raw x1',
    ]);
    redactTree(dir, SET);
    assert.deepEqual(leaksIn(dir), []);
    const lines = new AdmZip(trace)
      .readAsText('0-trace.network')
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.match(lines[0].snapshot.request.postData.text, /name="password"\r\n\r\n\[REDACTED\]\r\n/);
    assert.match(
      Buffer.from(lines[1].snapshot.request.postData.text, 'base64').toString(),
      /name="paymentPassword"\r\n\r\n\[REDACTED\]\r\n/,
    );
  });
});
