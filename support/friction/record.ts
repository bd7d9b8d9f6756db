// The friction record of one scenario and the tally that builds it from probe events. Pure: no
// browser here (support/friction/recorder.ts feeds it), so every counting rule is unit-tested.
import type { Labels } from '../labels/index.ts';
import {
  type FieldClass,
  fieldClassOf,
  isPersonalData,
  labelKeyOf,
  normaliseLabel,
} from './field-classes.ts';
import type { ProbeEvent, ProbeField } from './probe.ts';

export type Impact = 'critical' | 'serious' | 'moderate' | 'minor';
export const IMPACTS: readonly Impact[] = ['critical', 'serious', 'moderate', 'minor'];

/** One axe-core rule that failed on a screen: its id, impact and how many elements. */
export interface A11yViolation {
  rule: string;
  impact: Impact;
  nodes: number;
  help: string;
}

export interface A11yScreen {
  screen: string;
  violations: A11yViolation[];
}

/**
 * A field the procedure's forms demand: every field of a form the buyer submitted, and every required
 * field of a form on a screen it visited (a confirm dialog's date of birth demands it even when the
 * walk stops before the dialog).
 */
export interface DemandedField {
  /** The visible label, as the page shows it. */
  label: string;
  /** The labels-profile key it maps to (support/labels), or undefined when none matches. */
  key?: string;
  class: FieldClass;
  personal: boolean;
  required: boolean;
  /** The form's action path, id-like segments folded (`/cards/:id/delete`). */
  form: string;
  /** True once the buyer submitted its form; false: required by a form on a visited screen, not submitted. */
  submitted?: boolean;
}

export interface ScreenVisit {
  /** `walletDirect/ · My wallet account`: the identity of a screen (screenKey). */
  key: string;
  url: string;
  h1: string;
}

/**
 * What one scenario's procedure asked of the buyer (setup and the oracle excluded), as written to
 * the Allure attachment `friction.json` and read back by `npm run friction` and the monitor.
 */
export interface FrictionRecord {
  version: 1;
  /** The procedure the scenario walks (its first @proc tag), e.g. "R3". */
  procedure: string;
  scenario: string;
  /** Runner-neutral identity for baselines: `procedure | scenario [locale]`. */
  key: string;
  locale?: string;
  device?: string;
  severity?: string;
  /** Buyer actions: presses + fields typed + options chosen + addresses opened. */
  actions: number;
  breakdown: { presses: number; typed: number; selected: number; addressesOpened: number };
  /** Main-frame navigations (new tabs included). */
  navigations: number;
  /** Distinct screens, in the order first seen. */
  screens: ScreenVisit[];
  /** Distinct fields demanded: those of the submitted forms, and the required ones of the forms on its screens. */
  fields: DemandedField[];
  personalDataFields: number;
  /** Presses of a control named as the profile's confirm word (a dialog's or a page's). */
  confirmSteps: number;
  /** Seconds of the procedure's own steps (Gherkin "When"/action steps), without the a11y scans. */
  seconds: number;
  /** What recording this scenario took (ms): set-up and step-end flushes; the axe-core scans. */
  cost?: { recorderMs: number; axeMs: number };
  a11y: {
    /** Off for this run (AXE=off), or the procedure had no screen. */
    skipped?: string;
    screens: A11yScreen[];
    byImpact: Record<Impact, number>;
  };
  passed?: boolean;
  /** When it failed: the Gherkin step that failed, as the report names it (set when read back from a run). */
  failedStep?: string;
}

/**
 * A screen's identity, the same on every host and port: the profile's name of its origin (`walletDirect`,
 * `helpCenter` ... from `urls`; the origin itself when no URL of the profile has it), its path and h1.
 */
export function screenKey(url: string, h1: string, origins: Readonly<Record<string, string>> = {}): string {
  let where = url;
  try {
    const u = new URL(url);
    const name = Object.entries(origins).find(([, o]) => o === u.origin)?.[0];
    where = `${name ?? u.origin}${foldPath(u.pathname)}`;
  } catch {
    // not a URL: keep it as it is
  }
  return h1 ? `${where} · ${h1}` : where;
}

/** A path with its id-like segments (a card's id in /cards/card_x1y2.../delete) folded: one screen or form, any card. */
export function foldPath(path: string): string {
  return path
    .split('/')
    .map((seg) => (seg.length >= 6 && /\d/.test(seg) ? ':id' : seg))
    .join('/');
}

/** Origin of each of the profile's URLs, by field name, first one per origin (screenKey's names). */
export function originNames(urls: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  const seen = new Set<string>();
  for (const [name, url] of Object.entries(urls)) {
    const origin = new URL(url).origin;
    if (seen.has(origin)) continue;
    seen.add(origin);
    out[name] = origin;
  }
  return out;
}

/**
 * Counts probe events and navigations that happened within the counted windows (the recorder opens
 * one per procedure action step; times are the machine's `Date.now()`, shared by page and runner).
 * An event delivered twice (same id) counts once. Fields are counted once per form action + label.
 */
export class FrictionTally {
  private readonly windows: { start: number; end?: number }[] = [];
  private readonly seen = new Set<string>();
  private presses = 0;
  private typed = 0;
  private selected = 0;
  private addressesOpened = 0;
  private navigations = 0;
  private confirms = 0;
  private readonly screens = new Map<string, ScreenVisit>();
  private readonly fields = new Map<string, DemandedField>();
  private readonly confirmWord: string;

  constructor(
    private readonly labels: Labels,
    /** The profile's origins by name (originNames), so that screen keys do not depend on host or port. */
    private readonly origins: Readonly<Record<string, string>> = {},
  ) {
    this.confirmWord = normaliseLabel(labels.common.confirm);
  }

  /** Opens a counted window at `t` (ms since the epoch). */
  begin(t = Date.now()): void {
    if (this.windows.at(-1)?.end === undefined && this.windows.length) return;
    this.windows.push({ start: t });
  }

  /** Closes the open window at `t`. */
  end(t = Date.now()): void {
    const open = this.windows.at(-1);
    if (open && open.end === undefined) open.end = t;
  }

  /** Whether `t` falls into a counted window. */
  counting(t = Date.now()): boolean {
    return this.windows.some((w) => t >= w.start && (w.end === undefined || t <= w.end));
  }

  /** A probe event from a page of the context; returns the screen visit it reported, if counted. */
  onProbe(event: ProbeEvent): ScreenVisit | undefined {
    if (event.id !== undefined) {
      if (this.seen.has(event.id)) return undefined;
      this.seen.add(event.id);
    }
    if (!this.counting(event.t)) return undefined;
    switch (event.k) {
      case 'press':
        this.presses++;
        if (normaliseLabel(event.name) === this.confirmWord) this.confirms++;
        return undefined;
      case 'type':
        this.typed++;
        return undefined;
      case 'select':
        this.selected++;
        return undefined;
      case 'submit':
        for (const f of event.fields) this.demand(event.action, f, true);
        return undefined;
      case 'forms':
        for (const form of event.forms)
          for (const f of form.fields) if (f.required) this.demand(form.action, f, false);
        return undefined;
      case 'screen': {
        if (event.typed) this.addressesOpened++;
        const visit = { key: screenKey(event.url, event.h1, this.origins), url: event.url, h1: event.h1 };
        if (!this.screens.has(visit.key)) this.screens.set(visit.key, visit);
        return visit;
      }
    }
  }

  /** A field of a form (once per folded action + label); a submit marks a field already seen as submitted. */
  private demand(action: string, f: ProbeField, submitted: boolean): void {
    const form = foldPath(action);
    const id = `${form} ${f.label}`;
    const known = this.fields.get(id);
    if (known) {
      if (submitted) known.submitted = true;
      return;
    }
    const key = labelKeyOf(f.label, this.labels);
    const cls = fieldClassOf(key);
    this.fields.set(id, {
      label: f.label,
      key,
      class: cls,
      personal: isPersonalData(cls),
      required: f.required,
      form,
      submitted,
    });
  }

  /** A main-frame navigation (framenavigated) to an http(s) URL, seen at `t`. */
  onNavigation(url: string, t = Date.now()): void {
    if (this.counting(t) && /^https?:/.test(url)) this.navigations++;
  }

  visited(key: string): boolean {
    return this.screens.has(key);
  }

  counts(): Omit<FrictionRecord, 'version' | 'procedure' | 'scenario' | 'key' | 'seconds' | 'a11y'> {
    const fields = [...this.fields.values()];
    return {
      actions: this.presses + this.typed + this.selected + this.addressesOpened,
      breakdown: {
        presses: this.presses,
        typed: this.typed,
        selected: this.selected,
        addressesOpened: this.addressesOpened,
      },
      navigations: this.navigations,
      screens: [...this.screens.values()],
      fields,
      personalDataFields: fields.filter((f) => f.personal).length,
      confirmSteps: this.confirms,
    };
  }
}

/** Violations of the scanned screens, summed by impact. */
export function byImpact(screens: A11yScreen[]): Record<Impact, number> {
  const out: Record<Impact, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const s of screens) for (const v of s.violations) out[v.impact]++;
  return out;
}
