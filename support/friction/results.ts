// Friction records read back from a run's allure-results (the final attempt of each scenario):
// what `npm run friction` compares and the monitor folds into its HARDER state.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AllureResult, groupScenarios, readResults } from '../../scripts/lib/allure-results.ts';
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

/** Every scenario's final attempt that carries a friction record, with its Allure result. */
export async function readFrictionRecords(resultsDir: string): Promise<RecordedScenario[]> {
  const results = (await readResults(resultsDir)).map((r) => r.result);
  const out: RecordedScenario[] = [];
  for (const run of groupScenarios(results)) {
    const source = frictionSource(run.final as unknown as WithAttachments);
    if (!source) continue;
    const record = JSON.parse(await readFile(join(resultsDir, source), 'utf8')) as FrictionRecord;
    if (record.version !== 1) continue;
    record.passed = run.final.status === 'passed';
    out.push({ record, result: run.final });
  }
  return out;
}

/**
 * The scenario that stands for a procedure in a comparison: a passed one, in the profile's own
 * language before a translated pass, the most severe, then the one asking the most actions (the
 * whole way rather than a refused-input variant of it).
 */
export function representative(records: FrictionRecord[], procedure: string): FrictionRecord | undefined {
  const rank = (s?: string) => ['blocker', 'critical', 'normal', 'minor', 'trivial'].indexOf(s ?? 'normal');
  const translated = (r: FrictionRecord) => (r.key.endsWith(']') ? 1 : 0);
  return records
    .filter((r) => r.procedure === procedure && r.passed !== false)
    .sort(
      (a, b) => translated(a) - translated(b) || rank(a.severity) - rank(b.severity) || b.actions - a.actions,
    )[0];
}
