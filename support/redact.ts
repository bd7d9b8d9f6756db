import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import AdmZip from 'adm-zip';
import type { SecretSet } from './secrets.ts';

export const MASK = '[REDACTED]';

export type SecretKind = 'password' | 'card number' | 'CVC';

interface Pattern {
  kind: SecretKind;
  regex: RegExp;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The ways a typed value shows up in artefacts: as is, URL- or form-encoded, JSON- or HTML-escaped. */
function spellings(value: string): string[] {
  const html = value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
  return [
    ...new Set([
      value,
      encodeURIComponent(value),
      encodeURIComponent(value).replace(/%20/g, '+'),
      JSON.stringify(value).slice(1, -1),
      html,
    ]),
  ].sort((a, b) => b.length - a.length);
}

/**
 * Base64 of `value` as it appears inside a longer base64 text, for each of the 3 byte alignments
 * (the characters that depend on the value alone). Reports embed attachments as base64.
 */
export function base64Cores(value: string): string[] {
  const cores: string[] = [];
  for (let skip = 0; skip < 3; skip++) {
    const part = value.slice(skip);
    const whole = part.slice(0, part.length - (part.length % 3));
    if (whole.length >= 9) cores.push(Buffer.from(whole, 'latin1').toString('base64'));
  }
  return cores;
}

export function patternsFor(set: SecretSet, options: { base64?: boolean } = {}): Pattern[] {
  const patterns: Pattern[] = [];
  for (const pw of set.passwords) {
    const alts = spellings(pw).map(escapeRegExp);
    if (options.base64) alts.push(...base64Cores(pw).map(escapeRegExp));
    patterns.push({ kind: 'password', regex: new RegExp(alts.join('|'), 'g') });
  }
  for (const number of set.cardNumbers) {
    // digits as typed: "4111111111111111", "4111 1111 1111 1111", "4111-1111-...", form-encoded "4111+1111+..."
    const alts = [number.split('').join('(?:[ +-]|%20)?')];
    if (options.base64) alts.push(...base64Cores(number).map(escapeRegExp));
    patterns.push({ kind: 'card number', regex: new RegExp(alts.join('|'), 'g') });
  }
  for (const cvc of set.cvcs) {
    // a CVC is 3-4 digits: only where it stands as a value, never inside another number
    patterns.push({
      kind: 'CVC',
      regex: new RegExp(`(?<=(?:["'=>]|: ))${cvc}(?=["'&<\\s]|$)`, 'gm'),
    });
  }
  return patterns;
}

export function redactText(text: string, set: SecretSet): string {
  let out = text;
  for (const { regex } of patternsFor(set)) out = out.replace(regex, MASK);
  return out;
}

export interface Leak {
  file: string;
  kind: SecretKind;
  count: number;
}

export function countLeaks(text: string, set: SecretSet, file: string): Leak[] {
  const leaks: Leak[] = [];
  for (const { kind, regex } of patternsFor(set, { base64: true })) {
    const count = text.match(regex)?.length ?? 0;
    if (count) leaks.push({ file, kind, count });
  }
  return leaks;
}

const IMAGE = new Set(['.png', '.jpg', '.jpeg', '.webp', '.gif']);
const isZip = (buf: Buffer) => buf.length > 4 && buf.readUInt32LE(0) === 0x04034b50;

/** Redacts one buffer; zips are opened and each entry redacted (recursively). Null when unchanged. */
export function redactBuffer(buf: Buffer, set: SecretSet, name = ''): Buffer | null {
  if (isZip(buf)) {
    const zip = new AdmZip(buf);
    let changed = false;
    for (const entry of zip.getEntries()) {
      if (entry.isDirectory) continue;
      const next = redactBuffer(entry.getData(), set, entry.entryName);
      if (next) {
        zip.updateFile(entry, next);
        changed = true;
      }
    }
    return changed ? zip.toBuffer() : null;
  }
  if (IMAGE.has(extname(name).toLowerCase())) return null;
  // latin1 maps bytes 1:1, so binary content survives; secrets are ASCII
  const text = buf.toString('latin1');
  const out = redactText(text, set);
  return out === text ? null : Buffer.from(out, 'latin1');
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

/** Every secret found under `dir`, zips opened (recursively), base64 included. For tests and audits. */
export function scanTree(dir: string, set: SecretSet): { files: number; leaks: Leak[] } {
  let files = 0;
  const leaks: Leak[] = [];
  const scan = (buf: Buffer, name: string) => {
    files++;
    if (isZip(buf)) {
      for (const entry of new AdmZip(buf).getEntries())
        if (!entry.isDirectory) scan(entry.getData(), `${name}!${entry.entryName}`);
      return;
    }
    leaks.push(...countLeaks(buf.toString('latin1'), set, name));
  };
  for (const file of filesUnder(dir)) scan(readFileSync(file), file);
  return { files, leaks };
}
