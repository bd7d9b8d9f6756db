// npm run e2e: the main job. Validates config, runs every feature against the target, writes the Allure report.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../support/env.ts';
import { loadConfig } from '../support/config.ts';
import { isSetupError, loadTarget } from '../support/load-target.ts';
import { generateReport } from './lib/report.ts';
import { run } from './lib/run.ts';

async function main(): Promise<number> {
  const cfg = loadConfig();
  const target = await loadTarget(cfg);
  console.log(`[e2e] target ${target.name} (${cfg.TARGET})`);
  await rm(join(cfg.REPORTS_DIR, 'allure-results'), { recursive: true, force: true });

  const generated = await run('npx', ['bddgen']);
  if (generated !== 0) return generated;
  const tests = await run('npx', ['playwright', 'test', ...process.argv.slice(2)]);

  const report = await generateReport(cfg.REPORTS_DIR);
  if (report.code === 0) {
    console.log(`[e2e] Allure report: ${report.index}`);
    console.log('[e2e] open it with: npm run report   (serves it on 127.0.0.1)');
  } else {
    console.error('[e2e] allure generate failed');
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
