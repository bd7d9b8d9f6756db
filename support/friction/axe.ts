// Accessibility of the screens a procedure visits: axe-core (WCAG 2.1 A + AA) once per screen per
// worker process; later scenarios visiting the same screen reuse the result.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { A11yScreen, A11yViolation, Impact } from './record.ts';

/** axe-core tags of WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const cache = new Map<string, A11yScreen>();
const IMPACT = new Set<Impact>(['critical', 'serious', 'moderate', 'minor']);

/** Scans the page as it is now, unless `screen` was scanned in this worker already. Throws if axe cannot run. */
export async function scanScreen(page: Page, screen: string): Promise<A11yScreen> {
  const known = cache.get(screen);
  if (known) return known;
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const violations: A11yViolation[] = results.violations.map((v) => ({
    rule: v.id,
    // axe leaves impact null only for rules that passed; a violation without one counts as minor.
    impact: IMPACT.has(v.impact as Impact) ? (v.impact as Impact) : 'minor',
    nodes: v.nodes.length,
    help: v.help,
  }));
  const scanned = { screen, violations };
  cache.set(screen, scanned);
  return scanned;
}

/** This worker's scan of `screen`, if an earlier step or scenario made one. */
export const cachedScan = (screen: string): A11yScreen | undefined => cache.get(screen);
