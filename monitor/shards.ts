// One monitor cycle as N shards (MONITOR_SHARDS): each shard is one run of the pipeline (the cycle's
// runner, scripts/lib/pipeline.ts) with Playwright's `--shard=i/N`, in its own folder <run>/shards/<i>/,
// with its own generated specs and, on the mock, its own mock (MOCK_PORT_BASE + 10 (i-1)); optionally
// its own browser server (MONITOR_SHARD_ENDPOINTS). The shards run at once; their allure-results are
// merged (scripts/merge-shards.ts) into <run>/allure-results, so the cycle reports, observes, keeps
// state and alerts once, as for one run.
// A shard that did not finish (timed out, killed, could not start) never reads as green: every scenario
// Playwright assigned to it (`playwright test --list --shard=i/N`) that has no result gets a broken
// "not measured" result, which the report files under infrastructure and the monitor counts as
// infrastructure (its procedures keep their state; the cycle exits 2). When no shard finished, that is
// the cycle's infrastructure error.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { groupScenarios, readResults, scenarioKey } from '../scripts/lib/allure-results.ts';
import { localBin, runChild } from '../scripts/lib/run.ts';
import { mergeResults } from '../scripts/merge-shards.ts';
import { EXCLUDE_FEATURES_ENV, TAGS_ENV } from '../support/select.ts';
import type { Log } from './alerts.ts';
import type { SuiteError, SuiteOutcome, SuiteRun, SuiteRunner } from './suite.ts';

export interface Shard {
  /** 1-based, as Playwright counts: `--shard=index/total`. */
  index: number;
  total: number;
}

export const shardArg = (s: Shard) => `--shard=${s.index}/${s.total}`;
export const shardName = (s: Shard) => `shard ${s.index}/${s.total}`;
/** <run>/shards/<i>: the shard's REPORTS_DIR (results, suite.log, Playwright's JSON and test-results). */
export const shardDirOf = (runDir: string, index: number) => join(runDir, 'shards', String(index));

/** `--shard=i/N` read back from a command line (the stand-in suite splits its script with it). */
export function shardOf(args: readonly string[]): Shard | undefined {
  for (const a of args) {
    const m = /^--shard=(\d+)\/(\d+)$/.exec(a);
    if (m) return { index: Number(m[1]), total: Number(m[2]) };
  }
  return undefined;
}

/**
 * The start of every "not measured" message. support/report-categories.mjs (INFRASTRUCTURE_MESSAGE) and
 * monitor/evidence.ts (cause "browser") match it: the monitor's own runner went away, not the target.
 */
export const NOT_MEASURED = 'not measured: shard';

/** A scenario as Playwright lists it for a shard: its report identity (fullName + project) and tags. */
export interface ListedScenario {
  name: string;
  /** As allure-playwright writes it: `<spec file> › <describe> › <title>`. */
  fullName: string;
  project: string;
  /** Without "@": `proc:R3`, `fact:F5`. */
  tags: string[];
}

/** The scenarios Playwright assigns to `shard` for this run (selection, files left out, args as given). */
export type ShardLister = (shard: Shard, run: SuiteRun, excluded: string[]) => Promise<ListedScenario[]>;

interface JsonSuite {
  title: string;
  specs?: { title: string; tags?: string[]; tests: { projectName: string }[] }[];
  suites?: JsonSuite[];
}

/** The tests of Playwright's JSON report (`--list --reporter=json`), as allure-playwright names them. */
export function listedOf(report: { suites?: JsonSuite[] }): ListedScenario[] {
  const out: ListedScenario[] = [];
  const walk = (suite: JsonSuite, path: string[]) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests)
        out.push({
          name: spec.title,
          fullName: [...path, spec.title].join(' › '),
          project: test.projectName,
          tags: (spec.tags ?? []).map((t) => t.replace(/^@/, '')),
        });
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const file of report.suites ?? []) walk(file, [file.title]);
  return out;
}

/** `playwright test --list --reporter=json --shard=i/N`: loads the specs, runs nothing, starts no server. */
export const playwrightLister: ShardLister = async (shard, run, excluded) => {
  const env: NodeJS.ProcessEnv = { ...run.env, [EXCLUDE_FEATURES_ENV]: excluded.join('\n') };
  if (run.grep) env[TAGS_ENV] = run.grep;
  else delete env[TAGS_ENV];
  const [cmd, args] = localBin('playwright', [
    'test',
    '--list',
    '--reporter=json',
    shardArg(shard),
    ...run.extraArgs,
  ]);
  const exit = await runChild(cmd, args, {
    env,
    output: { stdout: [], stderr: [], capture: true },
    timeoutMs: 120_000,
    graceMs: 2_000,
  });
  const json = exit.stdout.slice(exit.stdout.indexOf('{'));
  try {
    return listedOf(JSON.parse(json) as { suites?: JsonSuite[] });
  } catch {
    const line = exit.tail.split('\n').find((l) => /error/i.test(l)) ?? `exit ${exit.code}`;
    throw new Error(`playwright --list ${shardArg(shard)} failed: ${line.trim()}`);
  }
};

/** Why a shard's run did not finish, or undefined when it ran to its end (passed or failed). */
export function unfinished(outcome: SuiteOutcome, timeoutMs: number): string | undefined {
  if (outcome.timedOut) return `took longer than ${timeoutMs} ms (MONITOR_RUN_TIMEOUT_MS) and was stopped`;
  if (outcome.setupError) return `could not start: ${outcome.setupError.split('\n').find((l) => l.trim())}`;
  if (outcome.signal) return `was stopped by ${outcome.signal}`;
  if (outcome.exitCode !== 0 && outcome.exitCode !== 1)
    return `ended with exit code ${outcome.exitCode} before its end`;
  return undefined;
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/** One broken result for a scenario a shard was given and did not finish. */
function notMeasuredResult(s: ListedScenario, shard: Shard, why: string, now: number) {
  const id = md5(scenarioKey(s.fullName, s.project));
  return {
    uuid: randomUUID(),
    historyId: id,
    testCaseId: id,
    name: s.name,
    fullName: s.fullName,
    status: 'broken',
    stage: 'finished',
    statusDetails: {
      message: `${NOT_MEASURED} ${shard.index}/${shard.total} ${why}; this scenario was assigned to it and has no result`,
    },
    labels: [
      { name: 'parentSuite', value: s.project },
      ...s.tags.map((value) => ({ name: 'tag', value })),
      ...s.tags
        .filter((t) => /^(proc|fact):/.test(t))
        .map((t) => ({ name: 'procedure', value: t.split(':')[1]! })),
    ],
    parameters: [{ name: 'Project', value: s.project }],
    steps: [],
    attachments: [],
    start: now,
    stop: now,
  };
}

/**
 * Writes a "not measured" result into `resultsDir` for each listed scenario without a measured result
 * (passed, failed or broken). When the listing itself failed: one result for the whole shard.
 * Returns how many were written.
 */
export async function markNotMeasured(
  resultsDir: string,
  shard: Shard,
  why: string,
  listed: ListedScenario[] | Error,
): Promise<number> {
  await mkdir(resultsDir, { recursive: true });
  const now = Date.now();
  const write = (r: { uuid: string }) =>
    writeFile(join(resultsDir, `${r.uuid}-result.json`), JSON.stringify(r));
  if (listed instanceof Error) {
    await write(
      notMeasuredResult(
        {
          name: `${shardName(shard)}: not measured`,
          fullName: `monitor ${shardName(shard)}`,
          project: '',
          tags: [],
        },
        shard,
        `${why}; its scenarios could not be listed (${listed.message})`,
        now,
      ),
    );
    return 1;
  }
  const measured = new Set(
    groupScenarios((await readResults(resultsDir)).map((r) => r.result))
      .filter((r) => ['passed', 'failed', 'broken'].includes(r.final.status))
      .map((r) => r.key),
  );
  const missing = listed.filter((s) => !measured.has(scenarioKey(s.fullName, s.project)));
  for (const s of missing) await write(notMeasuredResult(s, shard, why, now));
  return missing.length;
}

export interface ShardOptions {
  total: number;
  /** One ws:// URL per shard (MONITOR_SHARD_ENDPOINTS); empty: every shard as the environment says. */
  endpoints: string[];
  /** On the embedded mock: its port base; shard i starts its own mock at base + 10 (i-1). */
  mockPortBase?: number;
  /** BDD_OUTPUT_DIR; shard i generates its specs into `<dir>-shard-<i>` (no two bddgen on one folder). */
  bddOutputDir: string;
  log: Log;
  /** Default: playwrightLister. */
  list?: ShardLister;
  /** A reason to refuse sharding this target (checked before any shard starts). */
  refuse?: () => Promise<string | undefined>;
  /** True once the monitor is shutting down: the cycle is recorded as cut, nothing is listed. */
  isStopping?: () => boolean;
}

export interface ShardReport extends Shard {
  dir: string;
  exitCode: number;
  ms: number;
  /** Why it did not finish; undefined when it ran to its end. */
  unfinished?: string;
  /** "Not measured" results written for it. */
  notMeasured: number;
  endpoint?: string;
  mockPortBase?: number;
}

export interface ShardedOutcome extends SuiteOutcome {
  shards: ShardReport[];
  /** Results in the merged allure-results. */
  merged: number;
  /** Set when no shard finished: the cycle's infrastructure error. */
  infrastructure?: string;
}

/** A stream that writes each line to `to` with `prefix` (the shards' interleaved console). */
function prefixed(to: NodeJS.WritableStream, prefix: string): NodeJS.WritableStream {
  let rest = '';
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop()!;
      for (const line of lines) to.write(`${prefix}${line}\n`);
      done();
    },
    final(done) {
      if (rest) to.write(`${prefix}${rest}\n`);
      done();
    },
  });
}

const RANK = ['passed', 'failed', 'suite-error', 'timeout', 'setup-error', 'interrupted'] as const;

/**
 * The cycle's runner for N shards: runs `runner` once per shard, concurrently, marks what an unfinished
 * shard left unmeasured, merges every shard's results into <run>/allure-results and the shards' logs
 * into <run>/suite.log, and answers one outcome for the whole run.
 */
export function shardedRunner(runner: SuiteRunner, opts: ShardOptions): SuiteRunner {
  const list = opts.list ?? playwrightLister;
  return async (run): Promise<ShardedOutcome> => {
    const refusal =
      run.extraArgs.find((a) => a.startsWith('--shard')) !== undefined
        ? `MONITOR_SHARDS: the monitor shards a cycle itself (${opts.total} shards); leave --shard off its command line`
        : await opts.refuse?.();
    if (refusal) {
      await writeFile(join(run.runDir, 'suite.log'), `${refusal}\n`);
      return {
        exitCode: 2,
        timedOut: false,
        kind: 'setup-error',
        setupError: refusal,
        shards: [],
        merged: 0,
      };
    }
    const shards = Array.from({ length: opts.total }, (_, i) => ({ index: i + 1, total: opts.total }));
    const ran = await Promise.all(
      shards.map(async (shard) => {
        const dir = shardDirOf(run.runDir, shard.index);
        await mkdir(dir, { recursive: true });
        const env: NodeJS.ProcessEnv = {
          ...run.env,
          REPORTS_DIR: dir,
          BDD_OUTPUT_DIR: `${opts.bddOutputDir}-shard-${shard.index}`,
        };
        const mockPortBase =
          opts.mockPortBase === undefined ? undefined : opts.mockPortBase + 10 * (shard.index - 1);
        if (mockPortBase !== undefined) env.MOCK_PORT_BASE = String(mockPortBase);
        const endpoint = opts.endpoints[shard.index - 1];
        if (endpoint) env.BROWSER_WS_ENDPOINT = endpoint;
        const echo = run.echo && prefixed(run.echo, `[${shardName(shard)}] `);
        const started = performance.now();
        const shardRun: SuiteRun = {
          ...run,
          runDir: dir,
          env,
          extraArgs: [...run.extraArgs, shardArg(shard)],
          echo,
        };
        const outcome: SuiteOutcome = await runner(shardRun).catch((error: Error) => ({
          exitCode: 127,
          timedOut: false,
          kind: 'setup-error' as const,
          setupError: error.message,
        }));
        echo?.end();
        const ms = performance.now() - started;
        const why = unfinished(outcome, run.timeoutMs);
        let notMeasured = 0;
        if (why && !opts.isStopping?.()) {
          const listed = await list(shard, shardRun, outcome.excluded ?? []).catch((error: Error) => error);
          notMeasured = await markNotMeasured(join(dir, 'allure-results'), shard, why, listed);
        }
        const report: ShardReport = {
          ...shard,
          dir,
          exitCode: outcome.exitCode,
          ms,
          unfinished: why,
          notMeasured,
          endpoint: env.BROWSER_WS_ENDPOINT,
          mockPortBase,
        };
        return { report, outcome };
      }),
    );

    // One set of results, one log: what the cycle reads as for one run.
    const resultDirs = ran.map((r) => join(r.report.dir, 'allure-results')).filter((d) => existsSync(d));
    const merged = await mergeResults(resultDirs, join(run.runDir, 'allure-results'));
    for (const d of resultDirs) await rm(d, { recursive: true, force: true });
    const log = createWriteStream(join(run.runDir, 'suite.log'));
    for (const { report } of ran) {
      log.write(`== ${shardName(report)} (${join('shards', String(report.index), 'suite.log')}) ==\n`);
      log.write(await readFile(join(report.dir, 'suite.log'), 'utf8').catch(() => '(no log)\n'));
    }
    await new Promise<void>((done) => log.end(done));

    for (const { report } of ran)
      opts.log(
        `[monitor] ${shardName(report)}: exit ${report.exitCode} in ${(report.ms / 1000).toFixed(1)} s` +
          `${report.endpoint ? ` (browser server ${report.endpoint})` : ''}` +
          `${report.unfinished ? `; ${report.unfinished}: ${report.notMeasured} scenario(s) not measured` : ''}`,
      );
    const outcomes = ran.map((r) => r.outcome);
    const unfinishedShards = ran.filter((r) => r.report.unfinished);
    const suiteErrors = new Map<string, SuiteError>();
    for (const e of outcomes.flatMap((o) => o.suiteErrors ?? []))
      suiteErrors.set(`${e.file}:${e.line ?? ''}:${e.message}`, e);
    const kinds = outcomes.map((o) => RANK.indexOf(o.kind ?? (o.exitCode === 0 ? 'passed' : 'failed')));
    const whys = [...new Set(unfinishedShards.map((r) => r.report.unfinished))];
    return {
      exitCode: Math.max(...outcomes.map((o) => o.exitCode)),
      timedOut: outcomes.every((o) => o.timedOut),
      signal: outcomes.find((o) => o.signal)?.signal,
      kind: RANK[Math.max(...kinds)] ?? 'failed',
      suiteErrors: [...suiteErrors.values()],
      setupError: outcomes.every((o) => o.setupError) ? outcomes[0]!.setupError : undefined,
      excluded: [...new Set(outcomes.flatMap((o) => o.excluded ?? []))],
      shards: ran.map((r) => r.report),
      merged,
      infrastructure:
        unfinishedShards.length === ran.length
          ? whys.length === 1
            ? `no shard finished: each of the ${ran.length} shards ${whys[0]}`
            : `no shard finished: ${unfinishedShards.map((r) => `${shardName(r.report)} ${r.report.unfinished}`).join('; ')}`
          : undefined,
    };
  };
}
