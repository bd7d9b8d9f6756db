// npm run bench [-- pairs]: the suite against the same flows as plain Playwright specs (bench/specs),
// alternated in pairs (default 5) in one invocation; the ratio is the median of the pairs' ratios.
// Also: Allure report generation with 10 and 100 runs of history, peak memory, where each of the
// slowest scenarios spends its time. Writes <REPORTS_DIR>/bench.json and prints a table.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../support/config.ts';
import { costLines, measureFrictionCost } from './friction-cost.ts';
import { type AllureResult, type AllureStep, groupScenarios, readResults } from './lib/allure-results.ts';
import { runMain, UsageError } from './lib/main.ts';
import { runSuite, type SuiteOptions } from './lib/pipeline.ts';
import { generateReport } from './lib/report.ts';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number, digits = 2) => Number(x.toFixed(digits));

/**
 * Memory (MB) of a process and all its descendants, from /proc (Linux; 0 elsewhere): the sum of their
 * PSS (shared pages split between the processes that share them), so Chromium's processes are not
 * counted many times over as a sum of RSS would.
 */
function treeMemoryMb(rootPid: number): number {
  if (!existsSync('/proc')) return 0;
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid; p && p > 1; p = parent.get(p)) if (p === rootPid) return true;
    return false;
  };
  let kb = 0;
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    try {
      kb += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // ended, or not ours to read
    }
  }
  return kb / 1024;
}

interface Timed {
  seconds: number;
  code: number;
  peakMb: number;
}

/** One run through the pipeline (no report), timing the wall clock and sampling the runner tree's memory. */
async function timed(options: Omit<SuiteOptions, 'name'>, log: string): Promise<Timed> {
  const started = performance.now();
  let peakMb = 0;
  const samplers: NodeJS.Timeout[] = [];
  const outcome = await runSuite({
    ...options,
    name: 'bench',
    report: false,
    echo: false,
    logFile: log,
    onChild: (pid) => {
      samplers.push(setInterval(() => (peakMb = Math.max(peakMb, treeMemoryMb(pid))), 200));
    },
  });
  for (const s of samplers) clearInterval(s);
  return { seconds: (performance.now() - started) / 1000, code: outcome.exitCode, peakMb };
}

/** Features with a plain twin: each bench spec names the feature files it mirrors. */
function twins(): { covered: string[]; missing: string[] } {
  const specs = readdirSync('bench/specs').filter((f) => f.endsWith('.spec.ts'));
  const named = new Set(
    specs.flatMap((f) =>
      [...readFileSync(join('bench/specs', f), 'utf8').matchAll(/features\/[\w/-]+\.feature/g)].map(
        (m) => m[0],
      ),
    ),
  );
  const all = (readdirSync('features', { recursive: true }) as string[])
    .filter((f) => f.endsWith('.feature'))
    .map((f) => `features/${f.split('\\').join('/')}`)
    .sort();
  return { covered: all.filter((f) => named.has(f)), missing: all.filter((f) => !named.has(f)) };
}

/** Where a scenario's time goes, from its Allure steps. */
function breakdown(r: AllureResult) {
  const span = (s: AllureStep) => (s.stop ?? 0) - (s.start ?? 0);
  let setup = 0;
  let procedure = 0;
  let oracle = 0;
  for (const s of r.steps ?? []) {
    if (s.name === 'Before Hooks' || /^Given\s/.test(s.name)) setup += span(s);
    else if (s.name === 'After Hooks') continue;
    else if (/removed everywhere|not stored anywhere/.test(s.name)) oracle += span(s);
    else procedure += span(s);
  }
  const total = r.stop - r.start;
  // What is left is the runner and the reporter: fixtures outside steps, attachments, writing results.
  return { total, setup, procedure, oracle, report: Math.max(0, total - setup - procedure - oracle) };
}

/** A history line per past run, cloned from a real one with earlier timestamps, as `generate` appends them. */
async function syntheticHistory(realLine: string, runs: number, file: string): Promise<void> {
  const real = JSON.parse(realLine) as {
    uuid: string;
    timestamp: number;
    testResults: Record<string, { start: number; stop: number; status: string; id: string }>;
  };
  const lines: string[] = [];
  for (let i = runs; i >= 1; i--) {
    const shift = i * 3_600_000;
    const testResults = Object.fromEntries(
      Object.entries(real.testResults).map(([k, tr], j) => [
        k,
        {
          ...tr,
          id: `${tr.id.slice(0, 24)}${String(i).padStart(8, '0')}`,
          start: tr.start - shift,
          stop: tr.stop - shift,
          status: (i + j) % 9 === 0 ? 'failed' : tr.status,
        },
      ]),
    );
    lines.push(
      JSON.stringify({
        ...real,
        uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        timestamp: real.timestamp - shift,
        testResults,
      }),
    );
  }
  await writeFile(file, `${lines.join('\n')}\n`);
}

async function reportSeconds(
  resultsFrom: string,
  dir: string,
  runs: number,
  realLine: string,
): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await cp(resultsFrom, join(dir, 'allure-results'), { recursive: true });
    await syntheticHistory(realLine, runs, join(dir, 'history.jsonl'));
    const started = performance.now();
    const { code } = await generateReport(dir);
    if (code !== 0) throw new Error(`allure generate failed in ${dir}`);
    times.push((performance.now() - started) / 1000);
  }
  return median(times);
}

async function main(): Promise<number> {
  const pairs = Number(process.argv[2] ?? 5);
  if (!Number.isInteger(pairs) || pairs < 1)
    throw new UsageError('usage: npm run bench -- [pairs, default 5]');
  const cfg = loadConfig();
  const root = join(cfg.REPORTS_DIR, 'bench');
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const { covered, missing } = twins();
  if (!covered.length) throw new Error('no feature has a plain twin in bench/specs');
  const env = (dir: string): NodeJS.ProcessEnv => ({ TARGET: 'mock', REPORTS_DIR: dir, FORCE_COLOR: '0' });
  const suiteDir = join(root, 'suite');
  const plainDir = join(root, 'plain');
  const filters = covered.map((f) => `${f}.spec.js`);
  // desktop-id repeats the @smoke scenarios in Indonesian; the plain twins speak English only.
  const projects = ['--project=desktop', '--project=mobile'];

  console.log(`[bench] ${pairs} pairs, alternating; ${covered.length} features with a plain twin`);
  if (missing.length)
    console.log(`[bench] not benchmarked (no plain twin in bench/specs): ${missing.join(', ')}`);
  const suite: Timed[] = [];
  const plain: Timed[] = [];
  // As `npm run e2e` runs it: the pipeline with bddgen when features or steps changed, then the tests.
  const runSuiteSide = async (i: number) => {
    const t = await timed(
      { runner: 'playwright', env: env(suiteDir), args: [...projects, ...filters] },
      join(root, `suite-${i}.log`),
    );
    suite.push(t);
    console.log(`[bench] pair ${i + 1} suite ${t.seconds.toFixed(1)} s${t.code ? ' (FAILED)' : ''}`);
  };
  const runPlain = async (i: number) => {
    const t = await timed(
      { runner: 'playwright', config: 'bench/playwright.config.ts', env: env(plainDir), args: projects },
      join(root, `plain-${i}.log`),
    );
    plain.push(t);
    console.log(`[bench] pair ${i + 1} plain ${t.seconds.toFixed(1)} s${t.code ? ' (FAILED)' : ''}`);
  };
  for (let i = 0; i < pairs; i++) {
    if (i % 2 === 0) {
      await runSuiteSide(i);
      await runPlain(i);
    } else {
      await runPlain(i);
      await runSuiteSide(i);
    }
  }
  const failedRuns = [...suite, ...plain].filter((t) => t.code !== 0).length;
  const ratios = suite.map((s, i) => s.seconds / plain[i]!.seconds);

  // Scenario count and the slowest scenarios of the last suite run.
  const results = groupScenarios((await readResults(join(suiteDir, 'allure-results'))).map((r) => r.result));
  const scenarios = results.length;
  const slowest = results
    .map((r) => ({ name: r.final.name, ...breakdown(r.final) }))
    .sort((a, b) => b.total - a.total)
    .slice(0, 5);

  // Report generation: one real generate to get a real history line, then 10 and 100 synthetic runs.
  const seed = join(root, 'report-seed');
  await cp(join(suiteDir, 'allure-results'), join(seed, 'allure-results'), { recursive: true });
  if ((await generateReport(seed)).code !== 0) throw new Error('allure generate failed');
  const realLine = (await readFile(join(seed, 'history.jsonl'), 'utf8')).trim().split('\n').at(-1)!;
  const reportSeconds10 = await reportSeconds(
    join(suiteDir, 'allure-results'),
    join(root, 'report-10'),
    10,
    realLine,
  );
  const reportSeconds100 = await reportSeconds(
    join(suiteDir, 'allure-results'),
    join(root, 'report-100'),
    100,
    realLine,
  );

  const suiteSeconds = median(suite.map((t) => t.seconds));
  const plainSeconds = median(plain.map((t) => t.seconds));
  const bench = {
    scenarios,
    suiteSeconds: round(suiteSeconds),
    plainSeconds: round(plainSeconds),
    ratio: round(median(ratios), 3),
    secondsPerScenario: round(suiteSeconds / Math.max(1, scenarios)),
    reportSeconds10: round(reportSeconds10),
    reportSeconds100: round(reportSeconds100),
    peakMemoryMB: round(Math.max(...suite.map((t) => t.peakMb)), 0),
    plainPeakMemoryMB: round(Math.max(...plain.map((t) => t.peakMb)), 0),
    pairs,
    ratios: ratios.map((r) => round(r, 3)),
    suiteRuns: suite.map((t) => round(t.seconds)),
    plainRuns: plain.map((t) => round(t.seconds)),
    failedRuns,
    workers: cfg.WORKERS ?? 1,
    features: covered,
    notBenchmarked: missing,
    slowest: slowest.map((s) => ({
      scenario: s.name,
      seconds: round(s.total / 1000),
      setup: round(s.setup / 1000),
      procedure: round(s.procedure / 1000),
      oracle: round(s.oracle / 1000),
      teardownAndReport: round(s.report / 1000),
    })),
    measuredAt: new Date().toISOString(),
    // BENCH_FRICTION_RUNS=n: the friction recorder's and axe's cost (scripts/friction-cost.ts), n runs each
    friction: process.env.BENCH_FRICTION_RUNS
      ? await measureFrictionCost(Number(process.env.BENCH_FRICTION_RUNS), join(root, 'friction-cost'))
      : undefined,
  };
  await writeFile(join(cfg.REPORTS_DIR, 'bench.json'), `${JSON.stringify(bench, null, 2)}\n`);

  const rows: [string, string][] = [
    ['scenarios', String(scenarios)],
    ['suite wall time (median)', `${bench.suiteSeconds} s  (runs ${bench.suiteRuns.join(', ')})`],
    ['plain Playwright (median)', `${bench.plainSeconds} s  (runs ${bench.plainRuns.join(', ')})`],
    ['ratio suite/plain (median of pairs)', `${bench.ratio}  (pairs ${bench.ratios.join(', ')})`],
    ['seconds per scenario', `${bench.secondsPerScenario} s on ${bench.workers} worker(s)`],
    ['allure generate, 10 runs of history', `${bench.reportSeconds10} s`],
    ['allure generate, 100 runs of history', `${bench.reportSeconds100} s`],
    [
      'peak memory (suite process tree, PSS)',
      `${bench.peakMemoryMB} MB (plain ${bench.plainPeakMemoryMB} MB)`,
    ],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  console.log('');
  for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
  console.log('\nslowest scenarios (s): total = setup + procedure + oracle + teardown/report');
  for (const s of bench.slowest)
    console.log(
      `  ${s.seconds.toFixed(2)} = ${s.setup.toFixed(2)} + ${s.procedure.toFixed(2)} + ${s.oracle.toFixed(2)} + ${s.teardownAndReport.toFixed(2)}  ${s.scenario}`,
    );
  if (bench.friction) console.log(`\n${costLines(bench.friction).join('\n')}`);
  console.log(`\n[bench] wrote ${join(cfg.REPORTS_DIR, 'bench.json')}`);
  if (failedRuns)
    console.error(`[bench] ${failedRuns} run(s) failed: timings of failing runs are not comparable`);
  return failedRuns ? 1 : 0;
}

runMain(main);
