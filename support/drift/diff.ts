// What changed on one screen between its last green aria snapshot and the page at a failure: controls
// added, removed, renamed, and for each name a failing locator wanted, the closest names present.
// Pure: snapshots in (Playwright `ariaSnapshot()` YAML), a report and its one-line summary out.
// Names stay exact: this explains a failure, it never picks a replacement locator.
import { CONTAINER_ROLES, CONTROL_ROLES } from '../profile-screens.ts';
import { closestTexts, type PageText, similarity, textsOfSnapshot } from '../similarity.ts';

/** The label that carries the one-line summary on a failed result (read by monitor/observe.ts). */
export const DRIFT_LABEL = 'cw.drift';
/** The label with the ms a scenario spent on drift (aria snapshots, the store, the diff), passed or failed. */
export const DRIFT_MS_LABEL = 'cw.driftMs';

/** Roles compared between snapshots: controls, fields, headings and named containers (not plain text). */
export const DRIFT_ROLES: ReadonlySet<string> = new Set([
  ...CONTROL_ROLES,
  'checkbox',
  'radio',
  'switch',
  'textbox',
  'searchbox',
  'combobox',
  'spinbutton',
  'slider',
  'option',
  'heading',
  ...CONTAINER_ROLES,
]);

/** A removed and an added control of the same role pair as a rename from this similarity (0..1) up. */
export const RENAME_MIN = 0.5;

export interface Control {
  role: string;
  name: string;
}

export interface Renamed {
  role: string;
  from: string;
  to: string;
  /** similarity(from, to), 0..1 (support/similarity.ts). */
  score: number;
  /**
   * Paired by place, not by likeness: the only change to that role's controls on the screen was this
   * one name ("Account" → "Me" in a tab bar), so the names need not look alike.
   */
  inPlace?: true;
}

export interface ScreenDiff {
  added: Control[];
  removed: Control[];
  renamed: Renamed[];
}

/** A name a failing locator wanted (ScreenMismatch.wanted, pages/common/find.ts). */
export interface WantedName {
  text: string;
  roles: readonly string[];
  /** The label key it comes from: `wallet.editCards`. */
  key?: string;
}

export interface WantedDrift {
  wanted: WantedName;
  /** The rename that took it away, when the diff has one. */
  renamed?: Renamed;
  /** Set when the last green snapshot had it and the page now has nothing like it. */
  removed?: Control;
  /** The closest names on the page now, best first. */
  closest: (PageText & { score: number })[];
}

export interface DriftReport {
  /** The screen key (support/friction/record.ts screenKey). */
  screen: string;
  /** When the compared green snapshot was saved (ISO), absent when the screen has none. */
  baselineSavedAt?: string;
  diff?: ScreenDiff;
  wanted: WantedDrift[];
}

/** Numbers folded (card digits, counts, ids) and blanks squeezed: the identity of a name across runs. */
export function foldName(name: string): string {
  return name.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

const id = (c: Control) => `${c.role}\u0000${foldName(c.name)}`;

/** The named controls, fields, headings and containers of a snapshot, one per role + folded name. */
export function controlsOf(snapshot: string): Control[] {
  const seen = new Set<string>();
  const out: Control[] = [];
  for (const t of textsOfSnapshot(snapshot)) {
    if (!DRIFT_ROLES.has(t.role) || !t.name) continue;
    const key = id(t);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ role: t.role, name: t.name });
  }
  return out;
}

/**
 * Controls added and removed between two lists (compared by role + folded name, so "•••• 4242" and
 * "•••• 1111" are the same control); a removed and an added one of the same role whose names are at
 * least `minScore` alike are paired as renamed, best pairs first, each control in one pair at most.
 * Left over, a removed and an added control of the same role at the same place (the role has as many
 * controls before as after, and these two hold the same rank among them) are a rename in place.
 */
export function diffControls(before: Control[], after: Control[], minScore = RENAME_MIN): ScreenDiff {
  const had = new Set(before.map(id));
  const has = new Set(after.map(id));
  const removed = before.filter((c) => !has.has(id(c)));
  const added = after.filter((c) => !had.has(id(c)));
  const pairs: { r: Control; a: Control; score: number }[] = [];
  for (const r of removed)
    for (const a of added) {
      if (r.role !== a.role) continue;
      const score = similarity(r.name, a.name);
      if (score >= minScore) pairs.push({ r, a, score });
    }
  pairs.sort((x, y) => y.score - x.score);
  const used = new Set<Control>();
  const renamed: Renamed[] = [];
  const pair = (r: Control, a: Control, score: number, inPlace?: true) => {
    used.add(r);
    used.add(a);
    renamed.push({ role: r.role, from: r.name, to: a.name, score, ...(inPlace ? { inPlace } : {}) });
  };
  for (const p of pairs) if (!used.has(p.r) && !used.has(p.a)) pair(p.r, p.a, p.score);
  const ofRole = (list: Control[], role: string) => list.filter((c) => c.role === role);
  for (const r of removed) {
    if (used.has(r)) continue;
    const was = ofRole(before, r.role);
    const now = ofRole(after, r.role);
    if (was.length !== now.length) continue;
    const a = now[was.indexOf(r)];
    if (a && added.includes(a) && !used.has(a)) pair(r, a, similarity(r.name, a.name), true);
  }
  return {
    added: added.filter((c) => !used.has(c)),
    removed: removed.filter((c) => !used.has(c)),
    renamed,
  };
}

/**
 * The names on the page closest to a wanted one: those of a role the locator accepts first (a tab
 * wanted, a tab offered before a paragraph), then the rest, each group best first.
 */
export function closestFor(wanted: WantedName, texts: readonly PageText[], max = 3) {
  const roles = new Set(wanted.roles);
  const fit = texts.filter((t) => roles.has(t.role));
  const rest = texts.filter((t) => !roles.has(t.role));
  return [...closestTexts(wanted.text, fit, max), ...closestTexts(wanted.text, rest, max)].slice(0, max);
}

const same = (a: string, b: string) => foldName(a) === foldName(b);

/**
 * The report for one screen: `before` is its last green snapshot (undefined when there is none),
 * `now` the page at the failure, `wanted` what the failing locator looked for.
 */
export function driftReport(
  screen: string,
  before: { snapshot: string; savedAt?: string } | undefined,
  now: string,
  wanted: readonly WantedName[],
): DriftReport {
  const diff = before ? diffControls(controlsOf(before.snapshot), controlsOf(now)) : undefined;
  const texts = textsOfSnapshot(now);
  return {
    screen,
    baselineSavedAt: before?.savedAt,
    diff,
    wanted: wanted.map((w) => ({
      wanted: w,
      renamed: diff?.renamed.find((r) => same(r.from, w.text)),
      removed: diff?.removed.find((c) => same(c.name, w.text)),
      closest: closestFor(w, texts),
    })),
  };
}

const q = (s: string) => JSON.stringify(s);
const score = (n: number) => n.toFixed(2);
const renamedText = (r: Renamed) =>
  `${r.role} ${q(r.from)} → ${q(r.to)} (${r.inPlace ? 'same place' : score(r.score)})`;
const closestText = (c: PageText & { score: number }) => `${c.role} ${q(c.name)} (${score(c.score)})`;

/** One line for the alert and the result: `drift: link "My Profile" → "Profile" (0.70) on <screen>`. */
export function driftSummary(r: DriftReport, max = 240): string {
  const line = summary(r);
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function summary(r: DriftReport): string {
  const on = `on ${r.screen}`;
  if (!r.diff) return `drift: no green snapshot of ${r.screen} to compare with`;
  for (const w of r.wanted) {
    if (w.renamed) return `drift: ${renamedText(w.renamed)} ${on}`;
    if (w.removed) {
      const near = w.closest[0];
      return `drift: ${w.removed.role} ${q(w.removed.name)} removed ${on}${near ? `; closest now ${closestText(near)}` : ''}`;
    }
  }
  const { added, removed, renamed } = r.diff;
  if (!added.length && !removed.length && !renamed.length)
    return `drift: no control changed ${on} since its last green run`;
  const parts = [
    ...renamed.map(renamedText),
    ...removed.map((c) => `${c.role} ${q(c.name)} removed`),
    ...added.map((c) => `${c.role} ${q(c.name)} added`),
  ];
  return `drift: ${parts.slice(0, 3).join(', ')}${parts.length > 3 ? ` (+${parts.length - 3} more)` : ''} ${on}`;
}

/** The "drift" attachment: the summary, the diff in full, and per wanted name the closest names now. */
export function driftText(r: DriftReport): string {
  const lines = [driftSummary(r, Number.POSITIVE_INFINITY), '', `screen: ${r.screen}`];
  if (!r.diff) lines.push('last green snapshot: none (the screen never passed with DRIFT on in this store)');
  else {
    lines.push(`last green snapshot: ${r.baselineSavedAt ?? 'unknown time'}`);
    const { added, removed, renamed } = r.diff;
    lines.push(`renamed (${renamed.length}):`, ...renamed.map((x) => `  ${renamedText(x)}`));
    lines.push(`removed (${removed.length}):`, ...removed.map((c) => `  ${c.role} ${q(c.name)}`));
    lines.push(`added (${added.length}):`, ...added.map((c) => `  ${c.role} ${q(c.name)}`));
  }
  for (const w of r.wanted) {
    lines.push(
      '',
      `wanted ${q(w.wanted.text)}${w.wanted.key ? ` (labels.${w.wanted.key})` : ''} as ${w.wanted.roles.join('/')}`,
      `  closest now: ${w.closest.length ? w.closest.map(closestText).join(', ') : 'nothing named'}`,
    );
  }
  lines.push('', 'Names stay exact: this explains the failure; the locator is not healed.');
  return `${lines.join('\n')}\n`;
}
