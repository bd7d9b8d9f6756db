// npm run cucumber [-- -p smoke] [cucumber-js args]: the same features and steps under cucumber-js.
// Validates config, starts the mock (like Playwright's webServer), runs cucumber-js with a profile from
// cucumber.json, then writes the same Allure report as npm run e2e.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { loadConfig } from '../support/config.ts';
import { ConfigError } from '../support/env.ts';
import { loadTarget } from '../support/load-target.ts';
import { withReportsDir } from './lib/cucumber-config.ts';
import { type RunningMock, startMock } from './lib/mock-process.ts';
import { generateReport } from './lib/report.ts';
import { run } from './lib/run.ts';

async function main(): Promise<number> {
  const cfg = loadConfig();
  const target = await loadTarget(cfg);
  console.log(`[cucumber] target ${target.name} (${cfg.TARGET})`);
  await rm(join(cfg.REPORTS_DIR, 'allure-results'), { recursive: true, force: true });
  await rm(join(cfg.REPORTS_DIR, 'cucumber', 'traces'), { recursive: true, force: true });
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
  if (target.kind === 'mock') {
    mock = await startMock(cfg, target);
    console.log(`[cucumber] mock up at ${mock.url.replace(/\/healthz$/, '')}`);
  }

  let tests: number;
  try {
    // cucumber-js joins --config onto the cwd, so it must be relative.
    const args = ['cucumber-js', '--config', relative(process.cwd(), config)];
    // WORKERS is the Playwright runner's worker count: the same number of cucumber workers.
    if (cfg.WORKERS) args.push('--parallel', String(cfg.WORKERS));
    const nodeOptions = [process.env.NODE_OPTIONS, '--import tsx'].filter(Boolean).join(' ');
    tests = await run('npx', [...args, ...process.argv.slice(2)], {
      ...process.env,
      NODE_OPTIONS: nodeOptions,
    });
  } finally {
    await stopMock();
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
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(2);
  },
);
