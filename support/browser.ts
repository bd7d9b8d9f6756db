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

/** Flags that keep Chromium off the (closed) network at start; harmless where the network is open. */
export const QUIET_CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * The cucumber-js runner's browser, launched as playwright.config.ts's `use` launches Playwright's:
 * headless as HEADLESS says, the executable findChromium() chose, the quiet flags. A launch that fails
 * throws one line: which Chromium, Playwright's first line, and the browser's own first error output.
 */
export async function launchBrowser(cfg: { HEADLESS: boolean }, choice: BrowserChoice): Promise<Browser> {
  try {
    return await chromium.launch({
      headless: cfg.HEADLESS,
      executablePath: choice.executablePath,
      args: QUIET_CHROMIUM_ARGS,
    });
  } catch (error) {
    throw new Error(`Chromium at ${choice.path} (${choice.source}) did not start: ${launchFailure(error)}`);
  }
}

/** Playwright's first line of a failed launch, and the browser's first line on stderr ("[pid=N][err] ..."). */
export function launchFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split('\n')[0]?.trim() ?? message;
  const stderr = /\[pid=\d+\]\[err\] ([^\n\u001b]+)/.exec(message)?.[1]?.trim();
  return stderr ? `${first} (browser said: ${stderr})` : first;
}
