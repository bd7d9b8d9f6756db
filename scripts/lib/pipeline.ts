// One run of the suite, for every entry point (npm run e2e, cucumber, monitor, selftest, flake, bench):
// config + target (the production guard refuses hosts outside SANDBOX_ALLOWED_HOSTS), clean results,
// feature validation (a broken file is left out with a suite error), bddgen when its inputs changed,
// the runner as a child in its own process group with a timeout, its console redacted line by line,
// every artefact redacted, janitor summary, skip reasons, the Allure report, and one exit code.
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Config, loadConfig } from '../../support/config.ts';
import { driftDirOf } from '../../support/drift/store.ts';
import { ConfigError } from '../../support/env.ts';
import { isSetupError, loadTarget } from '../../support/load-target.ts';
import { localServerCommand, mockServerCommand } from '../../support/mock-server.ts';
import { redactText } from '../../support/redact.ts';
import { classify, runSecrets, Secret, type SecretSet } from '../../support/secrets.ts';
import { bothTags, EXCLUDE_FEATURES_ENV, selectionProblem, TAGS_ENV } from '../../support/select.ts';
import type { TargetProfile } from '../../support/target.ts';
import { groupScenarios, readResults } from './allure-results.ts';
import { type JanitorSummary, janitorSummary, redactArtefacts, skippedWithReasons } from './artefacts.ts';
import { bddgenIfChanged } from './bddgen.ts';
import { featureFiles, validateFeatures } from './features.ts';
import { runMain } from './main.ts';
import { type RunningMock, startServer } from './mock-process.ts';
import { generateReport } from './report.ts';
import { type ChildExit, startChild, stopAll } from './run.ts';
import { runnerCommand } from './runner-command.ts';
import {
  formatSuiteError,
  type SuiteError,
  suiteErrorFromCrash,
  suiteErrorsFromBddgen,
  suiteErrorsFromCucumber,
  suiteErrorsFromPlaywright,
  writeSuiteErrorResults,
} from './suite-errors.ts';

export type RunnerName = 'playwright' | 'cucumber';

export interface SuiteOptions {
  runner: RunnerName;
  /** Names the run in its console lines ("[e2e] ..."). */
  name: string;
  /** Passed to the runner as given: files, `--project=desktop`, `-p smoke`, `--grep`, ... */
  args?: string[];
  /** A Cucumber tag expression (`@fact:F1 and not @wip`), applied by either runner, whole tags only. */
  tags?: string;
  /** Overrides of the environment for the config and the children (TARGET, REPORTS_DIR, MOCK_FAULTS...). */
  env?: NodeJS.ProcessEnv;
  /** Retries per scenario (Playwright `--retries`, cucumber-js `--retry`); default: the config's. */
  retries?: number;
  /** Another Playwright config (bench's plain twins): no feature validation, no bddgen. */
  config?: string;
  /** Stop the runner after this many ms (SIGINT to its process group, SIGKILL 15 s later). */
  timeoutMs?: number;
  /** Generate the Allure report (default true; the monitor generates its own with history). */
  report?: boolean;
  /** Where the runner's output and the pipeline's lines go: the terminal (default), a stream, or nowhere. */
  echo?: NodeJS.WritableStream | 'terminal' | false;
  /** Also append all of it to this file (redacted, as the console). */
  logFile?: string;
  /** Called with each child's pid as it starts (the monitor records them for a restart). */
  onChild?: (pid: number) => void | Promise<void>;
  /** Ctrl+C / SIGTERM stop the children and end the run as interrupted (default true). */
  handleSignals?: boolean;
}

export type SuiteKind = 'passed' | 'failed' | 'suite-error' | 'setup-error' | 'timeout' | 'interrupted';

export interface SuiteCounts {
  passed: number;
  failed: number;
  broken: number;
  skipped: number;
  flaky: number;
}

export interface SuiteOutcome {
  /** 0 all passed (janitor warnings included); 1 a scenario failed or a suite error; 2 could not run
   * (config, target refused, bddgen, timeout); 130 interrupted; else the runner's or allure's code. */
  exitCode: number;
  kind: SuiteKind;
  /** The runner's own exit code (undefined when it never started). */
  runnerExitCode?: number;
  timedOut: boolean;
  signal?: string;
  /** One line for setup errors (config, target, selection). */
  setupError?: string;
  suiteErrors: SuiteError[];
  /** Feature files left out of the run because of suite errors. */
  excluded: string[];
  skipped: string[];
  janitor?: JanitorSummary;
  /** Artefact files the redactor changed. */
  redactedFiles: number;
  /** Scenarios by final status (retries folded), from the run's allure-results. */
  counts: SuiteCounts;
  report?: { code: number; index: string };
  reportsDir: string;
}

/**
 * Splits `--tags X` / `--tags=X` / `-t X` off a command line (given more than once: all of them, as
 * cucumber-js reads them); the rest passes to the runner.
 */
export function takeTags(argv: string[]): { tags?: string; args: string[] } {
  const args: string[] = [];
  let tags: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--tags' || a === '-t') tags = bothTags(tags, argv[++i]);
    else if (a.startsWith('--tags=')) tags = bothTags(tags, a.slice('--tags='.length));
    else args.push(a);
  }
  return { tags, args };
}

interface Sinks {
  out: NodeJS.WritableStream[];
  err: NodeJS.WritableStream[];
}

function sinksFor(options: SuiteOptions): { sinks: Sinks; close: () => Promise<void> } {
  const echo = options.echo ?? 'terminal';
  const out: NodeJS.WritableStream[] = [];
  const err: NodeJS.WritableStream[] = [];
  if (echo === 'terminal') {
    out.push(process.stdout);
    err.push(process.stderr);
  } else if (echo) {
    out.push(echo);
    err.push(echo);
  }
  const log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
  if (log) {
    out.push(log);
    err.push(log);
  }
  return {
    sinks: { out, err },
    close: () => new Promise<void>((done) => (log ? log.end(done) : done())),
  };
}

const countsOf = async (resultsDir: string): Promise<SuiteCounts> => {
  const runs = groupScenarios((await readResults(resultsDir)).map((r) => r.result));
  const n = (s: string) => runs.filter((r) => r.final.status === s).length;
  return {
    passed: n('passed'),
    failed: n('failed'),
    broken: n('broken'),
    skipped: n('skipped'),
    flaky: runs.filter((r) => r.flaky).length,
  };
};

/**
 * Runs the suite once. Never throws for the user's mistakes: a wrong config, a refused target or a
 * bad selection come back as `kind: 'setup-error'` with one line, exit code 2.
 */
export async function runSuite(options: SuiteOptions): Promise<SuiteOutcome> {
  const tag = `[${options.name}]`;
  const { sinks, close } = sinksFor(options);
  const write = (to: NodeJS.WritableStream[], line: string) => {
    for (const s of to) s.write(`${tag} ${line}\n`);
  };
  const say = (line: string) => write(sinks.out, line);
  const warn = (line: string) => write(sinks.err, line);
  const empty: SuiteCounts = { passed: 0, failed: 0, broken: 0, skipped: 0, flaky: 0 };
  let reportsDir = options.env?.REPORTS_DIR ?? process.env.REPORTS_DIR ?? 'reports';
  const base = {
    timedOut: false,
    suiteErrors: [] as SuiteError[],
    excluded: [] as string[],
    skipped: [] as string[],
    redactedFiles: 0,
    counts: empty,
  };

  // Config and target: the production guard runs here, before anything starts.
  let cfg: Config;
  let target: TargetProfile;
  try {
    loadConfig(); // reads .env into process.env once
    const env = { ...process.env, ...options.env };
    cfg = options.env ? loadConfig(env) : loadConfig();
    reportsDir = cfg.REPORTS_DIR;
    // A profile reads process.env itself (ports, accounts, `{ env: 'NAME' }` secrets): give it the run's.
    target = await withEnv(options.env, () => loadTarget(cfg));
    const problem = options.tags ? selectionProblem(options.tags) : undefined;
    if (problem) throw new ConfigError([`--tags: ${problem} (got "${options.tags}")`]);
  } catch (error) {
    if (!(error instanceof ConfigError || isSetupError(error))) throw error;
    // the user's to fix: the message alone (it names the variable or field), as support/ writes it
    for (const to of sinks.err) to.write(`${(error as Error).message}\n`);
    await close();
    return { ...base, exitCode: 2, kind: 'setup-error', setupError: (error as Error).message, reportsDir };
  }
  say(`target ${target.name} (${cfg.TARGET})${options.tags ? `, scenarios ${options.tags}` : ''}`);

  // Clean results: each run reports only itself.
  await mkdir(reportsDir, { recursive: true });
  for (const part of [
    'allure-results',
    'janitor.jsonl',
    'playwright-results.json',
    join('cucumber', 'traces'),
  ])
    await rm(join(reportsDir, part), { recursive: true, force: true });

  // Secrets: the profile's (sandbox passwords, cards, CVC) and this run's generated ones, the sign-up
  // password and the wallet's payment password (support/secrets.ts runSecrets), registered here, before
  // any artefact exists, and handed to the runner in their env variables; card numbers of any target are
  // caught by the redactor's pattern. (Values given in CARDWATCH_GENERATED_PASSWORD or
  // CARDWATCH_PAYMENT_PASSWORD are kept, so an audit of the run can search for them.)
  const generated: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  const generatedNames = runSecrets(generated);
  const secrets: SecretSet = classify(Secret.values());
  const redact = (text: string) => redactText(text, secrets);

  // Feature validation: syntax errors (and, for Playwright, repeated titles) leave their file out.
  const suiteErrors: SuiteError[] = [];
  const excluded = new Set<string>();
  /** Records suite errors; before the run, their feature files are left out of it. */
  const addErrors = (errors: SuiteError[], leaveOut = true) => {
    for (const e of errors) {
      suiteErrors.push(e);
      warn(formatSuiteError(e));
      if (leaveOut && e.file.endsWith('.feature')) excluded.add(e.file);
    }
  };
  if (!options.config) addErrors(validateFeatures(featureFiles(), options.runner).errors);

  const childEnv = (): NodeJS.ProcessEnv => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...options.env,
      REPORTS_DIR: reportsDir,
      ...Object.fromEntries(generatedNames.map((name) => [name, generated[name]])),
      [EXCLUDE_FEATURES_ENV]: [...excluded].sort().join('\n'),
    };
    if (options.tags && options.runner === 'playwright') env[TAGS_ENV] = options.tags;
    else delete env[TAGS_ENV];
    // TypeScript support code: tsx in cucumber-js and in each of its workers (they inherit the env).
    if (options.runner === 'cucumber')
      env.NODE_OPTIONS = [process.env.NODE_OPTIONS, '--import tsx'].filter(Boolean).join(' ');
    return env;
  };

  // Ctrl+C / SIGTERM: stop the children (their groups), finish as interrupted.
  let interrupted: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted = signal;
    warn(`${signal}: stopping the run`);
    void stopAll('SIGINT');
  };
  if (options.handleSignals ?? true) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }

  let exit: ChildExit | undefined;
  let server: RunningMock | undefined;
  let setupError: string | undefined;
  const deadline = options.timeoutMs === undefined ? undefined : Date.now() + options.timeoutMs;
  const remaining = () => (deadline === undefined ? undefined : Math.max(0, deadline - Date.now()));
  try {
    // bddgen when its inputs changed; what it names (undefined steps, parse errors) is left out, once.
    if (options.runner === 'playwright' && !options.config) {
      for (let attempt = 0; attempt < 2; attempt++) {
        const gen = await bddgenIfChanged(cfg.BDD_OUTPUT_DIR, childEnv());
        if (gen.code === 0) break;
        const named = suiteErrorsFromBddgen(gen.output).filter((e) => !excluded.has(e.file));
        if (attempt === 0 && named.length) {
          addErrors(named);
          continue;
        }
        addErrors([suiteErrorFromCrash('bddgen', gen.output)]);
        setupError = 'bddgen failed';
        break;
      }
    }
    // cucumber-js has no webServer: start what playwright.config.ts would (the mock, or a profile's server).
    if (!setupError && options.runner === 'cucumber') {
      const entry = target.kind === 'mock' ? mockServerCommand(cfg, target) : localServerCommand(target);
      if (entry) {
        // the run's own environment (REPORTS_DIR, MOCK_*...) under the entry's, as Playwright passes it
        server = await startServer({
          ...entry,
          env: { ...(options.env as Record<string, string>), ...entry.env },
        });
        say(`server up at ${server.url}`);
      }
    }
    for (let attempt = 0; !setupError && attempt < 2 && !interrupted; attempt++) {
      const [cmd, args] = await runnerCommand(options, cfg, [...excluded]);
      const child = startChild(cmd, args, {
        env: childEnv(),
        output: { stdout: sinks.out, stderr: sinks.err, filter: redact },
        timeoutMs: remaining(),
        onStart: (pid) => void options.onChild?.(pid),
      });
      exit = await child.exited;
      // Playwright refuses the whole run for one file's load error ("duplicate test title"): leave it out, once.
      if (options.runner !== 'playwright' || exit.code === 0 || exit.timedOut || attempt > 0) break;
      const named = suiteErrorsFromPlaywright(exit.tail).filter((e) => !excluded.has(e.file));
      const ran = Object.values(await countsOf(join(reportsDir, 'allure-results'))).some((n) => n > 0);
      if (!named.length || ran) break;
      addErrors(named);
      if (options.config) break;
      say(`running again without ${named.map((e) => e.file).join(', ')}`);
      const gen = await bddgenIfChanged(cfg.BDD_OUTPUT_DIR, childEnv());
      if (gen.code !== 0) break;
    }
  } catch (error) {
    setupError = (error as Error).message;
    warn(setupError);
  } finally {
    await server?.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  // cucumber-js ran its undefined/ambiguous steps' scenarios as such: name them as suite errors too
  if (options.runner === 'cucumber')
    addErrors(suiteErrorsFromCucumber(join(reportsDir, 'cucumber', 'messages.ndjson')), false);

  // Redaction as the net, on every target: the console was redacted line by line, now every artefact.
  const redactedFiles = redactArtefacts(reportsDir, secrets, [driftDirOf(cfg)]);
  if (redactedFiles) say(`secrets redacted from ${redactedFiles} artefact files`);
  const resultsDir = join(reportsDir, 'allure-results');
  if (excluded.size) {
    writeSuiteErrorResults(
      resultsDir,
      suiteErrors.filter((e) => excluded.has(e.file)),
    );
    warn(`left out (suite errors, see above): ${[...excluded].join(', ')}`);
  }

  const skipped = skippedWithReasons(reportsDir);
  if (skipped.length) say(`skipped ${skipped.length}:\n${skipped.map((s) => `  - ${s}`).join('\n')}`);
  const janitor = janitorSummary(reportsDir);
  if (janitor) {
    say(
      `janitor: ${janitor.cleanups} clean-ups, ${janitor.removed} test cards removed, ${janitor.failed.length} warning(s)`,
    );
    // a warning, never a failure (docs/sandbox.md section 5): the account keeps test cards until a later clean-up
    for (const failure of janitor.failed)
      warn(`janitor warning (test cards left, not a failure): ${failure}`);
  }
  const counts = await countsOf(resultsDir);

  let report: SuiteOutcome['report'];
  if ((options.report ?? true) && !interrupted && existsSync(resultsDir)) {
    report = await generateReport(reportsDir);
    if (report.code === 0) {
      say(`Allure report: ${report.index}`);
      say('open it with: npm run report   (serves it on 127.0.0.1)');
      if (options.runner === 'cucumber')
        say(`Cucumber report: ${join(reportsDir, 'cucumber', 'report.html')}`);
    } else warn('allure generate failed');
  }
  await close();

  // Exit-code policy, one place.
  const runnerCode = exit?.code;
  let kind: SuiteKind;
  let exitCode: number;
  if (interrupted) [kind, exitCode] = ['interrupted', 130];
  else if (exit?.timedOut) [kind, exitCode] = ['timeout', 2];
  else if (setupError || exit === undefined)
    [kind, exitCode] = [suiteErrors.length ? 'suite-error' : 'setup-error', 2];
  else if (suiteErrors.length) [kind, exitCode] = ['suite-error', Math.max(1, runnerCode ?? 1)];
  else if (runnerCode !== 0) [kind, exitCode] = ['failed', runnerCode ?? 1];
  else [kind, exitCode] = ['passed', report && report.code !== 0 ? report.code : 0];
  return {
    exitCode,
    kind,
    runnerExitCode: runnerCode,
    timedOut: exit?.timedOut ?? false,
    signal: interrupted ?? exit?.signal,
    setupError,
    suiteErrors,
    excluded: [...excluded],
    skipped,
    janitor,
    redactedFiles,
    counts,
    report,
    reportsDir,
  };
}

/** For entry points: run, then exit the process with the outcome's code. */
export function runSuiteAndExit(options: SuiteOptions): void {
  runMain(async () => (await runSuite(options)).exitCode);
}

/** Runs `work` with `overrides` laid over process.env, then puts every variable back as it was. */
async function withEnv<T>(overrides: NodeJS.ProcessEnv | undefined, work: () => Promise<T>): Promise<T> {
  if (!overrides) return work();
  const before = new Map(Object.keys(overrides).map((k) => [k, process.env[k]] as const));
  Object.assign(process.env, overrides);
  try {
    return await work();
  } finally {
    for (const [k, v] of before) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
