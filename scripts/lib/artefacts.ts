// What a run leaves behind, read and cleaned after the runner exits: every artefact redacted (on every
// target: the mock's test cards are card numbers too), the janitor's clean-ups summed up, the skipped
// scenarios with their reasons.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redactText, redactTree } from '../../support/redact.ts';
import type { SecretSet } from '../../support/secrets.ts';

/** What a run writes under REPORTS_DIR (the report is generated from these after redaction). */
export const RUN_ARTEFACTS = [
  'allure-results',
  'test-results',
  'playwright-results.json',
  'janitor.jsonl',
  'cucumber',
  'suite.log',
];

/**
 * Redacts every file the run wrote (results, attachments, traces, JSON, logs) and the folders it keeps
 * across runs (`kept`: the drift store, whose aria snapshots hold the values of text fields); returns
 * how many files changed.
 */
export function redactArtefacts(reportsDir: string, set: SecretSet, kept: readonly string[] = []): number {
  let changed = 0;
  for (const path of [...RUN_ARTEFACTS.map((part) => join(reportsDir, part)), ...kept]) {
    if (!existsSync(path)) continue;
    if (statSync(path).isDirectory()) changed += redactTree(path, set).length;
    else {
      // a single text file (JSON report, log): redactTree walks folders only
      const text = readFileSync(path, 'utf8');
      const clean = redactText(text, set);
      if (clean !== text) {
        writeFileSync(path, clean);
        changed++;
      }
    }
  }
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
      JSON.parse(l) as {
        ok: boolean;
        removed: string[];
        when: string;
        scenario: string;
        account: string;
        error?: string;
      },
  );
  return {
    cleanups: results.length,
    removed: results.reduce((n, r) => n + r.removed.length, 0),
    failed: results.filter((r) => !r.ok).map((r) => `${r.when} "${r.scenario}" (${r.account}): ${r.error}`),
  };
}

interface JsonSuite {
  title: string;
  specs?: {
    title: string;
    tests: {
      projectName: string;
      status: string;
      annotations?: { type: string; description?: string }[];
      results?: unknown[];
    }[];
  }[];
  suites?: JsonSuite[];
}

/** Skipped scenarios with their reason: Playwright's JSON report, or cucumber-js's messages. */
export function skippedWithReasons(reportsDir: string): string[] {
  const file = join(reportsDir, 'playwright-results.json');
  if (!existsSync(file)) return skippedByCucumber(join(reportsDir, 'cucumber', 'messages.ndjson'));
  const lines: string[] = [];
  const walk = (suite: JsonSuite, feature: string) => {
    // (a `--list` run reports every test as skipped, with no results)
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests)
        if (test.status === 'skipped' && test.results?.length) {
          const reason = test.annotations?.find((a) => a.type === 'skip')?.description ?? 'no reason given';
          lines.push(`[${test.projectName}] ${feature} › ${spec.title}: ${reason}`);
        }
    for (const child of suite.suites ?? []) walk(child, feature || child.title);
  };
  for (const suite of (JSON.parse(readFileSync(file, 'utf8')) as { suites: JsonSuite[] }).suites)
    walk(suite, '');
  return lines;
}

/** cucumber-js: the World logs "skipped: <reason>" (fixtures/cucumber/hooks.ts); messages tie it to the pickle. */
function skippedByCucumber(file: string): string[] {
  if (!existsSync(file)) return [];
  const pickles = new Map<string, string>();
  const testCases = new Map<string, string>();
  const started = new Map<string, string>();
  const lines: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const m = JSON.parse(line) as {
      pickle?: { id: string; uri: string; name: string };
      testCase?: { id: string; pickleId: string };
      testCaseStarted?: { id: string; testCaseId: string };
      attachment?: { testCaseStartedId?: string; body: string };
    };
    if (m.pickle) pickles.set(m.pickle.id, `${m.pickle.uri} › ${m.pickle.name}`);
    if (m.testCase) testCases.set(m.testCase.id, m.testCase.pickleId);
    if (m.testCaseStarted) started.set(m.testCaseStarted.id, m.testCaseStarted.testCaseId);
    const reason = m.attachment?.body.match(/^skipped: (.*)/)?.[1];
    if (reason && m.attachment?.testCaseStartedId) {
      const pickle = testCases.get(started.get(m.attachment.testCaseStartedId) ?? '');
      lines.push(`${pickles.get(pickle ?? '') ?? 'a scenario'}: ${reason}`);
    }
  }
  return lines;
}
