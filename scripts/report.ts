// npm run report [-- PORT]: serves the last Allure report on 127.0.0.1 until Ctrl+C.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { loadConfig } from '../support/config.ts';
import { serveStatic } from './lib/serve-static.ts';

const dir = join(loadConfig().REPORTS_DIR, 'allure-report');
if (!existsSync(join(dir, 'index.html'))) {
  console.error(`No report in ${dir}: run "npm run e2e" first.`);
  process.exit(1);
}
const server = await serveStatic(dir, Number(process.argv[2] ?? 0));
console.log(`Allure report: http://127.0.0.1:${(server.address() as AddressInfo).port}/  (Ctrl+C to stop)`);
