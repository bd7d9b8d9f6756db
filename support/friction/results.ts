// Friction records read back from a run's allure-results (the final attempt of each scenario):
// what `npm run friction` compares and the monitor folds into its HARDER state.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type AllureResult,
  failedStep,
  groupScenarios,
  readResults,
} from '../../scripts/lib/allure-results.ts';
import { FRICTION_JSON } from './attach.ts';
import type { FrictionRecord } from './record.ts';

interface WithAttachments {
  attachments?: { name: string; source: string }[];
  steps?: WithAttachments[];
}

function frictionSource(node: WithAttachments): string | undefined {
  const own = node.attachments?.find((a) => a.name === FRICTION_JSON)?.source;
  if (own) return own;
  for (const step of node.steps ?? []) {
    const found = frictionSource(step);
    if (found) return found;
  }
  return undefined;
}

export interface RecordedScenario {
  record: FrictionRecord;
  result: AllureResult;
}

interface Container {
  children?: string[];
  befores?: WithAttachments[];
  afters?: WithAttachments[];
}

/**
 * Result uuid -> friction attachment written by a fixture (cucumber-js hooks become Allure fixtures,
 * kept in `*-container.json` beside the results; Playwright's fixtures stay inside the result).
 */
async function fixtureSources(resultsDir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!existsSync(resultsDir)) return out; // a cycle whose suite wrote nothing (readResults answers [] too)
  const files = (await readdir(resultsDir)).filter((f) => f.endsWith('-container.json'));
  for (const file of files) {
    const container = JSON.parse(await readFile(join(resultsDir, file), 'utf8')) as Container;
    const source = [...(container.befores ?? []), ...(container.afters ?? [])]
      .map(frictionSource)
      .find(Boolean);
    if (source) for (const child of container.children ?? []) out.set(child, source);
  }
  return out;
}

/** Every scenario's final attempt that carries a friction record, with its Allure result. */
export async function readFrictionRecords(resultsDir: string): Promise<RecordedScenario[]> {
  const results = (await readResults(resultsDir)).map((r) => r.result);
  const fromFixtures = await fixtureSources(resultsDir);
  const out: RecordedScenario[] = [];
  for (const run of groupScenarios(results)) {
    const source =
      frictionSource(run.final as unknown as WithAttachments) ?? fromFixtures.get(run.final.uuid);
    if (!source) continue;
    const record = JSON.parse(await readFile(join(resultsDir, source), 'utf8')) as FrictionRecord;
    if (record.version !== 1) continue;
    record.passed = run.final.status === 'passed';
    record.failedStep = record.passed ? undefined : failedStep(run.final)?.name;
    out.push({ record, result: run.final });
  }
  return out;
}

/**
 * The scenario that stands for a procedure in a comparison: a passed one, in the profile's own
 * language before a translated pass, asking the most actions: the whole way rather than a refused
 * input or a privacy check tagged with the same procedure.
 */
export function representative(records: FrictionRecord[], procedure: string): FrictionRecord | undefined {
  const translated = (r: FrictionRecord) => (r.key.endsWith(']') ? 1 : 0);
  return records
    .filter((r) => r.procedure === procedure && r.passed !== false)
    .sort((a, b) => translated(a) - translated(b) || b.actions - a.actions)[0];
}
