// Accessibility of the screens a procedure visits: axe-core (WCAG 2.1 A + AA) once per screen per
// worker process, and once per version of a screen's markup across runs: a scan is kept on disk under
// the fingerprint of the page's markup (what changes per buyer and visit folded away) for a day, so a
// monitor cycle or a rerun scans only screens whose markup changed (an a11y regression changes it).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { A11yScreen, A11yViolation, Impact } from './record.ts';

/** axe-core tags of WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Where scans are kept between runs (a tool cache, like other tools' node_modules/.cache). */
export const AXE_CACHE_DIR = join(process.cwd(), 'node_modules', '.cache', 'cardwatch-axe');
/** A kept scan older than this is scanned again (a stylesheet may change behind the same markup). */
const MAX_AGE_MS = 24 * 3600_000;

const cache = new Map<string, A11yScreen>();
const IMPACT = new Set<Impact>(['critical', 'serious', 'moderate', 'minor']);

/** The axe-core version @axe-core/playwright runs: a new engine scans again. */
const ENGINE = (() => {
  try {
    const require = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'));
    return (require('axe-core/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
})();

/** The markup with ids, tokens and numbers folded: the same for an unchanged screen on any run. */
const MARKUP = `document.documentElement.outerHTML
  .replace(/[A-Za-z0-9_-]*[0-9][A-Za-z0-9_-]{5,}/g, '#')
  .replace(/[0-9]+/g, '0')`;

async function fingerprint(page: Page): Promise<string> {
  const markup = (await page.evaluate(MARKUP)) as string;
  return createHash('sha256')
    .update(`${ENGINE}\n${WCAG_TAGS.join(',')}\n${markup}`)
    .digest('hex')
    .slice(0, 32);
}

function kept(file: string): A11yViolation[] | undefined {
  try {
    if (Date.now() - statSync(file).mtimeMs > MAX_AGE_MS) return undefined;
    return (JSON.parse(readFileSync(file, 'utf8')) as { violations: A11yViolation[] }).violations;
  } catch {
    return undefined;
  }
}

function keep(file: string, violations: A11yViolation[]): void {
  try {
    mkdirSync(AXE_CACHE_DIR, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ engine: ENGINE, violations }));
    renameSync(tmp, file);
  } catch {
    // a cache that cannot be written only costs the next run a scan
  }
}

/**
 * The page's violations as it is now: this worker's result for `screen`, else a kept scan of the same
 * markup, else a new scan. Throws if axe cannot run.
 */
export async function scanScreen(page: Page, screen: string): Promise<A11yScreen> {
  const known = cache.get(screen);
  if (known) return known;
  const file = join(AXE_CACHE_DIR, `${await fingerprint(page)}.json`);
  let violations = kept(file);
  if (!violations) {
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    violations = results.violations.map((v) => ({
      rule: v.id,
      // axe leaves impact null only for rules that passed; a violation without one counts as minor.
      impact: IMPACT.has(v.impact as Impact) ? (v.impact as Impact) : 'minor',
      nodes: v.nodes.length,
      help: v.help,
    }));
    keep(file, violations);
  }
  const scanned = { screen, violations };
  cache.set(screen, scanned);
  return scanned;
}

/** This worker's scan of `screen`, if an earlier step or scenario made one. */
export const cachedScan = (screen: string): A11yScreen | undefined => cache.get(screen);
