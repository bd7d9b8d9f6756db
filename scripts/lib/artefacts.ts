// Sandbox mode around a Playwright run: console output redacted line by line, every artefact redacted
// before the Allure report is generated, and the janitor's clean-ups summed up.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { redactText, redactTree } from '../../support/redact.ts';
import type { SecretSet } from '../../support/secrets.ts';

/** Like run(), but stdout/stderr pass through redaction (whole lines, so no secret is split). */
export function runRedacted(command: string, args: string[], set: SecretSet): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['inherit', 'pipe', 'pipe'] });
    const pipe = (from: NodeJS.ReadableStream, to: NodeJS.WriteStream) => {
      let rest = '';
      from.setEncoding('utf8');
      from.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        if (lines.length) to.write(`${redactText(lines.join('\n'), set)}\n`);
      });
      from.on('end', () => {
        if (rest) to.write(redactText(rest, set));
      });
    };
    pipe(child.stdout!, process.stdout);
    pipe(child.stderr!, process.stderr);
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Redacts every file of the run (results, attachments, traces, JSON) except the previous report. */
export function redactArtefacts(reportsDir: string, set: SecretSet): number {
  let changed = 0;
  for (const part of [
    'allure-results',
    'test-results',
    'playwright-results.json',
    'janitor.jsonl',
    'cucumber',
  ])
    if (existsSync(join(reportsDir, part))) changed += redactTree(join(reportsDir, part), set).length;
  return changed;
}

export interface JanitorSummary {
  cleanups: number;
  removed: number;
  failed: string[];
}

export function janitorSummary(reportsDir: string): JanitorSummary | undefined {
  const file = join(reportsDir, 'janitor.jsonl');
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const results = lines.map(
    (l) =>
      JSON.parse(l) as { ok: boolean; removed: string[]; when: string; scenario: string; error?: string },
  );
  return {
    cleanups: results.length,
    removed: results.reduce((n, r) => n + r.removed.length, 0),
    failed: results.filter((r) => !r.ok).map((r) => `${r.when} "${r.scenario}": ${r.error}`),
  };
}

interface JsonSuite {
  title: string;
  specs?: {
    title: string;
    tests: { projectName: string; status: string; annotations?: { type: string; description?: string }[] }[];
  }[];
  suites?: JsonSuite[];
}

/** Skipped scenarios with their reason, from Playwright's JSON report (the list reporter shows no reason). */
export function skippedWithReasons(reportsDir: string): string[] {
  const file = join(reportsDir, 'playwright-results.json');
  if (!existsSync(file)) return [];
  const lines: string[] = [];
  const walk = (suite: JsonSuite, feature: string) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests)
        if (test.status === 'skipped') {
          const reason = test.annotations?.find((a) => a.type === 'skip')?.description ?? 'no reason given';
          lines.push(`[${test.projectName}] ${feature} › ${spec.title}: ${reason}`);
        }
    for (const child of suite.suites ?? []) walk(child, feature || child.title);
  };
  for (const suite of (JSON.parse(readFileSync(file, 'utf8')) as { suites: JsonSuite[] }).suites)
    walk(suite, '');
  return lines;
}
