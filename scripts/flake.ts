// npm run flake -- N [playwright args]: the whole suite N times (--repeat-each=N, no retries) against
// the mock, then failures per scenario. Exit 1 if any scenario failed even once: flaky is broken.
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../support/config.ts';
import { runMain, UsageError } from './lib/main.ts';
import { runSuite, takeTags } from './lib/pipeline.ts';

interface JsonResult {
  status: 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';
  duration: number;
  error?: { message?: string };
}
interface JsonSuite {
  title: string;
  specs?: {
    title: string;
    file: string;
    line: number;
    tests: { projectName: string; results: JsonResult[] }[];
  }[];
  suites?: JsonSuite[];
}

const firstLine = (s = '') =>
  s
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colours from Playwright's messages
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .find((l) => l.trim())
    ?.trim() ?? '';

async function main(): Promise<number> {
  const [countArg, ...more] = process.argv.slice(2);
  const { tags, args: rest } = takeTags(more);
  const n = Number(countArg ?? 10);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(
      `usage: npm run flake -- N [--tags <expression>] [playwright args] (got "${countArg}")`,
    );
  const cfg = loadConfig();
  const reportsDir = join(cfg.REPORTS_DIR, 'flake');
  await rm(reportsDir, { recursive: true, force: true });
  await mkdir(reportsDir, { recursive: true });

  const started = Date.now();
  const args = [`--repeat-each=${n}`, '--reporter=dot,json', ...rest];
  console.log(`[flake] playwright test --retries=0 ${args.join(' ')}`);
  const outcome = await runSuite({
    runner: 'playwright',
    name: 'flake',
    tags,
    args,
    retries: 0,
    report: false,
    env: {
      TARGET: 'mock',
      REPORTS_DIR: reportsDir,
      PLAYWRIGHT_JSON_OUTPUT_NAME: join(reportsDir, 'playwright-results.json'),
    },
  });
  if (outcome.kind === 'setup-error' || outcome.kind === 'interrupted') return outcome.exitCode;
  const seconds = (Date.now() - started) / 1000;

  let json: { suites: JsonSuite[] };
  try {
    json = JSON.parse(await readFile(join(reportsDir, 'playwright-results.json'), 'utf8'));
  } catch {
    console.error(`[flake] no results in ${reportsDir}: the run did not complete`);
    return 2;
  }
  const rows = new Map<string, { runs: number; failures: number; ms: number; error: string }>();
  const walk = (suite: JsonSuite) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests)
        for (const r of test.results) {
          if (r.status === 'skipped') continue;
          const key = `${spec.title} [${test.projectName}] (${spec.file}:${spec.line})`;
          const row = rows.get(key) ?? { runs: 0, failures: 0, ms: 0, error: '' };
          row.runs++;
          row.ms += r.duration;
          if (r.status !== 'passed') {
            row.failures++;
            row.error ||= `${r.status}: ${firstLine(r.error?.message)}`;
          }
          rows.set(key, row);
        }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const s of json.suites) walk(s);

  const total = [...rows.values()].reduce((a, r) => a + r.runs, 0);
  const failed = [...rows.values()].reduce((a, r) => a + r.failures, 0);
  console.log(`\n[flake] ${rows.size} scenarios x ${n} = ${total} runs in ${seconds.toFixed(0)} s\n`);
  console.log('failures  runs  mean s  scenario');
  for (const [key, r] of [...rows].sort(
    (a, b) => b[1].failures - a[1].failures || a[0].localeCompare(b[0]),
  )) {
    console.log(
      `${String(r.failures).padStart(8)}  ${String(r.runs).padStart(4)}  ${(r.ms / r.runs / 1000).toFixed(1).padStart(6)}  ${key}`,
    );
    if (r.error) console.log(`${' '.repeat(24)}first: ${r.error.slice(0, 160)}`);
  }
  console.log(`\n[flake] ${failed} failures in ${total} runs (${seconds.toFixed(0)} s)`);
  return failed || total === 0 || outcome.suiteErrors.length ? 1 : 0;
}

runMain(main);
