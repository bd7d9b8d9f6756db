// Bench-only: the same flows as plain Playwright specs (bench/specs), no BDD, no page objects, no
// Allure. Same browser, timeouts, devices, workers and mock as the suite: its config minus those layers.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import suite from '../playwright.config.ts';
import { loadConfig } from '../support/config.ts';

const cfg = loadConfig();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const server = suite.webServer;

export default defineConfig({
  ...suite,
  testDir: '.',
  testMatch: 'specs/**/*.spec.ts',
  outputDir: `${cfg.REPORTS_DIR}/bench-test-results`,
  reporter: [['list']],
  // The suite's mock, started from the repository root as the suite starts it.
  webServer: server && !Array.isArray(server) ? { ...server, cwd: root } : server,
});
