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

/**
 * What axe-core sees of a page, with only what changes per buyer and visit folded, as a string (run in
 * the page). Kept exact: tag names, every presentational and ARIA attribute (class, style, role, lang,
 * type, tabindex, aria-level, required ...), the text of `<style>`, the rules of every stylesheet (a
 * cross-origin one by its address), open shadow roots and the viewport, so a contrast, language, name or
 * structure change always changes it. Folded: tokens of 6+ characters with a digit (card ids, CSRF
 * tokens, buyer addresses) in reference attributes (id, for, aria-labelledby, href, action, value ...),
 * each to its order of first appearance (`#0`, `#1`: an id and the `for` naming it stay equal, a `for`
 * that no longer names it does not), and digits in text and in spoken attributes (aria-label, title, alt:
 * "•••• 4242" = "•••• 0"). Hidden inputs are left out. `null`: the page has frames (axe scans into
 * them; their documents are not in this), so it is scanned every time.
 */
export const MARKUP_SCRIPT = `(() => {
  if (document.querySelector('iframe, frame, object, embed')) return null;
  const TOKEN = /[A-Za-z0-9_.@+-]*[0-9][A-Za-z0-9_.@+-]{5,}/g;
  const tokens = new Map();
  const fold = (s) => s.replace(TOKEN, (m) => { if (!tokens.has(m)) tokens.set(m, tokens.size); return '#' + tokens.get(m); });
  const digits = (s) => fold(s).replace(/[0-9]+/g, '0');
  const REFERENCE = new Set(['id', 'for', 'name', 'value', 'href', 'src', 'action', 'form', 'list', 'headers',
    'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-activedescendant', 'aria-details',
    'aria-errormessage', 'aria-flowto', 'data-opens', 'srcset', 'content']);
  const SPOKEN = new Set(['aria-label', 'title', 'alt', 'placeholder', 'aria-valuetext', 'aria-description', 'datetime']);
  const out = [innerWidth + 'x' + innerHeight];
  const walk = (node) => {
    for (const n of Array.from(node.childNodes)) {
      if (n.nodeType === 3) {
        const inStyle = n.parentNode && n.parentNode.nodeName === 'STYLE';
        out.push(inStyle ? n.data : digits(n.data));
      } else if (n.nodeType === 1) {
        if (n.nodeName === 'INPUT' && n.type === 'hidden') continue;
        const attrs = Array.from(n.attributes).map((a) =>
          a.name + '=' + (REFERENCE.has(a.name) ? fold(a.value) : SPOKEN.has(a.name) ? digits(a.value) : a.value));
        out.push('<' + n.nodeName + ' ' + attrs.join(' ') + '>');
        if (n.shadowRoot) { out.push('<#shadow>'); walk(n.shadowRoot); }
        walk(n.nodeName === 'TEMPLATE' ? n.content : n);
        out.push('</' + n.nodeName + '>');
      }
    }
  };
  walk(document);
  for (const sheet of Array.from(document.styleSheets)) {
    try { out.push(Array.from(sheet.cssRules).map((r) => r.cssText).join('\\n')); }
    catch (_) { out.push('sheet ' + sheet.href); }
  }
  return out.join('\\n');
})()`;

/** The fingerprint of the page's markup as axe-core would scan it, or undefined (scan it every time). */
export async function fingerprint(page: Page): Promise<string | undefined> {
  const markup = (await page.evaluate(MARKUP_SCRIPT)) as string | null;
  if (markup === null) return undefined;
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
  const print = await fingerprint(page);
  const file = print ? join(AXE_CACHE_DIR, `${print}.json`) : undefined;
  let violations = file ? kept(file) : undefined;
  if (!violations) {
    // Violations only: axe then builds selectors for the failing nodes, not for every passed one. A page
    // without frames (print defined) is scanned with axe.run in the page itself ("legacy mode"): the same
    // rules and result, without the per-frame partial runs and the blank page the default mode opens in
    // the scenario's context to merge them; a page with frames gets the default, cross-origin frames included.
    const results = await new AxeBuilder({ page })
      .withTags(WCAG_TAGS)
      .options({ resultTypes: ['violations'] })
      .setLegacyMode(print !== undefined)
      .analyze();
    violations = results.violations.map((v) => ({
      rule: v.id,
      // axe leaves impact null only for rules that passed; a violation without one counts as minor.
      impact: IMPACT.has(v.impact as Impact) ? (v.impact as Impact) : 'minor',
      nodes: v.nodes.length,
      help: v.help,
    }));
    if (file) keep(file, violations);
  }
  const scanned = { screen, violations };
  cache.set(screen, scanned);
  return scanned;
}

/** This worker's scan of `screen`, if an earlier step or scenario made one. */
export const cachedScan = (screen: string): A11yScreen | undefined => cache.get(screen);
