// A procedure's friction baseline and what "harder" means against it: the one comparison the
// report's table, `npm run friction` and the monitor's HARDER state all use.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FrictionRecord } from './record.ts';

/** The committed baselines, by target (`npm run friction -- --write-baseline`). */
export const BASELINE_FILE = fileURLToPath(new URL('../../baselines/friction.json', import.meta.url));

/** What a scenario's procedure asked of the buyer when it was accepted as normal. */
export interface FrictionBaseline {
  procedure: string;
  scenario: string;
  actions: number;
  navigations: number;
  /** Screen keys (`origin+path · h1`). */
  screens: string[];
  confirmSteps: number;
  /** Personal-data fields as `label (class)`. */
  personalData: string[];
  fields: number;
  seconds: number;
  /** Serious and critical axe violations as `rule (impact) on screen`; absent = not scanned. */
  seriousA11y?: string[];
}

/** One target's baselines (by FrictionRecord.key, which holds the locale), and where they came from. */
export interface TargetBaselines {
  /** ISO time and the results folder (or run) they were taken from. */
  written: string;
  source: string;
  baselines: Record<string, FrictionBaseline>;
}

/**
 * A baseline file: the committed baselines/friction.json, or the first-green baselines the monitor
 * keeps beside its state (REPORTS_DIR/friction-baselines.json). Keyed by target (the profile's name,
 * e.g. `mock-en`): a target is only ever compared with its own baselines.
 */
export interface BaselineFile {
  version: 2;
  targets: Record<string, TargetBaselines>;
}

/** The monitor's first-green baselines, beside its state.json. */
export const localBaselineFileOf = (reportsDir: string) => join(reportsDir, 'friction-baselines.json');

export function baselineOf(r: FrictionRecord): FrictionBaseline {
  return {
    procedure: r.procedure,
    scenario: r.scenario,
    actions: r.actions,
    navigations: r.navigations,
    screens: r.screens.map((s) => s.key),
    confirmSteps: r.confirmSteps,
    personalData: r.fields.filter((f) => f.personal).map((f) => `${f.label} (${f.class})`),
    fields: r.fields.length,
    seconds: r.seconds,
    seriousA11y: r.a11y.skipped === 'AXE=off' ? undefined : seriousViolations(r),
  };
}

function seriousViolations(r: FrictionRecord): string[] {
  return r.a11y.screens.flatMap((s) =>
    s.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => `${v.rule} (${v.impact}) on ${s.screen}`),
  );
}

/** A way in which a run needed more of the buyer than its baseline. */
export interface FrictionChange {
  metric: 'actions' | 'screens' | 'personalData' | 'a11y';
  from: number;
  to: number;
  /** One line naming the change, e.g. `actions 3 → 4 (+1; new screen …; confirm steps 1 → 2)`. */
  detail: string;
}

const arrow = (a: number, b: number) => `${a} → ${b}`;

/**
 * How `now` is harder than `base`: more actions, more screens to go through, more personal-data
 * fields, or serious/critical accessibility violations the baseline did not have (compared only when
 * both were scanned). Empty when it is as easy or easier. Every count only grows as a procedure goes
 * on, so a walk cut short by a failure that already exceeds its baseline is harder too.
 */
export function harderThan(now: FrictionBaseline, base: FrictionBaseline): FrictionChange[] {
  const changes: FrictionChange[] = [];
  if (now.actions > base.actions) {
    const context: string[] = [`+${now.actions - base.actions}`];
    const newScreens = now.screens.filter((s) => !base.screens.includes(s));
    if (newScreens.length) context.push(`new screen ${newScreens.map((s) => `"${s}"`).join(', ')}`);
    if (now.confirmSteps !== base.confirmSteps)
      context.push(`confirm steps ${arrow(base.confirmSteps, now.confirmSteps)}`);
    if (now.fields !== base.fields) context.push(`form fields ${arrow(base.fields, now.fields)}`);
    changes.push({
      metric: 'actions',
      from: base.actions,
      to: now.actions,
      detail: `actions ${arrow(base.actions, now.actions)} (${context.join('; ')})`,
    });
  }
  if (now.actions <= base.actions && now.screens.length > base.screens.length) {
    const newScreens = now.screens.filter((s) => !base.screens.includes(s));
    changes.push({
      metric: 'screens',
      from: base.screens.length,
      to: now.screens.length,
      detail: `screens ${arrow(base.screens.length, now.screens.length)}${newScreens.length ? ` (new: ${newScreens.map((s) => `"${s}"`).join(', ')})` : ''}`,
    });
  }
  if (now.personalData.length > base.personalData.length) {
    const added = now.personalData.filter((f) => !base.personalData.includes(f));
    changes.push({
      metric: 'personalData',
      from: base.personalData.length,
      to: now.personalData.length,
      detail: `personal-data fields ${arrow(base.personalData.length, now.personalData.length)}${added.length ? ` (new: ${added.join(', ')})` : ''}`,
    });
  }
  if (now.seriousA11y && base.seriousA11y) {
    const added = now.seriousA11y.filter((v) => !base.seriousA11y!.includes(v));
    if (added.length)
      changes.push({
        metric: 'a11y',
        from: base.seriousA11y.length,
        to: now.seriousA11y.length,
        detail: `serious/critical accessibility violations ${arrow(base.seriousA11y.length, now.seriousA11y.length)} (new: ${added.join(', ')})`,
      });
  }
  return changes;
}

/** Removal ways (R1-R6) raise HARDER; linking ways are measured and compared, never alerted. */
export const isRemovalWay = (procedure: string) => /^R\d+$/.test(procedure);

/**
 * A baseline file, or undefined when it does not exist. Throws on a malformed file, and on a
 * version-1 file (one set of baselines for every target) with how to move it under its target.
 */
export function readBaselineFile(file = BASELINE_FILE): BaselineFile | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = JSON.parse(text) as { version?: unknown; targets?: unknown; baselines?: unknown };
  if (parsed.version === 1 && typeof parsed.baselines === 'object')
    throw new Error(
      `${file}: an old (version 1) friction baseline file, one set for every target; version 2 keys baselines by target. ` +
        `Move it under the profile name it was measured on: {"version": 2, "targets": {"<name>": {"written", "source", "baselines"}}}, ` +
        `or write it anew from a green run: npm run friction -- --write-baseline`,
    );
  if (parsed.version !== 2 || typeof parsed.targets !== 'object' || parsed.targets === null)
    throw new Error(`${file}: not a friction baseline file (version 2 with "targets")`);
  return parsed as BaselineFile;
}

/** The target's baselines in a file (empty when it has none). */
export const baselinesFor = (
  file: BaselineFile | undefined,
  target: string,
): Record<string, FrictionBaseline> => file?.targets[target]?.baselines ?? {};

/** `file` with `baselines` merged into the target's (new entries replace old ones, keys sorted). */
export function withBaselines(
  file: BaselineFile | undefined,
  target: string,
  baselines: Record<string, FrictionBaseline>,
  source: string,
  written = new Date().toISOString(),
): BaselineFile {
  const merged = { ...file?.targets[target]?.baselines, ...baselines };
  const sorted = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)));
  return {
    version: 2,
    targets: { ...file?.targets, [target]: { written, source, baselines: sorted } },
  };
}

/** `file` without the target's baselines. */
export function withoutTarget(file: BaselineFile | undefined, target: string): BaselineFile {
  const targets = { ...file?.targets };
  delete targets[target];
  return { version: 2, targets };
}

/** Writes a baseline file (its folder made if needed). */
export async function writeBaselineFile(file: string, content: BaselineFile): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(content, null, 2)}\n`);
}

/** A baseline's identity apart from its timing: a HARDER judged against another one is stale. */
export function baselineFingerprint(b: FrictionBaseline): string {
  const { seconds: _s, ...rest } = b as FrictionBaseline & { runId?: string };
  delete (rest as { runId?: string }).runId;
  return JSON.stringify(rest);
}
