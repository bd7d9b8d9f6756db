// npm run report: serves the last Allure report on 127.0.0.1.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../support/config.ts';
import { run } from './lib/run.ts';

const dir = join(loadConfig().REPORTS_DIR, 'allure-report');
if (!existsSync(join(dir, 'index.html'))) {
  console.error(`No report in ${dir}: run "npm run e2e" first.`);
  process.exit(1);
}
process.exit(await run('npx', ['allure', 'open', dir, ...process.argv.slice(2)]));
