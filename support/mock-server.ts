import type { Config } from './config.ts';
import type { TargetProfile } from './target.ts';

/** Playwright's webServer entry that starts the embedded mock and its mail catcher for a run (fresh in-memory store). */
export function mockServerCommand(cfg: Config, target: TargetProfile) {
  return {
    command: 'npx tsx mock-app/main.ts',
    url: `${target.control?.url ?? target.urls.shop}/healthz`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
    env: {
      MOCK_PORT_BASE: String(cfg.MOCK_PORT_BASE),
      MOCK_LOCALE: cfg.MOCK_LOCALE,
      MOCK_FAULTS: cfg.MOCK_FAULTS,
      MOCK_DB: ':memory:',
      MOCK_CONTROL: 'on',
      // The mail catcher (MailDev) starts with the mock: web/API at MOCK_PORT_BASE + 7, SMTP at + 8.
      MOCK_MAIL: 'on',
      ...(cfg.MOCK_CAPTCHA_TEST_ANSWER ? { MOCK_CAPTCHA_TEST_ANSWER: cfg.MOCK_CAPTCHA_TEST_ANSWER } : {}),
    },
  };
}

/**
 * Playwright's webServer entry for a profile that declares `localServer` (the mock in sandbox posture):
 * reused when already running, so a long-lived `npm run mock:sandbox` keeps its store across runs.
 */
export function localServerCommand(target: TargetProfile) {
  const local = target.localServer;
  if (!local) return undefined;
  return {
    command: local.command,
    url: local.healthUrl,
    reuseExistingServer: true,
    timeout: 30_000,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
    env: local.env,
  };
}

/**
 * Whether a profile's `localServer` is what this run will test (new user's finding 8): Playwright starts its
 * command only when the health URL does not answer, so an outage of a target served elsewhere would turn
 * into a green run against a fresh local stand-in. Answers the report's environment value and, when the
 * run starts the stand-in, a warning line for the run's output. Checked once, 3 s at most.
 */
export async function localServerNotice(local: {
  command: string;
  healthUrl: string;
}): Promise<{ environment: string; warning?: string }> {
  const answered = await fetch(local.healthUrl, { signal: AbortSignal.timeout(3000) }).then(
    (r) => r.ok,
    () => false,
  );
  if (answered) return { environment: `already running at ${local.healthUrl} (reused)` };
  return {
    environment: `started by this run: ${local.command} (${local.healthUrl} did not answer)`,
    warning: `${local.healthUrl} does not answer: this run starts the profile's localServer (${local.command}) and tests that stand-in, not a server already running there`,
  };
}
