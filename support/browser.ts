import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Browser, chromium } from '@playwright/test';

export const DEBIAN_CHROMIUM = '/usr/lib/chromium/chromium';

export type BrowserChoice =
  | { source: 'playwright'; executablePath: undefined; path: string }
  | { source: 'CHROMIUM_PATH' | 'debian'; executablePath: string; path: string };

/**
 * Playwright's own Chromium when installed (a developer's machine), else CHROMIUM_PATH,
 * else Debian's package. Undefined when none exists; the bootstrap then installs one.
 */
export function findChromium(chromiumPath?: string): BrowserChoice | undefined {
  if (chromiumPath) {
    if (!existsSync(chromiumPath)) throw new Error(`CHROMIUM_PATH: no file at "${chromiumPath}"`);
    return { source: 'CHROMIUM_PATH', executablePath: chromiumPath, path: chromiumPath };
  }
  const own = chromium.executablePath();
  if (own && existsSync(own)) return { source: 'playwright', executablePath: undefined, path: own };
  if (existsSync(DEBIAN_CHROMIUM))
    return { source: 'debian', executablePath: DEBIAN_CHROMIUM, path: DEBIAN_CHROMIUM };
  return undefined;
}

/**
 * What the run's browser is, for the report's environment: the binary's own `--version` line and where it
 * was found, e.g. `Chromium 131.0.6778.85 (debian: /usr/lib/chromium/chromium)`. With BROWSER_WS_ENDPOINT
 * the browser is the server's, whose version is known only once connected: it says so. A binary that does
 * not answer `--version` in 5 s is named with that fact instead of a version.
 */
export function describeBrowser(
  cfg: { BROWSER_WS_ENDPOINT?: string },
  choice: BrowserChoice | undefined,
): string {
  if (cfg.BROWSER_WS_ENDPOINT)
    return 'the browser server at BROWSER_WS_ENDPOINT (its version: see a test trace)';
  if (!choice) return 'no Chromium found';
  try {
    const version = execFileSync(choice.path, ['--version'], {
      encoding: 'utf8',
      timeout: 5000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return `${version || 'Chromium, no version printed'} (${choice.source}: ${choice.path})`;
  } catch (error) {
    return `Chromium, version unknown: ${(error as Error).message.split('\n')[0]} (${choice.source}: ${choice.path})`;
  }
}

/** Flags that keep Chromium off the (closed) network at start; harmless where the network is open. */
export const QUIET_CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * The cucumber-js runner's browser, obtained as Playwright Test obtains its own from playwright.config.ts:
 * with BROWSER_WS_ENDPOINT, a connection to that Playwright browser server (the launch options travel in
 * the `x-playwright-launch-options` header, as Playwright's `connectOptions` sends them); otherwise a launch
 * of the Chromium findChromium() chose. Headless as HEADLESS says, the quiet flags. A failure throws one
 * line: which browser, Playwright's first line, and the browser's own first error output.
 */
export async function openBrowser(
  cfg: { HEADLESS: boolean; BROWSER_WS_ENDPOINT?: string },
  choice: BrowserChoice | undefined,
): Promise<Browser> {
  const options = {
    headless: cfg.HEADLESS,
    executablePath: choice?.executablePath,
    args: QUIET_CHROMIUM_ARGS,
  };
  const remote = cfg.BROWSER_WS_ENDPOINT;
  if (remote) {
    try {
      return await chromium.connect(remote, {
        headers: { 'x-playwright-launch-options': JSON.stringify(options) },
      });
    } catch (error) {
      throw new Error(
        `the browser server at ${remote} (BROWSER_WS_ENDPOINT) did not answer: ${launchFailure(error)}`,
      );
    }
  }
  if (!choice) throw new Error('no Chromium found: "npm run cucumber" installs one, or set CHROMIUM_PATH');
  try {
    return await chromium.launch(options);
  } catch (error) {
    throw new Error(`Chromium at ${choice.path} (${choice.source}) did not start: ${launchFailure(error)}`);
  }
}

/** Playwright's first line of a failed launch, and the browser's first line on stderr ("[pid=N][err] ..."). */
export function launchFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split('\n')[0]?.trim() ?? message;
  const stderr = /\[pid=\d+\]\[err\] ([^\n]+)/.exec(message)?.[1]?.trim();
  return stderr ? `${first} (browser said: ${stderr})` : first;
}
