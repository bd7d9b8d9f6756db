// Reading allure-results as the report will see them: one scenario = its attempts (retries), the
// final attempt decides; categories by Allure's own matcher over the rules in support/report-categories.mjs.
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { matchCategory, normalizeCategoriesConfig } from '@allurereport/core-api';
import { type CategoryRule, categoryRules } from '../../support/report-categories.mjs';

export type AllureStatus = 'passed' | 'failed' | 'broken' | 'skipped' | 'unknown';

export interface AllureStep {
  name: string;
  status?: AllureStatus;
  statusDetails?: { message?: string; trace?: string };
  steps?: AllureStep[];
  start?: number;
  stop?: number;
}

export interface AllureResult {
  uuid: string;
  name: string;
  fullName?: string;
  historyId?: string;
  testCaseId?: string;
  status: AllureStatus;
  statusDetails?: { message?: string; trace?: string; flaky?: boolean };
  labels: { name: string; value: string }[];
  parameters?: { name: string; value: string; excluded?: boolean }[];
  steps?: AllureStep[];
  start: number;
  stop: number;
}

/** One scenario (one project) across its attempts, oldest first. */
export interface ScenarioRun {
  key: string;
  attempts: AllureResult[];
  final: AllureResult;
  /** Passed in the end after a failed or broken attempt. */
  flaky: boolean;
}

export type CategoryId = CategoryRule['id'];

export async function readResults(resultsDir: string): Promise<{ file: string; result: AllureResult }[]> {
  if (!existsSync(resultsDir)) return [];
  const files = (await readdir(resultsDir)).filter((f) => f.endsWith('-result.json'));
  return Promise.all(
    files.map(async (f) => ({
      file: join(resultsDir, f),
      result: JSON.parse(await readFile(join(resultsDir, f), 'utf8')) as AllureResult,
    })),
  );
}

const project = (r: AllureResult) => r.parameters?.find((p) => p.name === 'Project')?.value ?? '';

/** The scenario's identity across retries: its full name and project (what Allure's historyId hashes). */
export const scenarioKey = (fullName: string, projectName: string) => `${fullName} [${projectName}]`;

export function groupScenarios(results: AllureResult[]): ScenarioRun[] {
  const byKey = new Map<string, AllureResult[]>();
  for (const r of results) {
    const key = scenarioKey(r.fullName ?? r.name, project(r));
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  return [...byKey].map(([key, attempts]) => {
    attempts.sort((a, b) => a.start - b.start);
    const final = attempts.at(-1)!;
    const flaky =
      final.status === 'passed' && attempts.slice(0, -1).some((a) => ['failed', 'broken'].includes(a.status));
    return { key, attempts, final, flaky };
  });
}

/**
 * allure-playwright writes every retry as its own result but never marks the passing one flaky;
 * Allure 3 shows the flaky mark (and our "Flaky" category) only from statusDetails.flaky. Set it.
 */
export async function markFlakyRetries(resultsDir: string): Promise<number> {
  const read = await readResults(resultsDir);
  const fileOf = new Map(read.map(({ file, result }) => [result.uuid, file]));
  let marked = 0;
  for (const run of groupScenarios(read.map((r) => r.result))) {
    if (!run.flaky || run.final.statusDetails?.flaky) continue;
    run.final.statusDetails = { ...run.final.statusDetails, flaky: true };
    await writeFile(fileOf.get(run.final.uuid)!, JSON.stringify(run.final));
    marked++;
  }
  return marked;
}

/** The Allure category a result lands in, computed exactly as `allure generate` does with allurerc.mjs. */
export function categoryOf(
  result: AllureResult,
  rules: CategoryRule[] = categoryRules(),
): CategoryId | undefined {
  const categories = normalizeCategoriesConfig({ rules } as never);
  const matched = matchCategory(categories, {
    status: result.status,
    labels: result.labels,
    message: result.statusDetails?.message,
    trace: result.statusDetails?.trace,
    flaky: !!result.statusDetails?.flaky,
    duration: result.stop - result.start,
  });
  return matched && (rules.some((r) => r.id === matched.id) ? (matched.id as CategoryId) : undefined);
}

/** The scenario step (Given/When/Then/And/But) that failed, as the report names it. */
export function failedStep(result: AllureResult): AllureStep | undefined {
  const bad = (s: AllureStep) => s.status === 'failed' || s.status === 'broken';
  const visit = (steps: AllureStep[] = []): AllureStep | undefined => {
    for (const s of steps) {
      if (/^(Given|When|Then|And|But)\s/.test(s.name) && bad(s)) return s;
      const inner = visit(s.steps);
      if (inner) return inner;
    }
    return undefined;
  };
  return visit(result.steps);
}

export const labelValues = (result: AllureResult, name: string) =>
  result.labels.filter((l) => l.name === name).map((l) => l.value);
