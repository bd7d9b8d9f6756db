// What the friction recorder and its axe-core scans cost: the same narrowed suite run with FRICTION=off,
// FRICTION=on AXE=off and FRICTION=on AXE=on, alternated round by round, medians compared. The axe runs
// start cold (the scan cache of support/friction/axe.ts emptied: every screen scanned, as after a
// markup change); one more axe run afterwards is warm (the cache as the previous run left it: a rerun,
// or a monitor cycle with no markup change). Besides the A/B medians, the records' own timing of the
// recorder and of the scans against the scenarios' time (less noisy). Run alone
// (`npx tsx scripts/friction-cost.ts [runs]`) or from `npm run bench` (BENCH_FRICTION_RUNS=n).
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../support/config.ts';
import { AXE_CACHE_DIR } from '../support/friction/axe.ts';
import { readFrictionRecords } from '../support/friction/results.ts';
import { groupScenarios, readResults } from './lib/allure-results.ts';
import { runMain, UsageError } from './lib/main.ts';
import { runSuite } from './lib/pipeline.ts';

/** Removal and linking scenarios on the desktop browser: the screens axe scans, the steps counted. */
export const COST_FEATURES = [
  'features/wallet/remove-via-direct-link.feature',
  'features/help/remove-via-help-page.feature',
  'features/mobile/remove-via-mobile-site.feature',
  'features/checkout/link-card-at-checkout.feature',
];

const VARIANTS = {
  off: { FRICTION: 'off', AXE: 'off' },
  friction: { FRICTION: 'on', AXE: 'off' },
  axe: { FRICTION: 'on', AXE: 'on' },
} as const;
type Variant = keyof typeof VARIANTS;

export interface FrictionCost {
  runs: number;
  features: string[];
  /** Wall time of each run (s), by variant, in run order. */
  wall: Record<Variant, number[]>;
  /** Sum of the scenarios' durations (s) per run: the runner's start-up excluded. */
  scenarios: Record<Variant, number[]>;
  /** Median added time, as a percentage of the scenarios' time with FRICTION=off: the recorder, then axe on top. */
  frictionPercent: number;
  axePercent: number;
  /** The same from the wall times. */
  frictionWallPercent: number;
  axeWallPercent: number;
  failedRuns: number;
  /**
   * The records' own timing (support/friction/recorder.ts), as a percentage of the scenarios' time of
   * the same run, medians: the recorder (friction and axe runs), the scans cold, and one warm run.
   */
  selfTimed: { recorderPercent: number; axeColdPercent: number; axeWarmPercent: number };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
/** (with - without) as a percentage of `base`. */
const pct = (withIt: number, without: number, base: number) =>
  Number((((withIt - without) / base) * 100).toFixed(1));

async function scenarioSeconds(resultsDir: string): Promise<number> {
  const runs = groupScenarios((await readResults(resultsDir)).map((r) => r.result));
  return runs.reduce((sum, r) => sum + Math.max(0, r.final.stop - r.final.start), 0) / 1000;
}

/** What the run's friction records say they cost (ms), summed. */
async function selfCost(resultsDir: string): Promise<{ recorderMs: number; axeMs: number }> {
  const records = (await readFrictionRecords(resultsDir)).map((r) => r.record);
  return {
    recorderMs: records.reduce((sum, r) => sum + (r.cost?.recorderMs ?? 0), 0),
    axeMs: records.reduce((sum, r) => sum + (r.cost?.axeMs ?? 0), 0),
  };
}

/** Runs the narrowed suite `runs` times per variant, rotating the order each round. */
export async function measureFrictionCost(runs: number, root: string): Promise<FrictionCost> {
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const order: Variant[] = ['off', 'friction', 'axe'];
  const wall: Record<Variant, number[]> = { off: [], friction: [], axe: [] };
  const scenarios: Record<Variant, number[]> = { off: [], friction: [], axe: [] };
  let failedRuns = 0;
  const recorderShares: number[] = [];
  const axeCold: number[] = [];
  const axeWarm: number[] = [];
  const run = async (variant: Variant, label: string, cold: boolean) => {
    const dir = join(root, label);
    if (cold) await rm(AXE_CACHE_DIR, { recursive: true, force: true });
    const started = performance.now();
    const outcome = await runSuite({
      runner: 'playwright',
      name: 'friction-cost',
      args: ['--project=desktop', ...COST_FEATURES],
      env: { REPORTS_DIR: dir, FORCE_COLOR: '0', ...VARIANTS[variant] },
      report: false,
      echo: false,
      logFile: join(root, `${label}.log`),
    });
    const seconds = (performance.now() - started) / 1000;
    if (outcome.exitCode !== 0) failedRuns++;
    const scenarioS = await scenarioSeconds(join(dir, 'allure-results'));
    const self = await selfCost(join(dir, 'allure-results'));
    const share = (ms: number) => Number(((ms / 1000 / scenarioS) * 100).toFixed(1));
    if (variant !== 'off') recorderShares.push(share(self.recorderMs));
    if (variant === 'axe') (cold ? axeCold : axeWarm).push(share(self.axeMs));
    console.log(
      `[friction-cost] ${label.padEnd(12)} wall ${seconds.toFixed(1)} s, scenarios ${scenarioS.toFixed(1)} s` +
        (variant === 'off' ? '' : `, self-timed recorder ${share(self.recorderMs)} %`) +
        (variant === 'axe' ? `, axe ${share(self.axeMs)} % (${cold ? 'cold' : 'warm'})` : '') +
        (outcome.exitCode ? ' (FAILED)' : ''),
    );
    return { seconds, scenarioS };
  };
  for (let round = 0; round < runs; round++) {
    const rotated = [...order.slice(round % 3), ...order.slice(0, round % 3)];
    for (const variant of rotated) {
      const { seconds, scenarioS } = await run(variant, `${variant}-${round}`, variant === 'axe');
      wall[variant].push(Number(seconds.toFixed(2)));
      scenarios[variant].push(Number(scenarioS.toFixed(2)));
    }
  }
  // warm: the cache as the last cold axe run left it
  await run('axe', 'axe-warm', false);
  const m = (r: Record<Variant, number[]>, v: Variant) => median(r[v]);
  return {
    runs,
    features: COST_FEATURES,
    wall,
    scenarios,
    frictionPercent: pct(m(scenarios, 'friction'), m(scenarios, 'off'), m(scenarios, 'off')),
    axePercent: pct(m(scenarios, 'axe'), m(scenarios, 'friction'), m(scenarios, 'off')),
    frictionWallPercent: pct(m(wall, 'friction'), m(wall, 'off'), m(wall, 'off')),
    axeWallPercent: pct(m(wall, 'axe'), m(wall, 'friction'), m(wall, 'off')),
    failedRuns,
    selfTimed: {
      recorderPercent: median(recorderShares),
      axeColdPercent: median(axeCold),
      axeWarmPercent: median(axeWarm),
    },
  };
}

/** The figures as lines for a terminal. */
export function costLines(c: FrictionCost): string[] {
  const med = (xs: number[]) => median(xs).toFixed(1);
  return [
    `friction recorder cost: ${c.frictionPercent} % of the scenarios' time (wall ${c.frictionWallPercent} %); budget 3 %`,
    `axe-core scans cost:    ${c.axePercent} % of the scenarios' time (wall ${c.axeWallPercent} %), cold; budget 15 %`,
    `self-timed (the records' own clocks, medians): recorder ${c.selfTimed.recorderPercent} %, axe cold ${c.selfTimed.axeColdPercent} % (every screen scanned), axe warm ${c.selfTimed.axeWarmPercent} % (unchanged markup reused)`,
    `  medians of ${c.runs} alternated runs each, scenarios' time: off ${med(c.scenarios.off)} s, friction ${med(c.scenarios.friction)} s, friction+axe ${med(c.scenarios.axe)} s`,
    `  (${c.features.length} removal/linking feature files, desktop, WORKERS=1: an upper bound, as the full suite has scenarios the recorder skips)`,
  ];
}

async function main(): Promise<number> {
  const runs = Number(process.argv[2] ?? 3);
  if (!Number.isInteger(runs) || runs < 1)
    throw new UsageError('usage: npx tsx scripts/friction-cost.ts [runs, default 3]');
  const cfg = loadConfig();
  const cost = await measureFrictionCost(runs, join(cfg.REPORTS_DIR, 'friction-cost'));
  console.log('');
  for (const line of costLines(cost)) console.log(line);
  if (cost.failedRuns)
    console.error(`[friction-cost] ${cost.failedRuns} run(s) failed: their timings are not comparable`);
  return cost.failedRuns ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) runMain(main);
