// A stand-in for the suite (the cycle's `deps.runner` seam): writes scripted allure-results the way
// allure-playwright does (one result per attempt, tags and procedure labels, Gherkin steps, the
// phase labels of helper C's fixtures), so the monitor's own logic can be driven cycle by cycle
// without a browser. Used by tests/monitor/ and monitor/soak.ts; never by the daemon itself.
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AllureResult } from '../scripts/lib/allure-results.ts';
import { JANITOR_WARNING_LABEL, PHASE_LABELS, type SuiteError } from './observe.ts';
import { type ListedScenario, type Shard, type ShardLister, shardOf } from './shards.ts';
import type { SuiteOutcome, SuiteRunner } from './suite.ts';

export interface Attempt {
  status: 'passed' | 'failed' | 'broken';
  /** The error as Playwright words it (message; trace optional). */
  message?: string;
  trace?: string;
  /** The failing Gherkin step (default: the scenario's last step). */
  step?: string;
  /** Wall time of the attempt (ms), default 3000. */
  ms?: number;
  /** The cw.procedureMs label; absent = not recorded. */
  procedureMs?: number;
  janitorWarnings?: string[];
}

export interface Scripted {
  name: string;
  /** Tags without "@": proc:R3, fact:F5... */
  tags: string[];
  attempts: Attempt[];
  steps?: string[];
  feature?: string;
}

export interface ScriptedRun {
  scenarios: Scripted[];
  suiteErrors?: SuiteError[];
  exitCode?: number;
  /**
   * Shards that do not finish (MONITOR_SHARDS, monitor/shards.ts): shard `shard` writes the results of its
   * first `after` scenarios only, then is killed (SIGKILL, exit 137) or times out.
   */
  unfinishedShards?: { shard: number; after: number; how: 'killed' | 'timeout' }[];
}

/** The part of a script a shard runs: every N-th scenario (Playwright splits by its own rule; any split will do). */
export function shareOf<T>(items: readonly T[], shard: Shard | undefined): T[] {
  return shard ? items.filter((_, i) => i % shard.total === shard.index - 1) : [...items];
}

/** A scripted scenario as `playwright test --list` names it (monitor/shards.ts ListedScenario). */
export const listedOfScripted = (s: Scripted): ListedScenario => ({
  name: s.name,
  fullName: `${s.feature ?? 'features/x.feature'}.spec.js › ${s.name}`,
  project: 'desktop',
  tags: s.tags,
});

const DEFAULT_STEPS = [
  'Given a signed-in buyer with a linked card',
  'When the buyer removes the card',
  'Then the card is removed everywhere',
];

/** The allure results one scripted scenario leaves (one per attempt, consecutive in time). */
export function scriptedResults(s: Scripted, startAt: number): AllureResult[] {
  const steps = s.steps ?? DEFAULT_STEPS;
  let t = startAt;
  return s.attempts.map((a) => {
    const ms = a.ms ?? 3000;
    const start = t;
    t += ms + 10;
    const failing = a.status === 'passed' ? -1 : Math.max(0, steps.indexOf(a.step ?? steps.at(-1)!));
    const labels = [
      ...s.tags.map((value) => ({ name: 'tag', value: `@${value}` })),
      ...s.tags.map((t) => ({ name: 'procedure', value: t.split(':')[1]! })),
      ...(a.procedureMs === undefined
        ? []
        : [{ name: PHASE_LABELS.procedureMs, value: String(a.procedureMs) }]),
      ...(a.janitorWarnings ?? []).map((value) => ({ name: JANITOR_WARNING_LABEL, value })),
    ];
    return {
      uuid: randomUUID(),
      name: s.name,
      fullName: listedOfScripted(s).fullName,
      status: a.status,
      statusDetails: a.message ? { message: a.message, trace: a.trace } : {},
      labels,
      parameters: [{ name: 'Project', value: 'desktop' }],
      steps: steps.map((name, i) => ({
        name,
        status: failing < 0 || i < failing ? 'passed' : i === failing ? a.status : 'skipped',
        start,
        stop: start + 1,
      })),
      start,
      stop: start + ms,
    } as AllureResult;
  });
}

/**
 * A runner that writes `plan(cycle)` (cycle counts from 1) into the run's allure-results. Given
 * `--shard=i/N` it writes only that shard's share (all shards of one cycle read the same plan), and
 * `list(shard)` answers what that shard was given, as `playwright test --list` would.
 */
export function standInRunner(
  plan: (cycle: number) => ScriptedRun,
): SuiteRunner & { cycles: () => number; list: ShardLister } {
  let cycle = 0;
  let shardCalls = 0;
  let script: ScriptedRun = { scenarios: [] };
  const runner = async (run: Parameters<SuiteRunner>[0]): Promise<SuiteOutcome> => {
    const shard = shardOf(run.extraArgs);
    // the N shards of one cycle are N calls (started together, before any awaits): one cycle, one plan
    if (!shard || shardCalls++ % shard.total === 0) {
      cycle++;
      script = plan(cycle);
    }
    const cut = shard && script.unfinishedShards?.find((u) => u.shard === shard.index);
    const scenarios = shareOf(script.scenarios, shard).slice(0, cut ? cut.after : undefined);
    const results = join(run.runDir, 'allure-results');
    await mkdir(results, { recursive: true });
    await writeFile(join(run.runDir, 'suite.log'), `stand-in runner, cycle ${cycle}\n`);
    let t = Date.now();
    for (const s of scenarios)
      for (const r of scriptedResults(s, t)) {
        t = r.stop + 10;
        await writeFile(join(results, `${r.uuid}-result.json`), JSON.stringify(r));
      }
    if (cut)
      return cut.how === 'killed'
        ? { exitCode: 137, timedOut: false, signal: 'SIGKILL', kind: 'failed' }
        : { exitCode: 2, timedOut: true, kind: 'timeout' };
    const failed = scenarios.some((s) => s.attempts.at(-1)?.status !== 'passed');
    const outcome: SuiteOutcome & { suiteErrors?: SuiteError[] } = {
      exitCode: script.exitCode ?? (failed || script.suiteErrors?.length ? 1 : 0),
      timedOut: false,
    };
    if (script.suiteErrors) outcome.suiteErrors = script.suiteErrors;
    return outcome;
  };
  return Object.assign(runner, {
    cycles: () => cycle,
    list: async (shard: Shard) => shareOf(script.scenarios, shard).map(listedOfScripted),
  });
}
