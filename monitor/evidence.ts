// What a failed scenario's own error says: whose trouble it is (the target's, or the monitor's) and,
// for a person on call, the screen, the control (by its label) and the HTTP status it met.
// Read from the Allure result's statusDetails (message + trace) only; formats tested in
// tests/monitor/evidence.test.ts. The rule itself is in docs/monitoring.md ("Classification").
import { last4Pattern, MASKED_CARD } from '../support/card-pattern.ts';

/**
 * target: the target answered, wrongly (error status or page, missing control, wrong outcome): counts.
 * unreachable: the connection was refused or the name did not resolve: counts against the procedure
 *   unless every scenario of the run met it (then the target as a whole is unreachable: infrastructure).
 * browser: the monitor's own browser (or the shard running it) could not start or went away: infrastructure,
 *   never the target.
 */
export type Cause = 'target' | 'unreachable' | 'browser';

export interface Evidence {
  cause: Cause;
  /** The screen the step was on, as the page object names it ("wallet direct page"). */
  screen?: string;
  /** The control the step looked for, by its accessible name or text ("Delete card"). */
  control?: string;
  /** Its ARIA role when the locator gave one ("button"). */
  role?: string;
  /**
   * What it looked for in words, when that is not one exact name: the locator's own description
   * (pages/common/find.ts `describe()`: "the card •••• 1111 on the checkout saved cards (screens.shopPay)"),
   * or a name pattern read back ("the card ending 1111" for a card entry's digit pattern).
   */
  lookedFor?: string;
  /** The HTTP status a page answered with, when it answered an error. */
  httpStatus?: number;
}

// (browserType.connect: a browser server, BROWSER_WS_ENDPOINT, that does not answer; "not measured: shard
// i/N": a monitor shard ended before the scenario did, monitor/shards.ts)
const BROWSER =
  /browserType\.(?:launch|connect)|Failed to launch|Executable doesn't exist|CHROMIUM_PATH|browser has disconnected|Browser closed|Target page, context or browser has been closed|not measured: shard \d+\/\d+/;
const UNREACHABLE =
  /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|net::ERR_(?:CONNECTION_REFUSED|NAME_NOT_RESOLVED|ADDRESS_UNREACHABLE|INTERNET_DISCONNECTED)/;

/** A quoted string in Playwright's locator descriptions: '...' with \' escapes. */
const Q = String.raw`'((?:[^'\\]|\\.)*)'`;
const LOCATOR = new RegExp(
  String.raw`getBy(Role|Text|Label|Placeholder|Title|AltText)\((?:${Q}(?:, \{[^}]*?name: (?:${Q}|/((?:[^/\\]|\\.)*)/\w*))?|/((?:[^/\\]|\\.)*)/\w*)`,
  'g',
);
const unquote = (s: string) => s.replace(/\\(.)/g, '$1');

/**
 * A name pattern (a regex source as the error prints it, backslashes kept) in words: a card entry's
 * pattern (support/card-pattern.ts `last4Pattern`, `MASKED_CARD`) as "the card ending 1111" or
 * "any card", anything else as `a name like /source/`.
 */
export function patternWords(source: string): string {
  if (source === MASKED_CARD.source) return 'any card';
  const last4 = /\d{4}/.exec(source)?.[0];
  if (last4 && last4Pattern(last4).source === source) return `the card ending ${last4}`;
  return `a name like /${source}/`;
}

/** The last control of the last locator the error names (the one the step was waiting for). */
function control(text: string): Pick<Evidence, 'control' | 'role' | 'lookedFor'> {
  const lines = text.split('\n');
  // An expect()'s "Locator:" line carries the locator's description when it has one (no getBy... in it).
  const described = lines
    .find((l) => /^\s*Locator: /.test(l))
    ?.replace(/^\s*Locator:\s*/, '')
    .trim();
  if (described && !/\bgetBy\w+\(|\blocator\(/.test(described)) return { lookedFor: described };
  // The call log's "waiting for" line, or an expect()'s "Locator:" line, names the locator in full.
  const line =
    [...lines].reverse().find((l) => /waiting for (get|locator)/.test(l)) ??
    lines.find((l) => /^\s*Locator: /.test(l)) ??
    text;
  let found: Pick<Evidence, 'control' | 'role' | 'lookedFor'> = {};
  for (const m of line.matchAll(LOCATOR)) {
    const [, kind, first, name, nameRe, re] = m;
    if (kind === 'Role') {
      if (nameRe !== undefined) found = { role: first, lookedFor: `${first} naming ${patternWords(nameRe)}` };
      else found = name === undefined ? { role: first } : { role: first, control: unquote(name) };
    } else if (re !== undefined) found = { lookedFor: `text ${patternWords(re)}` };
    else found = { control: unquote(first ?? '') };
  }
  return found;
}

function screen(text: string): string | undefined {
  const patterns = [
    /\bscreen[:=] ?"([^"]+)"/i, // "screen: "wallet direct page"" (page objects that name it)
    /\bthe ([a-z][\w' -]{2,60}?) answered HTTP \d{3}/i, // gotoScreen(): "the help centre answered HTTP 500 (/help)"
    /\b(?:on|in|from) the ([a-z][\w' -]{2,60}? (?:page|screen|dialog|panel|centre|center|app|site))\b/i,
  ];
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) return m[1]!.trim();
  }
  return undefined;
}

function httpStatus(text: string): number | undefined {
  const m = /\b(?:answered|returned|responded with|status) (?:HTTP )?([45]\d\d)\b|\bHTTP ([45]\d\d)\b/.exec(
    text,
  );
  return m ? Number(m[1] ?? m[2]) : undefined;
}

/** Evidence from a failed result's message and trace (either may be missing). */
export function evidenceOf(message = '', trace = ''): Evidence {
  const text = `${message}\n${trace}`;
  const cause: Cause = BROWSER.test(text) ? 'browser' : UNREACHABLE.test(text) ? 'unreachable' : 'target';
  // the message names the locator (expect's "Locator:"); a message without one, the trace's call log
  const fromMessage = control(message);
  const out: Evidence = { cause, ...(Object.keys(fromMessage).length ? fromMessage : control(trace)) };
  const where = screen(text);
  if (where) out.screen = where;
  const status = httpStatus(message) ?? httpStatus(trace);
  if (status) out.httpStatus = status;
  return out;
}

/** One line a person can act on: step, screen, control, HTTP status, then the error's first line. */
export function explain(
  step: string | undefined,
  ev: Evidence | undefined,
  error: string | undefined,
): string {
  const parts: string[] = [step ? `step "${step}"` : 'before the first step'];
  if (ev?.screen) parts.push(`on the ${ev.screen}`);
  if (ev?.httpStatus) parts.push(`answered HTTP ${ev.httpStatus}`);
  if (ev?.lookedFor) parts.push(`looked for ${ev.lookedFor}`);
  else if (ev?.control) parts.push(`looked for ${ev.role ? `${ev.role} ` : ''}"${ev.control}"`);
  else if (ev?.role) parts.push(`looked for a ${ev.role}`);
  return `${parts.join(', ')}${error ? ` — ${error}` : ''}`;
}
