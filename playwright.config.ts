import { defineConfig, devices } from '@playwright/test';
import { defineBddConfig } from 'playwright-bdd';
import { describeBrowser, QUIET_CHROMIUM_ARGS, findChromium } from './support/browser.ts';
import { loadConfig } from './support/config.ts';
import { DESKTOP_DEVICE, MOBILE_DEVICE } from './support/devices.ts';
import { loadTarget } from './support/load-target.ts';
import { localServerCommand, localServerNotice, mockServerCommand } from './support/mock-server.ts';
import { excludedFeatures, PROJECT_TAGS, selectionFromEnv, tagRegExp } from './support/select.ts';

const cfg = loadConfig();
const target = await loadTarget(cfg);
const chromium = findChromium(cfg.CHROMIUM_PATH);
const resultsDir = `${cfg.REPORTS_DIR}/allure-results`;
// A profile's localServer stands in for the target when its health URL does not answer: say so in the
// run's output and the report (main process only; the workers' config needs no answer).
const mainProcess = process.env.TEST_WORKER_INDEX === undefined;
const localServer =
  mainProcess && target.localServer ? await localServerNotice(target.localServer) : undefined;
if (localServer?.warning) console.warn(`[target] ${localServer.warning}`);

// Files the run pipeline left out (they failed validation; scripts/lib/features.ts) are not generated.
const excluded = excludedFeatures();
const testDir = defineBddConfig({
  features: excluded.length
    ? ['features/**/*.feature', ...excluded.map((file) => `!${file}`)]
    : 'features/**/*.feature',
  steps: ['fixtures/bdd.ts', 'fixtures/index.ts'],
  outputDir: cfg.BDD_OUTPUT_DIR,
});

export default defineConfig<object, { targetLocale: 'en' | 'id' | undefined }>({
  testDir,
  outputDir: `${cfg.REPORTS_DIR}/test-results`,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: cfg.WORKERS ?? 1,
  timeout: cfg.TEST_TIMEOUT_MS,
  expect: { timeout: cfg.ACTION_TIMEOUT_MS },
  reporter: [
    ['list'],
    ['json', { outputFile: `${cfg.REPORTS_DIR}/playwright-results.json` }],
    [
      'allure-playwright',
      {
        resultsDir,
        detail: true,
        suiteTitle: false,
        environmentInfo: {
          target: target.name,
          node: process.version,
          // the reporter runs in the main process only: workers skip the --version call
          browser: mainProcess ? describeBrowser(cfg, chromium) : '',
          ...(localServer ? { 'target server': localServer.environment } : {}),
        },
      },
    ],
  ],
  use: {
    headless: cfg.HEADLESS,
    actionTimeout: cfg.ACTION_TIMEOUT_MS,
    navigationTimeout: cfg.NAVIGATION_TIMEOUT_MS,
    // Sandbox mode: screenshots and trace frames are pictures of typed secrets, so the World takes its own
    // failure screenshot with inputs masked, and traces keep DOM snapshots only (redacted after the run).
    screenshot: target.kind === 'sandbox' ? 'off' : 'only-on-failure',
    trace: target.kind === 'sandbox' ? { mode: cfg.TRACE, screenshots: false, snapshots: true } : cfg.TRACE,
    launchOptions: { executablePath: chromium?.executablePath, args: QUIET_CHROMIUM_ARGS },
    // BROWSER_WS_ENDPOINT: drive a Playwright browser server instead (it receives launchOptions; see .env.example).
    connectOptions: cfg.BROWSER_WS_ENDPOINT ? { wsEndpoint: cfg.BROWSER_WS_ENDPOINT } : undefined,
  },
  // `@mobile-app` scenarios run on an emulated phone (R5: the app), everything else on a desktop
  // browser (R6 is the mobile site *on a desktop*). `metadata.device` names the device in Allure; the
  // device names and the tag live in support/devices.ts, which the cucumber-js World reads too.
  // Each project selects by a tag expression (support/select.ts), and'ed with the run's own selection
  // (`--tags` of npm run e2e, MONITOR_GREP), compiled to one whole-tag RegExp.
  projects: [
    {
      name: 'desktop',
      grep: tagRegExp(selectionFromEnv(PROJECT_TAGS.desktop)!),
      metadata: { device: DESKTOP_DEVICE },
      use: { ...devices[DESKTOP_DEVICE] },
    },
    {
      // The same features in Indonesian, through the labels profile alone (buyers get locale id).
      name: 'desktop-id',
      grep: tagRegExp(selectionFromEnv(PROJECT_TAGS['desktop-id'])!),
      metadata: { device: 'Desktop Chrome', locale: 'id' },
      use: { ...devices['Desktop Chrome'], targetLocale: 'id' as const },
    },
    {
      name: 'mobile',
      grep: tagRegExp(selectionFromEnv(PROJECT_TAGS.mobile)!),
      metadata: { device: MOBILE_DEVICE },
      use: { ...devices[MOBILE_DEVICE] },
    },
  ].filter((project) => target.kind === 'mock' || !project.metadata.locale), // a sandbox speaks its profile's language
  webServer: target.kind === 'mock' ? mockServerCommand(cfg, target) : localServerCommand(target),
});
