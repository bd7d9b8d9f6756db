// Which environment variables are cardwatch settings, and which look like one but are not (a typo such as
// MONITOR_CORN would otherwise be ignored silently and the default used).
import { mockSchema } from '../mock-app/config.ts';
import { monitorSchema } from '../monitor/settings.ts';
import { similarity } from './similarity.ts';

/**
 * Prefixes that only cardwatch uses. Left out on purpose: SANDBOX_ (a profile names its own variables,
 * e.g. SANDBOX_EN_CVC, NW_ACCOUNTS), ALLURE_ (Allure's own variables share it), and the unprefixed ones.
 */
export const SETTING_PREFIXES = ['MONITOR_', 'MOCK_', 'CARDWATCH_', 'BDD_', 'REPORTS_', 'BROWSER_', 'DRIFT_'];

/** The monitor's prefix: a variable under it that the monitor does not know is an error there (monitor/config.ts). */
export const MONITOR_PREFIX = 'MONITOR_';

/** Settings read outside the zod schemas (run selection, generated secrets, test knobs). */
const OTHER_SETTINGS = [
  'CARDWATCH_TAGS',
  'CARDWATCH_EXCLUDE_FEATURES',
  'CARDWATCH_GENERATED_PASSWORD',
  'CARDWATCH_PAYMENT_PASSWORD',
  'CARDWATCH_ENV_FILE',
  'CARDWATCH_SETTINGS_CHECKED',
  'MONITOR_SLOW_TESTS',
  'MONITOR_SECRETS_PORT_BASE',
];

/** Every variable name cardwatch reads: the suite's (`suiteNames`, support/config.ts), the mock's and the monitor's schemas, and the others. */
export function knownSettings(suiteNames: readonly string[]): Set<string> {
  return new Set([
    ...suiteNames,
    ...Object.keys(mockSchema.shape),
    ...Object.keys(monitorSchema.shape),
    ...OTHER_SETTINGS,
  ]);
}

export interface UnknownSetting {
  name: string;
  /** The known name most like it (Levenshtein similarity), when one is at least half alike. */
  closest?: string;
}

/** Variables in `env` under one of `prefixes` that are not in `known`, sorted by name. */
export function unknownSettings(
  env: Record<string, string | undefined>,
  known: Set<string>,
  prefixes: readonly string[] = SETTING_PREFIXES,
): UnknownSetting[] {
  return Object.keys(env)
    .filter((name) => prefixes.some((p) => name.startsWith(p)) && !known.has(name))
    .sort()
    .map((name) => {
      let best: { name: string; score: number } | undefined;
      for (const candidate of known) {
        const score = similarity(name, candidate);
        if (!best || score > best.score) best = { name: candidate, score };
      }
      return best && best.score >= 0.5 ? { name, closest: best.name } : { name };
    });
}

/** One line: `MONITOR_CORN is not a cardwatch setting; did you mean MONITOR_CRON?` */
export function unknownSettingLine(unknown: UnknownSetting): string {
  const hint = unknown.closest
    ? `; did you mean ${unknown.closest}?`
    : ' (see .env.example for the settings)';
  return `${unknown.name} is not a cardwatch setting${hint}`;
}
