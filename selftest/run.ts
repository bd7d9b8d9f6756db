// Runs the suite once per fault (MOCK_FAULTS=<fault>, own ports and results folder) and judges it.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { FAULT_NAMES, faultPlace, faultRow, faultsOn, type Skin } from '../mock-app/domain/faults.ts';
import { groupScenarios, readResults, scenarioKey } from '../scripts/lib/allure-results.ts';
import { bddgenIfChanged } from '../scripts/lib/bddgen.ts';
import { runSuite } from '../scripts/lib/pipeline.ts';
import { localBin, runChild } from '../scripts/lib/run.ts';
import { formatSuiteError } from '../scripts/lib/suite-errors.ts';
import { skipReason } from '../support/capabilities.ts';
import { type Config, loadConfig } from '../support/config.ts';
import { readProfile } from '../support/load-target.ts';
import { EXPECTATIONS, type FaultExpectation } from './expectations.ts';
import { judge, type Scenario, scenariosFor, selects, type Verdict } from './judge.ts';

/**
 * How the self-test reaches each skin of the mock. Skin A: the mock profile (targets/mock.ts, control
 * API, every capability). Skin B: its profile in sandbox posture (targets/skin-b-sandbox.ts: pre-made
 * accounts, its inbox, no control API; the profile's local server starts the mock with MOCK_SKIN=b),
 * as `npm test`'s smoke of skin B does; a fresh in-memory store per run.
 */
export const SKIN_TARGETS: Record<Skin, { env: NodeJS.ProcessEnv; profile: string }> = {
  a: { env: { TARGET: 'mock' }, profile: 'targets/mock.ts' },
  b: {
    env: {
      TARGET: 'sandbox',
      TARGET_PROFILE: 'targets/skin-b-sandbox.ts',
      SANDBOX_ALLOWED_HOSTS: '127.0.0.1',
      MOCK_DB: ':memory:',
    },
    profile: 'targets/skin-b-sandbox.ts',
  },
};

/** The environment of one suite run: the skin's target, the given faults, ports and folders. */
export function suiteEnv(
  cfg: Config,
  over: { faults: string; portBase: number; reportsDir: string; skin?: Skin; sandboxPassword?: string },
): NodeJS.ProcessEnv {
  const skin = over.skin ?? 'a';
  return {
    ...process.env,
    ...SKIN_TARGETS[skin].env,
    ...(skin === 'b' ? { SANDBOX_PASSWORD: over.sandboxPassword ?? sandboxPassword() } : {}),
    MOCK_FAULTS: over.faults,
    MOCK_PORT_BASE: String(over.portBase),
    REPORTS_DIR: over.reportsDir,
    BDD_OUTPUT_DIR: cfg.BDD_OUTPUT_DIR,
    MONITOR_DEGRADED_MS: String(cfg.MONITOR_DEGRADED_MS),
    FORCE_COLOR: '0',
  };
}

/** Whether nothing listens on 127.0.0.1:port (binding it succeeds). */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** The mock's ports: base+0 .. base+9 (mock-app/public.ts). */
const PORTS_PER_MOCK = 10;

/**
 * The first of `preferred`, `preferred + step`, ... whose ten mock ports are all free right now, and
 * the busy ones it passed over. A fault's suite must start its own mock: on a busy port, skin B's
 * local server (reuseExistingServer) would test whatever already listens there (another helper's mock,
 * without the fault) and skin A's would refuse to start.
 */
export async function freePortBase(
  preferred: number,
  options: { step?: number; tries?: number } = {},
): Promise<{ base: number; busy: number[] }> {
  const { step = 200, tries = 5 } = options;
  const busy: number[] = [];
  for (let i = 0; i < tries; i++) {
    const base = preferred + i * step;
    const taken: number[] = [];
    for (let port = base; port < base + PORTS_PER_MOCK; port++) if (!(await portFree(port))) taken.push(port);
    if (!taken.length) return { base, busy };
    busy.push(...taken);
  }
  throw new Error(
    `no free block of ${PORTS_PER_MOCK} ports from ${preferred} (step ${step}, ${tries} tries); busy: ${busy.join(', ')}`,
  );
}

/** The pre-made accounts' password for one self-test on skin B (the mock seeds them with it). */
function sandboxPassword(): string {
  return `selftest ${randomBytes(9).toString('base64url')}!`;
}

/**
 * Why each listed scenario cannot run on the skin's target (its profile's procedures and capabilities,
 * support/capabilities.ts), by scenario key; the self-test leaves those out instead of judging a skip.
 */
export async function notOnTarget(
  env: NodeJS.ProcessEnv,
  scenarios: Scenario[],
): Promise<Map<string, string>> {
  const cfg = loadConfig(env);
  const source = cfg.TARGET_PROFILE ?? SKIN_TARGETS.a.profile;
  const saved = { ...process.env };
  Object.assign(process.env, env); // a profile reads process.env (ports, accounts)
  try {
    const profile = await readProfile(source, cfg);
    const reasons = new Map<string, string>();
    for (const s of scenarios) {
      const why = skipReason(s.tags, profile, cfg.WORKERS ?? 1);
      if (why) reasons.set(s.key, why);
    }
    return reasons;
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

interface ListedSuite {
  title: string;
  specs?: {
    title: string;
    tags: string[];
    file: string;
    line: number;
    tests: { projectName: string }[];
  }[];
  suites?: ListedSuite[];
}

/** Generates the specs (bddgen) and lists every scenario with its tags, as `playwright test --list` does. */
export async function listScenarios(env: NodeJS.ProcessEnv): Promise<Scenario[]> {
  const gen = await bddgenIfChanged(env.BDD_OUTPUT_DIR ?? '.features-gen', env);
  if (gen.code !== 0) throw new Error(`bddgen failed: ${gen.output.trim().slice(-1_000)}`);
  const listed = await runChild(...localBin('playwright', ['test', '--list', '--reporter=json']), {
    env,
    output: { stdout: [], stderr: [], capture: true },
  });
  const json = JSON.parse(listed.stdout) as { suites: ListedSuite[]; errors?: { message: string }[] };
  if (json.errors?.length) throw new Error(`playwright --list: ${json.errors[0]!.message}`);
  const scenarios: Scenario[] = [];
  const walk = (suite: ListedSuite, path: string[]) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests)
        scenarios.push({
          key: scenarioKey([...path, spec.title].join(' › '), t.projectName),
          title: spec.title,
          tags: spec.tags.map((tag) => (tag.startsWith('@') ? tag : `@${tag}`)),
          location: `${spec.file}:${spec.line}`,
        });
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const file of json.suites) walk(file, [file.title]);
  const outDir = env.BDD_OUTPUT_DIR ?? '.features-gen';
  const sources = new Map<string, string[]>();
  for (const s of scenarios) {
    const [file, line] = [
      s.location.slice(0, s.location.lastIndexOf(':')),
      Number(s.location.split(':').at(-1)),
    ];
    if (!sources.has(file)) sources.set(file, (await readFile(join(outDir, file), 'utf8')).split('\n'));
    if (stepsOf(sources.get(file)!, line).includes(ORACLE_STEP)) s.tags.push(REMOVES_TAG);
  }
  return scenarios;
}

/** The oracle step every removal scenario ends with (steps/oracle.steps.ts). */
const ORACLE_STEP = 'the card is removed everywhere';
/** Pseudo-tag the self-test gives scenarios that contain the oracle step (see selftest/expectations.ts). */
export const REMOVES_TAG = '@removes';

/** Step texts of the generated test that starts at `line` (1-based), up to the next test. */
export function stepsOf(lines: string[], line: number): string[] {
  const steps: string[] = [];
  for (let i = line; i < lines.length; i++) {
    if (/^\s*test(\.describe)?\(/.test(lines[i]!)) break;
    const m = /await (?:Given|When|Then|And|But)\('((?:[^'\\]|\\.)*)'/.exec(lines[i]!);
    if (m) steps.push(m[1]!.replace(/\\'/g, "'"));
  }
  return steps;
}

/**
 * The faults the mock implements on `skin`: the rows of its fault table (mock-app/domain/fault-table.ts)
 * that have a place on that skin, the same table the mock takes its known names from.
 * tests/selftest/fault-switch.test.ts keeps each row's places true.
 */
export async function implementedFaults(skin: Skin = 'a'): Promise<Set<string>> {
  return new Set(faultsOn(skin));
}

export interface FaultRun {
  verdict: Verdict;
  seconds: number;
  reportsDir: string;
  /** Scenarios this fault selects that the skin's target cannot run, with why (not judged). */
  notJudged: string[];
}

/** One fault: start the suite with it on, run its scenarios, judge from the allure-results. */
export async function runFault(
  expectation: FaultExpectation,
  scenarios: Scenario[],
  cfg: Config,
  options: {
    implemented: boolean;
    portBase: number;
    reportsDir: string;
    skin?: Skin;
    sandboxPassword?: string;
    /** Scenario key -> why the skin's target cannot run it (left out of the judging). */
    notOnTarget?: Map<string, string>;
  },
): Promise<FaultRun> {
  const started = Date.now();
  const override = expectation.unaffectedOn?.[options.skin ?? 'a'];
  const overridden: string[] = [];
  if (override) {
    overridden.push(`unaffected "${expectation.unaffected}": ${override.why}`);
    expectation = { ...expectation, unaffected: override.expression };
  }
  const judgeWith = (runs: Parameters<typeof judge>[2], implemented = options.implemented) =>
    judge(expectation, scenarios, runs, { implemented, degradedMs: cfg.MONITOR_DEGRADED_MS });
  const reportsDir = options.reportsDir;
  const skipped = options.notOnTarget ?? new Map<string, string>();
  const selected = scenariosFor(expectation, scenarios);
  const notJudged = [
    ...overridden,
    ...[...selected.caught, ...selected.unaffected]
      .filter((s) => skipped.has(s.key))
      .map((s) => `"${s.title}" (${s.key.split(' ').at(-1)}): ${skipped.get(s.key)}`),
  ];
  scenarios = scenarios.filter((s) => !skipped.has(s.key));
  const { caught, unaffected } = scenariosFor(expectation, scenarios);
  if (!options.implemented || !caught.length)
    return { verdict: judgeWith([]), seconds: 0, reportsDir, notJudged };

  await rm(reportsDir, { recursive: true, force: true });
  await mkdir(reportsDir, { recursive: true });
  const locations = [...new Set([...caught, ...unaffected].map((s) => s.location))];
  const log = join(reportsDir, 'playwright.log');
  // The run pipeline, as npm run e2e: its report marks the retried passes flaky, as the judge expects.
  const outcome = await runSuite({
    runner: 'playwright',
    name: `selftest ${expectation.fault}`,
    env: suiteEnv(cfg, {
      faults: expectation.fault,
      portBase: options.portBase,
      reportsDir,
      skin: options.skin,
      sandboxPassword: options.sandboxPassword,
    }),
    args: locations,
    retries: expectation.retries ?? 0,
    echo: false,
    logFile: log,
  });
  const resultsDir = join(reportsDir, 'allure-results');
  const runs = groupScenarios((await readResults(resultsDir)).map((r) => r.result));
  // Locations select whole lines; keep only the scenarios this fault is about.
  const wanted = new Set([...caught, ...unaffected].map((s) => s.key));
  const verdict = judgeWith(runs.filter((r) => wanted.has(r.key)));
  verdict.problems.push(...outcome.suiteErrors.map(formatSuiteError));
  if (outcome.setupError) verdict.problems.push(outcome.setupError);
  if (!runs.length) verdict.problems.push(`no results: see ${log}`);
  return { verdict, seconds: (Date.now() - started) / 1000, reportsDir, notJudged };
}

/** The whole table (or the faults in `only`), one suite run per fault, in order, on one skin. */
export async function runSelftest(
  cfg: Config,
  options: {
    only?: string[];
    /** Tag expression: judge only scenarios inside it (a quick subset, e.g. under `npm test`). */
    within?: string;
    /** The mock's skin (default a); a row without a place on it is "not on this skin", not a failure. */
    skin?: Skin;
    onFault?: (run: FaultRun) => void;
  } = {},
): Promise<FaultRun[]> {
  const skin = options.skin ?? 'a';
  const root = join(cfg.REPORTS_DIR, 'selftest');
  const unknown = (options.only ?? []).filter((f) => !EXPECTATIONS.some((e) => e.fault === f));
  if (unknown.length) throw new Error(`no expectation for ${unknown.join(', ')} in selftest/expectations.ts`);
  const implemented = await implementedFaults(skin);
  const password = sandboxPassword();
  const listEnv = suiteEnv(cfg, {
    faults: '',
    portBase: cfg.MOCK_PORT_BASE,
    reportsDir: join(root, 'list'),
    skin,
    sandboxPassword: password,
  });
  const listed = await listScenarios(listEnv);
  const scenarios = options.within ? listed.filter((s) => selects(options.within!, s)) : listed;
  const skipped = await notOnTarget(listEnv, scenarios);
  const runs: FaultRun[] = [];
  for (const [index, expectation] of EXPECTATIONS.entries()) {
    if (options.only && !options.only.includes(expectation.fault)) continue;
    const place = faultPlace(faultRow(expectation.fault), skin);
    if ('notOnSkin' in place) {
      // The table says this skin lacks it: reported as such, neither run nor claimed as caught.
      const run: FaultRun = {
        verdict: {
          fault: expectation.fault,
          ok: true,
          verdict: `not on skin ${skin}`,
          caughtBy: [],
          categories: [],
          problems: [place.notOnSkin],
        },
        seconds: 0,
        reportsDir: root,
        notJudged: [],
      };
      options.onFault?.(run);
      runs.push(run);
      continue;
    }
    const ports = await freePortBase(cfg.MOCK_PORT_BASE + 10 * (index + 1));
    if (ports.busy.length)
      console.log(
        `[selftest] ${expectation.fault}: ports ${ports.busy.join(', ')} in use by another process; its mock starts at ${ports.base}`,
      );
    const run = await runFault(expectation, scenarios, cfg, {
      implemented: implemented.has(expectation.fault),
      portBase: ports.base,
      reportsDir: join(root, expectation.fault),
      skin,
      sandboxPassword: password,
      notOnTarget: skipped,
    });
    options.onFault?.(run);
    runs.push(run);
  }
  if (!options.only)
    for (const fault of FAULT_NAMES.filter((f) => !EXPECTATIONS.some((e) => e.fault === f)))
      runs.push({
        verdict: {
          fault,
          ok: false,
          verdict: 'no expectation',
          caughtBy: [],
          categories: [],
          problems: ['add it to selftest/expectations.ts'],
        },
        seconds: 0,
        reportsDir: root,
        notJudged: [],
      });
  return runs;
}
