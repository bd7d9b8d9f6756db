import { existsSync } from 'node:fs';
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { ConfigError, envBool, envPort, parseEnv } from './env.ts';
import { DEFAULT_DEGRADED_MS } from './report-categories.mjs';
import { knownSettings, unknownSettingLine, unknownSettings } from './settings.ts';

const positiveMs = z.coerce.number().int().positive();

export const configSchema = z.object({
  TARGET: z.enum(['mock', 'sandbox'], { message: 'expected "mock" or "sandbox"' }).default('mock'),
  TARGET_PROFILE: z.string().min(1).optional(),
  HEADLESS: envBool.default(true),
  CHROMIUM_PATH: z.string().min(1).optional(),
  /**
   * A Playwright browser server (`npx playwright run-server`, or a grid speaking Playwright's protocol):
   * both runners connect to it instead of launching Chromium. Its browsers must reach the target's origins.
   */
  BROWSER_WS_ENDPOINT: z
    .url({ protocol: /^wss?$/, message: 'expected the ws:// or wss:// URL of a Playwright browser server' })
    .optional(),
  WORKERS: z.coerce.number().int().min(1).max(16).optional(),
  ACTION_TIMEOUT_MS: positiveMs.default(10_000),
  NAVIGATION_TIMEOUT_MS: positiveMs.default(15_000),
  TEST_TIMEOUT_MS: positiveMs.default(60_000),
  MOCK_HOST: z.literal('127.0.0.1', { message: 'the mock listens on 127.0.0.1 only' }).default('127.0.0.1'),
  MOCK_PORT_BASE: envPort.default(4310),
  MOCK_LOCALE: z.enum(['en', 'id'], { message: 'expected "en" or "id"' }).default('en'),
  MOCK_FAULTS: z.string().default(''),
  /** The captcha answer the mock's wallet always accepts (its test key); default in mock-app/public.ts. */
  MOCK_CAPTCHA_TEST_ANSWER: z.string().min(4).max(64).optional(),
  REPORTS_DIR: z.string().min(1).default('reports'),
  /** Where playwright-bdd writes the generated specs; a separate one lets two runs share a checkout. */
  BDD_OUTPUT_DIR: z.string().min(1).default('.features-gen'),
  /** Hosts a sandbox profile may point at (comma-separated; `*.example.com` for subdomains). Others are refused. */
  SANDBOX_ALLOWED_HOSTS: z
    .string()
    .default('127.0.0.1,localhost')
    .transform((s) =>
      s
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** Playwright traces: kept for failed scenarios by default; in sandbox mode without screenshots and redacted. */
  TRACE: z
    .enum(['off', 'on', 'retain-on-failure'], { message: 'expected "off", "on" or "retain-on-failure"' })
    .default('retain-on-failure'),
  /** Friction records of removal and linking scenarios (support/friction): actions, screens, personal data. */
  FRICTION: envBool.default(true),
  /** axe-core scans (WCAG 2.1 A + AA) of the screens those procedures visit, once per screen per worker. */
  AXE: envBool.default(true),
  /** Drift diagnosis (support/drift): last green aria snapshot per screen, diffed against the page at a failure. */
  DRIFT: envBool.default(true),
  /** Where those snapshots are kept (<dir>/<target>/<locale>/<screen>.yml); default REPORTS_DIR/drift. */
  DRIFT_DIR: z.string().min(1).optional(),
  /** A scenario that passes but takes longer than this (ms) is "degraded" (report category, monitor, self-test). */
  MONITOR_DEGRADED_MS: positiveMs.default(DEFAULT_DEGRADED_MS),
});

export type Config = z.output<typeof configSchema>;

let cached: Config | undefined;

/** Set in the environment once the unknown-variable warnings are printed, so child runs do not repeat them. */
const CHECKED_MARK = 'CARDWATCH_SETTINGS_CHECKED';

/** Names the env file to read instead of `./.env` (e.g. one per monitored target); set in the real environment. */
export const ENV_FILE_VAR = 'CARDWATCH_ENV_FILE';

/**
 * Reads CARDWATCH_ENV_FILE, else `./.env` when there is one, into `env` (real variables win). A named file
 * that cannot be read is a problem line; a missing `./.env` is not.
 */
function readEnvFile(env: NodeJS.ProcessEnv): string | undefined {
  const named = env[ENV_FILE_VAR];
  if (named && !existsSync(named)) return `${ENV_FILE_VAR}: no file at "${named}"`;
  const result = loadDotenv({
    quiet: true,
    path: named || '.env',
    processEnv: env as Record<string, string>,
  });
  if (named && result.error) return `${ENV_FILE_VAR}: cannot read "${named}": ${result.error.message}`;
  return undefined;
}

/**
 * Variables under cardwatch's prefixes that it does not read (support/settings.ts), one line each naming the
 * closest known name: under `strictPrefixes` they are `errors`, the others `warnings`.
 */
export function settingsProblems(
  env: Record<string, string | undefined>,
  strictPrefixes: readonly string[] = [],
): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const unknown of unknownSettings(env, knownSettings(Object.keys(configSchema.shape)))) {
    const strict = strictPrefixes.some((p) => unknown.name.startsWith(p));
    (strict ? errors : warnings).push(unknownSettingLine(unknown));
  }
  return { errors, warnings };
}

/**
 * Reads `.env`, or the file CARDWATCH_ENV_FILE names (real env wins), and validates it once per process. Throws ConfigError naming each variable;
 * a variable under `strictPrefixes` that cardwatch does not know is one of those errors (the monitor passes
 * MONITOR_). Unknown variables under the other prefixes are warned about on stderr, once per process tree.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  strictPrefixes: readonly string[] = [],
): Config {
  if (env === process.env && cached && !strictPrefixes.length) return cached;
  const fileProblem = env === process.env ? readEnvFile(env) : undefined;
  const { errors, warnings } = settingsProblems(env, strictPrefixes);
  if (env === process.env && !env[CHECKED_MARK]) {
    for (const line of warnings) console.warn(`cardwatch: warning: ${line}`);
    env[CHECKED_MARK] = '1';
  }
  if (fileProblem) errors.unshift(fileProblem);
  let parsed: Config;
  try {
    parsed = parseEnv(configSchema, { ...env });
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError([...errors, ...error.problems]);
    throw error;
  }
  if (errors.length) throw new ConfigError(errors);
  if (env === process.env) cached = parsed;
  return parsed;
}
