// npm run merge-shards -- <shard allure-results dir>... : merges the results of N shards
// (`playwright test --shard=i/n`, each with its own REPORTS_DIR) into REPORTS_DIR/allure-results and
// generates ONE Allure report with history (REPORTS_DIR/allure-report, REPORTS_DIR/history.jsonl).
import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ConfigError } from '../support/env.ts';
import { loadConfig } from '../support/config.ts';
import { generateReport } from './lib/report.ts';
import { SUITE_ERROR_LABEL } from './lib/suite-errors.ts';

/** The feature file a suite-error result stands for, undefined for any other result. */
function suiteErrorFileOf(json: string): string | undefined {
  if (!json.includes(`"${SUITE_ERROR_LABEL}"`)) return undefined;
  const result = JSON.parse(json) as { labels?: { name: string; value: string }[] };
  return result.labels?.find((l) => l.name === SUITE_ERROR_LABEL)?.value;
}

/**
 * Copies every shard's files into `target`; result and attachment names are UUIDs, so a clash is an error.
 * A suite error (a feature file left out: scripts/lib/suite-errors.ts) is found by every shard; its
 * result is kept once. Returns the number of results in `target`.
 */
export async function mergeResults(shards: string[], target: string): Promise<number> {
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  const seen = new Map<string, string>();
  const suiteErrors = new Set<string>();
  let results = 0;
  for (const shard of shards) {
    if (!existsSync(shard)) throw new Error(`no such results folder: ${shard}`);
    for (const name of await readdir(shard)) {
      const from = join(shard, name);
      if (name.endsWith('-result.json')) {
        const file = suiteErrorFileOf(await readFile(from, 'utf8'));
        if (file !== undefined && suiteErrors.has(file)) continue;
        if (file !== undefined) suiteErrors.add(file);
      }
      if (seen.has(name)) {
        // environment.properties / executor.json / categories.json are the same in every shard
        if (
          !name.endsWith('-result.json') &&
          !name.includes('-attachment') &&
          !name.endsWith('-container.json')
        )
          continue;
        throw new Error(`${name} is in both ${seen.get(name)} and ${shard}`);
      }
      seen.set(name, shard);
      await copyFile(from, join(target, basename(name)));
      if (name.endsWith('-result.json')) results++;
    }
  }
  return results;
}

async function main(): Promise<number> {
  const shards = process.argv.slice(2);
  if (!shards.length) {
    console.error('usage: npm run merge-shards -- <shard-1/allure-results> <shard-2/allure-results> ...');
    return 2;
  }
  const reportsDir = loadConfig().REPORTS_DIR;
  const merged = join(reportsDir, 'allure-results');
  const count = await mergeResults(shards, merged);
  console.log(`[merge] ${count} results from ${shards.length} shards -> ${merged}`);
  const report = await generateReport(reportsDir);
  console.log(
    report.code === 0 ? `[merge] Allure report: ${report.index}` : '[merge] allure generate failed',
  );
  return report.code;
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof ConfigError ? error.message : (error as Error).message);
      process.exit(2);
    },
  );
}
