// npm run cucumber [-- -p smoke] [cucumber-js args]: the same features and steps under cucumber-js.
// Validates config, starts the mock (like Playwright's webServer), runs cucumber-js with a profile from
// cucumber.json, then writes the same Allure report as npm run e2e.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { loadConfig } from '../support/config.ts';
import { ConfigError } from '../support/env.ts';
import { isSetupError, loadTarget } from '../support/load-target.ts';
import { localServerCommand, mockServerCommand } from '../support/mock-server.ts';
import { classify, Secret } from '../support/secrets.ts';
import { withReportsDir } from './lib/cucumber-config.ts';
import { type RunningMock, startServer } from './lib/mock-process.ts';
import { generateReport } from './lib/report.ts';
import { run } from './lib/run.ts';
import { janitorSummary, redactArtefacts, runRedacted } from './lib/sandbox-run.ts';

async function main(): Promise<number> {
  const cfg = loadConfig();
  const target = await loadTarget(cfg);
  console.log(`[cucumber] target ${target.name} (${cfg.TARGET})`);
  await rm(join(cfg.REPORTS_DIR, 'allure-results'), { recursive: true, force: true });
  await rm(join(cfg.REPORTS_DIR, 'cucumber', 'traces'), { recursive: true, force: true });
  await rm(join(cfg.REPORTS_DIR, 'janitor.jsonl'), { force: true });
  // Sandbox mode, as scripts/e2e.ts: the profile's secrets are scrubbed from the console and every artefact.
  const secrets = target.kind === 'sandbox' ? classify(Secret.values()) : undefined;
  await mkdir(join(cfg.REPORTS_DIR, 'cucumber'), { recursive: true });

  const config = join(cfg.REPORTS_DIR, 'cucumber', 'cucumber.json');
  const profiles = JSON.parse(await readFile('cucumber.json', 'utf8'));
  await writeFile(
    config,
    `${JSON.stringify(withReportsDir(profiles, relative(process.cwd(), cfg.REPORTS_DIR) || '.'), null, 2)}\n`,
  );

  let mock: RunningMock | undefined;
  const stopMock = () => mock?.stop();
  process.once('SIGINT', () => void stopMock()?.then(() => process.exit(130)));
  process.once('SIGTERM', () => void stopMock()?.then(() => process.exit(143)));
  // What playwright.config.ts gives its webServer: the mock, or a sandbox profile's local server.
  const server = target.kind === 'mock' ? mockServerCommand(cfg, target) : localServerCommand(target);
  if (server) {
    mock = await startServer(server);
    console.log(`[cucumber] server up at ${mock.url}`);
  }

  let tests: number;
  try {
    // cucumber-js joins --config onto the cwd, so it must be relative.
    const args = ['cucumber-js', '--config', relative(process.cwd(), config)];
    // WORKERS is the Playwright runner's worker count: the same number of cucumber workers.
    if (cfg.WORKERS) args.push('--parallel', String(cfg.WORKERS));
    args.push(...process.argv.slice(2));
    // TypeScript support code: tsx in cucumber-js and in each of its workers (they inherit the env).
    const nodeOptions = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = [nodeOptions, '--import tsx'].filter(Boolean).join(' ');
    try {
      tests = secrets ? await runRedacted('npx', args, secrets) : await run('npx', args);
    } finally {
      if (nodeOptions === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = nodeOptions;
    }
  } finally {
    await stopMock();
  }
  if (secrets)
    console.log(
      `[cucumber] sandbox: secrets redacted from ${redactArtefacts(cfg.REPORTS_DIR, secrets)} artefact files`,
    );
  const janitor = janitorSummary(cfg.REPORTS_DIR);
  if (janitor) {
    console.log(
      `[cucumber] janitor: ${janitor.cleanups} clean-ups, ${janitor.removed} test cards removed, ${janitor.failed.length} failed`,
    );
    for (const failure of janitor.failed) console.error(`[cucumber] janitor failed ${failure}`);
    if (janitor.failed.length && tests === 0) tests = 1;
  }

  const report = await generateReport(cfg.REPORTS_DIR);
  if (report.code === 0) {
    console.log(`[cucumber] Allure report: ${report.index}`);
    console.log(`[cucumber] Cucumber report: ${join(cfg.REPORTS_DIR, 'cucumber', 'report.html')}`);
  } else {
    console.error('[cucumber] allure generate failed');
  }
  return tests !== 0 ? tests : report.code;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof ConfigError || isSetupError(error) ? error.message : error);
    process.exit(2);
  },
);
