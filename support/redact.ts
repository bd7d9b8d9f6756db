// Redaction and its audit: one table of the ways a secret is spelled in an artefact (SPELLINGS), used by
// the redactor (redactText, redactBuffer, redactTree) and by the audit (countLeaks, scanTree) alike.
// Known secrets (passwords, the profile's card numbers and CVCs) are masked in every spelling; any other
// full card number (Luhn-valid, 13-19 digits, issuer digit 2-6) is masked to "•••• 1234" on every target.
import { isUtf8 } from 'node:buffer';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import AdmZip from 'adm-zip';
import type { SecretSet } from './secrets.ts';
import { luhnValid } from './test-cards.ts';

/** What a password or CVC becomes. */
export const MASK = '[REDACTED]';

/** What a full card number becomes: its last 4 stay, so reports stay readable. */
export const cardMask = (digits: string): string => `•••• ${digits.slice(-4)}`;

/** `PIN`: a password of digits only (the wallet's payment password), masked only where it stands alone. */
export type SecretKind = 'password' | 'card number' | 'CVC' | 'PIN';

/** One way an artefact writes a secret: `encode` gives its usual form, `char` every regex source one character may take. */
export interface Spelling {
  name: string;
  /** The value as this spelling usually writes it (what the tests plant; what base64 cores are made from). */
  encode(value: string): string;
  /** Regex sources, one of which stands for `c` in this spelling. */
  char(c: string): string[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Hex digits matching either case: "7e" -> "7[eE]". */
const hexAnyCase = (hex: string) => hex.replace(/[a-fA-F]/g, (d) => `[${d.toLowerCase()}${d.toUpperCase()}]`);
const utf8 = (c: string) => [...Buffer.from(c, 'utf8')];
const byteHex = (b: number) => b.toString(16).toUpperCase().padStart(2, '0');
/** `c` percent-encoded as UTF-8 bytes, upper-case hex as browsers write it. */
const percentOf = (c: string) =>
  utf8(c)
    .map((b) => `%${byteHex(b)}`)
    .join('');
/** Regex for `c` percent-encoded, hex in either case; `prefix` "%25" for twice-encoded. */
const percentRegex = (c: string, prefix = '%') =>
  utf8(c)
    .map((b) => `${prefix}${hexAnyCase(byteHex(b))}`)
    .join('');
/** UTF-16 code units of `c` as JSON's \uXXXX escapes. */
const unicodeEscapes = (c: string) =>
  [...Array(c.length).keys()].map((i) => c.charCodeAt(i).toString(16).padStart(4, '0'));

/** Characters `encodeURIComponent` leaves as they are. */
const URI_UNRESERVED = /^[A-Za-z0-9\-_.!~*'()]$/;
/** Characters application/x-www-form-urlencoded (as browsers write it) leaves as they are. */
const FORM_UNRESERVED = /^[A-Za-z0-9*\-._]$/;
/** JSON's short escapes. */
const JSON_SHORT: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '\n': 'n',
  '\r': 'r',
  '\t': 't',
  '\b': 'b',
  '\f': 'f',
  '/': '/',
};
/** HTML named entities for ASCII characters (HTML5). Any character may also be written &#N; or &#xH;. */
const HTML_NAMED: Record<string, string[]> = {
  '&': ['amp'],
  '<': ['lt'],
  '>': ['gt'],
  '"': ['quot'],
  "'": ['apos'],
  '!': ['excl'],
  '#': ['num'],
  $: ['dollar'],
  '%': ['percnt'],
  '(': ['lpar'],
  ')': ['rpar'],
  '*': ['ast', 'midast'],
  '+': ['plus'],
  ',': ['comma'],
  '.': ['period'],
  '/': ['sol'],
  ':': ['colon'],
  ';': ['semi'],
  '=': ['equals'],
  '?': ['quest'],
  '@': ['commat'],
  '[': ['lsqb', 'lbrack'],
  '\\': ['bsol'],
  ']': ['rsqb', 'rbrack'],
  '^': ['Hat'],
  _: ['lowbar', 'UnderBar'],
  '`': ['grave', 'DiacriticalGrave'],
  '{': ['lcub', 'lbrace'],
  '|': ['verbar', 'vert', 'VerticalLine'],
  '}': ['rcub', 'rbrace'],
  '~': ['tilde'],
  ' ': ['nbsp'],
};
/** Characters HTML escaping always replaces. */
const HTML_ESCAPED = /^[&<>]$/;
/** Backslashes of a JSON escape: one, or more when JSON-escaped text sits inside a JSON string. */
const JSON_BACKSLASH = '\\\\+';

/** Every spelling a secret takes in an artefact, besides base64 (bodies are decoded, see below). */
export const SPELLINGS: readonly Spelling[] = [
  {
    name: 'raw',
    encode: (v) => v,
    // as text; and as UTF-8 bytes read one byte per character (non-UTF-8 files are searched that way)
    char: (c) => [escapeRegExp(c), escapeRegExp(Buffer.from(c, 'utf8').toString('latin1'))],
  },
  {
    name: 'encodeURIComponent',
    encode: (v) => encodeURIComponent(v),
    // a character it leaves as it is may still be percent-encoded by another client ("%41" for "A")
    char: (c) => (URI_UNRESERVED.test(c) ? [escapeRegExp(c), percentRegex(c)] : [percentRegex(c)]),
  },
  {
    name: 'form-urlencoded',
    encode: (v) => [...v].map((c) => (c === ' ' ? '+' : FORM_UNRESERVED.test(c) ? c : percentOf(c))).join(''),
    char: (c) =>
      c === ' '
        ? ['\\+', percentRegex(c)]
        : FORM_UNRESERVED.test(c)
          ? [escapeRegExp(c), percentRegex(c)]
          : [percentRegex(c)],
  },
  {
    name: 'percent-encoded twice',
    encode: (v) => encodeURIComponent(encodeURIComponent(v)),
    char: (c) =>
      URI_UNRESERVED.test(c) ? [escapeRegExp(c)] : [percentRegex(c, '%25'), ...(c === ' ' ? ['%2[bB]'] : [])],
  },
  {
    name: 'JSON-escaped',
    encode: (v) => JSON.stringify(v).slice(1, -1),
    char: (c) => {
      const alts = [`${JSON_BACKSLASH}u${unicodeEscapes(c).map(hexAnyCase).join(`${JSON_BACKSLASH}u`)}`];
      const short = JSON_SHORT[c];
      if (short !== undefined) alts.push(`${JSON_BACKSLASH}${escapeRegExp(short)}`);
      if (short === undefined || c === '/') alts.push(escapeRegExp(c));
      return alts;
    },
  },
  {
    name: 'HTML entities',
    encode: (v) =>
      v
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;'),
    char: (c) => {
      const cp = c.codePointAt(0)!;
      const alts = [`&#0*${cp};`, `&#[xX]0*${hexAnyCase(cp.toString(16))};`];
      for (const name of HTML_NAMED[c] ?? []) alts.push(`&${name};`);
      if (!HTML_ESCAPED.test(c)) alts.push(escapeRegExp(c));
      return alts;
    },
  },
];

/** A secret's regexes: `any` matches every spelling (mixtures too), `each` tells which spelling a hit is. */
interface SecretPattern {
  kind: SecretKind;
  /** The value (for base64 cores and the card mask). */
  value: string;
  any: RegExp;
  each: { name: string; regex: RegExp }[];
  mask: string;
}

const group = (alts: string[]) => `(?:${[...new Set(alts)].join('|')})`;
/** Between a card number's digits: nothing, or one separator as typed or form-encoded. */
const DIGIT_SEPARATOR = '(?:[ +\\-\\u00a0]|%20)?';
/** A CVC is 3-4 digits: only where it stands as a value (quoted, after = or ": ", between tags), never inside a number. */
const CVC_BEFORE = `(?<=["'=>]|: |${JSON_BACKSLASH}")`;
const CVC_AFTER = '(?=["\'&<\\s\\\\]|$)';
/**
 * Around a card number: not inside a longer token (hex hashes, ids) nor a decimal fraction, but right
 * after a percent-escape (`%22`) or a backslash-escape (`\n`) is fine.
 */
const CARD_BEFORE = '(?<!\\d\\.)(?:(?<![0-9A-Za-z%])|(?<=%[0-9A-Fa-f]{2})|(?<=\\\\[nrtbf]))';
const CARD_AFTER = '(?![0-9A-Za-z])';
/**
 * Before a PIN: as before a card number, and not after a decimal point or comma. Traces carry page
 * scripts whose constants are written ".072175" (axe-core's colour maths): a PIN is never a fraction.
 */
const PIN_BEFORE = `(?<!\\.|\\d,)${CARD_BEFORE}`;

/** The regex source of `value` in the given spellings (any mixture of them). */
function sourceFor(value: string, kind: SecretKind, spellings: readonly Spelling[]): string {
  const chars = [...value].map((c) => group(spellings.flatMap((s) => s.char(c))));
  return chars.join(kind === 'card number' ? DIGIT_SEPARATOR : '');
}

const patternCache = new WeakMap<SecretSet, SecretPattern[]>();

/** The patterns for a set of known secrets, longest value first (so a longer secret is masked whole). */
export function patternsFor(set: SecretSet): SecretPattern[] {
  const cached = patternCache.get(set);
  if (cached) return cached;
  const entries: [SecretKind, string][] = [
    ...set.passwords.map((v) => ['password', v] as [SecretKind, string]),
    ...set.cardNumbers.map((v) => ['card number', v] as [SecretKind, string]),
    ...set.cvcs.map((v) => ['CVC', v] as [SecretKind, string]),
    ...(set.pins ?? []).map((v) => ['PIN', v] as [SecretKind, string]),
  ];
  const patterns = entries
    .sort((a, b) => b[1].length - a[1].length)
    .map(([kind, value]) => ({
      kind,
      value,
      any: new RegExp(
        kind === 'CVC'
          ? `${CVC_BEFORE}${sourceFor(value, kind, SPELLINGS)}${CVC_AFTER}`
          : kind === 'card number'
            ? `${CARD_BEFORE}${sourceFor(value, kind, SPELLINGS)}${CARD_AFTER}`
            : kind === 'PIN'
              ? `${PIN_BEFORE}${sourceFor(value, kind, SPELLINGS)}${CARD_AFTER}`
              : sourceFor(value, kind, SPELLINGS),
        'gm',
      ),
      each: SPELLINGS.map((s) => ({ name: s.name, regex: new RegExp(`^${sourceFor(value, kind, [s])}$`) })),
      mask: kind === 'card number' ? cardMask(value) : MASK,
    }));
  patternCache.set(set, patterns);
  return patterns;
}

/** Which spelling a hit is: the first whose regex matches it whole; "mixed" when only the union does. */
function spellingOf(p: SecretPattern, hit: string): string {
  return p.each.find((s) => s.regex.test(hit))?.name ?? 'mixed';
}

// Any full card number: issuer digit 2-6 (ISO/IEC 7812 banking and financial; 1 would take millisecond
// timestamps), 13-19 digits, contiguous or in groups of 4 (4-6-4/5 for Amex and Diners), then Luhn-checked.
const CARD_SEPARATOR = '(?: |-|\\+|%20|\\u00a0)';
const CARD_LIKE = new RegExp(
  [
    CARD_BEFORE,
    '(?:',
    '[2-6]\\d{12,18}',
    `|[2-6]\\d{3}(${CARD_SEPARATOR})\\d{4}\\1\\d{4}\\1\\d{1,4}(?:\\1\\d{1,3})?`,
    `|[2-6]\\d{3}(${CARD_SEPARATOR})\\d{6}\\2\\d{4,5}`,
    ')',
    CARD_AFTER,
  ].join(''),
  'g',
);

/** The digits of a card-like run when it is a full card number (13-19 digits, Luhn-valid), else undefined. */
function fullCardNumber(run: string): string | undefined {
  const number = run.replace(/%20/g, ' ').replace(/\D/g, '');
  return number.length >= 13 && number.length <= 19 && luhnValid(number) ? number : undefined;
}

// Base64 runs (standard or URL-safe alphabet) long enough to hold a secret: decoded, searched, re-encoded.
const BASE64_RUN = /[A-Za-z0-9+/_-]{12,}={0,2}/g;
const MAX_DEPTH = 2;
const IMAGE = new Set(['.png', '.jpg', '.jpeg', '.webp', '.gif']);
const isZip = (buf: Buffer) => buf.length > 4 && buf.readUInt32LE(0) === 0x04034b50;
const isImage = (buf: Buffer) =>
  (buf[0] === 0x89 && buf.toString('latin1', 1, 4) === 'PNG') ||
  (buf[0] === 0xff && buf[1] === 0xd8) ||
  buf.toString('latin1', 0, 4) === 'RIFF' ||
  buf.toString('latin1', 0, 3) === 'GIF';

interface Base64Run {
  run: string;
  bytes: Buffer;
  urlSafe: boolean;
}

function decodeBase64Run(run: string): Base64Run | undefined {
  const urlSafe = /[-_]/.test(run);
  if (urlSafe && /[+/]/.test(run)) return undefined;
  const body = run.replace(/=+$/, '');
  if (body.length % 4 === 1) return undefined;
  return { run, bytes: Buffer.from(body, urlSafe ? 'base64url' : 'base64'), urlSafe };
}

/**
 * A line break inside a wrapped base64 body (MIME's 76 columns, PEM's 64, a data: URL broken over
 * lines): as written, JSON-escaped (a recorded body or an e-mail inside a JSON string) or percent-encoded.
 */
const LINE_BREAK = String.raw`(?:\r\n|\n|\r|\\r\\n|\\n|\\r|%0[dD]%0[aA]|%0[aA])`;
/**
 * Two or more base64 lines joined by line breaks. It starts where a line starts (not inside a longer
 * run, which also keeps the search linear), right after a JSON `\n` (whose "n" is no base64) or after a
 * percent-escape (`base64%2C` of a data: URL in a query: its "2C" is no base64).
 */
const WRAPPED_BASE64 = new RegExp(
  String.raw`(?:(?<![A-Za-z0-9+/\\%])(?<!%[0-9A-Fa-f])|(?<=\\[nr])|(?<=%[0-9A-Fa-f]{2}))[A-Za-z0-9+/]{4,}(?:${LINE_BREAK}[A-Za-z0-9+/]{4,})+={0,2}`,
  'g',
);

/** One way to read a wrapped run: `lead` kept as it is, then a body of `width`-character lines split by `brk`. */
interface WrappedBody {
  lead: string;
  body: string;
  width: number;
  brk: string;
}

/**
 * The ways to read a wrapped run, most likely first: all its lines as one body; then, when the first
 * line is not as long as the second (a word before the body, e.g. a header value), the lines after it.
 * A body decodes only as a whole: a secret split across two lines is in neither line's own base64.
 */
function wrappedBodies(run: string): WrappedBody[] {
  const parts = run.split(new RegExp(`(${LINE_BREAK})`));
  const lines = parts.filter((_, i) => i % 2 === 0);
  const breaks = parts.filter((_, i) => i % 2 === 1);
  const read = (from: number): WrappedBody => ({
    lead: parts.slice(0, from * 2).join(''),
    body: lines.slice(from).join(''),
    width: lines[from]!.length,
    brk: breaks[from] ?? breaks[0]!,
  });
  const bodies = [read(0)];
  if (lines.length >= 3 && lines[0]!.length !== lines[1]!.length) bodies.push(read(1));
  return bodies;
}

/** `encoded` cut into lines of `width` joined by `brk`, as the body it replaces was written. */
const rewrap = (encoded: string, width: number, brk: string) =>
  (encoded.match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join(brk);

/** A wrapped run with the secrets of its body redacted, or undefined when it holds none. */
function redactWrapped(run: string, set: SecretSet, depth: number): string | undefined {
  for (const { lead, body, width, brk } of wrappedBodies(run)) {
    const decoded = decodeBase64Run(body);
    const next = decoded && redactBuffer(decoded.bytes, set, '', depth + 1);
    if (!next) continue;
    const encoded = next.toString('base64'); // padded, as MIME and data: URLs write it
    return lead + rewrap(encoded, width, brk);
  }
  return undefined;
}

/**
 * `text` with every known secret in every spelling masked, base64 bodies decoded, redacted and
 * re-encoded, and any full card number masked. `bytes`: the text is a file's bytes read as latin1
 * (masks are then written as UTF-8 bytes too).
 */
export function redactText(
  text: string,
  set: SecretSet,
  options: { bytes?: boolean; depth?: number } = {},
): string {
  const depth = options.depth ?? 0;
  const asText = (s: string) => (options.bytes ? Buffer.from(s, 'utf8').toString('latin1') : s);
  let out = text;
  // wrapped bodies first, joined: redacting a line on its own would change it before the body is read whole
  if (depth < MAX_DEPTH) out = out.replace(WRAPPED_BASE64, (run) => redactWrapped(run, set, depth) ?? run);
  if (depth < MAX_DEPTH)
    out = out.replace(BASE64_RUN, (run) => {
      const decoded = decodeBase64Run(run);
      if (!decoded) return run;
      const next = redactBuffer(decoded.bytes, set, '', depth + 1);
      if (!next) return run;
      const encoded = next.toString(decoded.urlSafe ? 'base64url' : 'base64');
      return run.endsWith('=') || !decoded.urlSafe ? encoded : encoded.replace(/=+$/, '');
    });
  for (const p of patternsFor(set)) out = out.replace(p.any, asText(p.mask));
  return out.replace(CARD_LIKE, (run) => {
    const number = fullCardNumber(run);
    return number ? asText(cardMask(number)) : run;
  });
}

/** Redacts one buffer; zips are opened and each entry redacted (recursively). Null when unchanged. */
export function redactBuffer(buf: Buffer, set: SecretSet, name = '', depth = 0): Buffer | null {
  if (isZip(buf)) {
    const zip = new AdmZip(buf);
    let changed = false;
    for (const entry of zip.getEntries()) {
      if (entry.isDirectory) continue;
      const next = redactBuffer(entry.getData(), set, entry.entryName, depth);
      if (next) {
        zip.updateFile(entry, next);
        changed = true;
      }
    }
    return changed ? zip.toBuffer() : null;
  }
  if (IMAGE.has(extname(name).toLowerCase()) || isImage(buf)) return null;
  const bytes = !isUtf8(buf);
  const text = buf.toString(bytes ? 'latin1' : 'utf8');
  const out = redactText(text, set, { bytes, depth });
  return out === text ? null : Buffer.from(out, bytes ? 'latin1' : 'utf8');
}

export interface Leak {
  /** The file; a zip member as `file.zip!member`. */
  file: string;
  kind: SecretKind;
  /**
   * A SPELLINGS name, "mixed", "base64(<spelling>)" for a decoded body, "base64 wrapped(<spelling>)" for a
   * body over several lines, "base64 fragment" for a core.
   */
  spelling: string;
  count: number;
}

/**
 * Base64 of `value` as it appears inside a longer base64 text, for each of the 3 byte alignments
 * (the characters that depend on the value alone): finds a secret in base64 that does not decode on its own.
 */
export function base64Cores(value: string): string[] {
  const cores: string[] = [];
  for (let skip = 0; skip < 3; skip++) {
    const bytes = Buffer.from(value, 'utf8').subarray(skip);
    const whole = bytes.subarray(0, bytes.length - (bytes.length % 3));
    if (whole.length >= 9) cores.push(whole.toString('base64'));
  }
  return cores;
}

const coresCache = new WeakMap<SecretSet, { kind: SecretKind; core: string }[]>();
/** The base64 cores of every spelling of every known secret. */
function coresFor(set: SecretSet): { kind: SecretKind; core: string }[] {
  let cores = coresCache.get(set);
  if (!cores) {
    cores = patternsFor(set).flatMap((p) =>
      [...new Set(SPELLINGS.map((s) => s.encode(p.value)))].flatMap((v) =>
        base64Cores(v).map((core) => ({ kind: p.kind, core })),
      ),
    );
    coresCache.set(set, cores);
  }
  return cores;
}

function addLeak(leaks: Leak[], leak: Omit<Leak, 'count'>, count = 1) {
  const same = leaks.find(
    (l) => l.file === leak.file && l.kind === leak.kind && l.spelling === leak.spelling,
  );
  if (same) same.count += count;
  else leaks.push({ ...leak, count });
}

/** Every secret in `text` by kind and spelling: known secrets, full card numbers, base64 bodies (decoded). */
export function countLeaks(text: string, set: SecretSet, file: string, depth = 0): Leak[] {
  const leaks: Leak[] = [];
  for (const p of patternsFor(set))
    for (const [hit] of text.matchAll(p.any))
      addLeak(leaks, { file, kind: p.kind, spelling: spellingOf(p, hit) });
  for (const [run] of text.matchAll(CARD_LIKE))
    if (fullCardNumber(run) && !set.cardNumbers.includes(fullCardNumber(run)!))
      addLeak(leaks, { file, kind: 'card number', spelling: /^\d+$/.test(run) ? 'raw' : 'grouped' });
  /** Where wrapped bodies with a hit are: their lines are not counted again one by one. */
  const counted: [number, number][] = [];
  if (depth < MAX_DEPTH)
    for (const { 0: run, index } of text.matchAll(WRAPPED_BASE64))
      for (const { body } of wrappedBodies(run)) {
        const decoded = decodeBase64Run(body);
        const inner =
          decoded && !isImage(decoded.bytes) ? scanBuffer(decoded.bytes, set, file, depth + 1) : [];
        for (const l of inner) addLeak(leaks, { ...l, spelling: `base64 wrapped(${l.spelling})` }, l.count);
        if (!inner.length) continue;
        counted.push([index, index + run.length]);
        break;
      }
  const inCounted = (at: number) => counted.some(([from, to]) => at >= from && at < to);
  if (depth < MAX_DEPTH)
    for (const { 0: run, index } of text.matchAll(BASE64_RUN)) {
      if (inCounted(index)) continue;
      const decoded = decodeBase64Run(run);
      const inner = decoded && !isImage(decoded.bytes) ? scanBuffer(decoded.bytes, set, file, depth + 1) : [];
      for (const l of inner) addLeak(leaks, { ...l, spelling: `base64(${l.spelling})` }, l.count);
      if (inner.length) continue;
      for (const { kind, core } of coresFor(set))
        if (run.length >= core.length && run.includes(core))
          addLeak(leaks, { file, kind, spelling: 'base64 fragment' });
    }
  return leaks;
}

function scanBuffer(buf: Buffer, set: SecretSet, name: string, depth: number): Leak[] {
  if (isZip(buf)) {
    const leaks: Leak[] = [];
    for (const entry of new AdmZip(buf).getEntries())
      if (!entry.isDirectory)
        leaks.push(...scanBuffer(entry.getData(), set, `${name}!${entry.entryName}`, depth));
    return leaks;
  }
  if (IMAGE.has(extname(name).toLowerCase()) || isImage(buf)) return [];
  return countLeaks(buf.toString(isUtf8(buf) ? 'utf8' : 'latin1'), set, name, depth);
}

function* filesUnder(dir: string): Generator<string> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) yield* filesUnder(path);
    else if (stat.isFile()) yield path;
  }
}

/** Redacts every file under `dir` in place (trace zips included). Returns the files it changed. */
export function redactTree(dir: string, set: SecretSet): string[] {
  const changed: string[] = [];
  for (const file of filesUnder(dir)) {
    const next = redactBuffer(readFileSync(file), set, file);
    if (next) {
      writeFileSync(file, next);
      changed.push(file);
    }
  }
  return changed;
}

/**
 * The audit: every secret under `dir` (a file or a folder), zips opened (recursively), base64 bodies
 * decoded, in every spelling the redactor knows, plus any full card number. `files` counts what was searched
 * (zip members included); pictures are not searched (they hold pixels, not text).
 */
export function scanTree(dir: string, set: SecretSet): { files: number; images: number; leaks: Leak[] } {
  let files = 0;
  let images = 0;
  const leaks: Leak[] = [];
  const scan = (buf: Buffer, name: string) => {
    if (isZip(buf)) {
      for (const entry of new AdmZip(buf).getEntries())
        if (!entry.isDirectory) scan(entry.getData(), `${name}!${entry.entryName}`);
      return;
    }
    if (IMAGE.has(extname(name).toLowerCase()) || isImage(buf)) {
      images++;
      return;
    }
    files++;
    leaks.push(...countLeaks(buf.toString(isUtf8(buf) ? 'utf8' : 'latin1'), set, name));
  };
  const paths = statSync(dir).isFile() ? [dir] : filesUnder(dir);
  for (const file of paths) scan(readFileSync(file), file);
  return { files, images, leaks };
}
