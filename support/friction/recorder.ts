// One scenario's friction recorder, attached to its browser context by the scenario's lifecycle
// (both runners) and switched on only during the procedure's own steps: the step hooks call
// stepStarted/stepEnded with the Gherkin keyword type, and only "Action" (When) steps count, so the
// setup (Given: sign-in, arranged cards, janitor) and the checks (Then, the oracle) never do.
import type { BrowserContext, Page } from '@playwright/test';
import type { TargetProfile } from '../target.ts';
import { cachedScan, scanScreen } from './axe.ts';
import { type AttachFile, writeFriction } from './attach.ts';
import { PROBE_BINDING, PROBE_SCRIPT, type ProbeEvent } from './probe.ts';
import {
  type A11yScreen,
  byImpact,
  type FrictionRecord,
  FrictionTally,
  originNames,
  type ScreenVisit,
  screenKey,
} from './record.ts';

/** Removal (R1-R6) and linking (L1-L3) ways: the procedures whose friction is recorded. */
export const FRICTION_PROCEDURE = /^@proc:([RL]\d+)$/;

/** The procedure a scenario walks (its first removal or linking @proc tag), or undefined. */
export function frictionProcedureOf(tags: readonly string[]): string | undefined {
  for (const tag of tags) {
    const m = FRICTION_PROCEDURE.exec(tag);
    if (m) return m[1];
  }
  return undefined;
}

/** The Gherkin keyword type of a step (cucumber's PickleStepType; playwright-bdd's keywordType). */
export type StepKind = 'Context' | 'Action' | 'Outcome' | 'Unknown' | undefined;

export interface FrictionOptions {
  /** The FRICTION and AXE switches (support/config.ts). */
  cfg: { FRICTION: boolean; AXE: boolean };
  target: TargetProfile;
  tags: readonly string[];
  scenario: string;
  device?: string;
}

const recorders = new WeakMap<BrowserContext, FrictionRecorder>();

/** Bounds of the step-end work: delivering the step's last events, and one axe-core scan. */
const FLUSH_MS = 2_000;
const SCAN_MS = 15_000;

/** `work`, or a rejection after `ms` (the timer does not keep the process alive). */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** The recorder attached to the context a world's page lives in, if any. */
export function frictionOf(page: Page | undefined): FrictionRecorder | undefined {
  if (!page) return undefined;
  return recorders.get(page.context());
}

export class FrictionRecorder {
  private readonly tally: FrictionTally;
  private readonly origins: Record<string, string>;
  private readonly current = new Map<Page, ScreenVisit>();
  private readonly scanned = new Map<string, A11yScreen>();
  private readonly scanErrors: string[] = [];
  private stepStart?: number;
  private procedureMs = 0;
  /** What the recording itself took: set-up and step-end flushes, and the axe-core scans. */
  private readonly cost = { recorderMs: 0, axeMs: 0 };
  private finished?: FrictionRecord;

  private constructor(
    private readonly context: BrowserContext,
    readonly procedure: string,
    private readonly opts: FrictionOptions,
  ) {
    this.origins = originNames(opts.target.urls);
    this.tally = new FrictionTally(opts.target.labels, this.origins);
  }

  /**
   * Attaches a recorder to a scenario's context before any page of it loads a document; returns
   * undefined for scenarios that walk no removal or linking procedure, or with FRICTION=off.
   */
  static async attach(context: BrowserContext, opts: FrictionOptions): Promise<FrictionRecorder | undefined> {
    const procedure = frictionProcedureOf(opts.tags);
    if (!procedure || !opts.cfg.FRICTION) return undefined;
    const started = performance.now();
    const recorder = new FrictionRecorder(context, procedure, opts);
    await context.exposeBinding(PROBE_BINDING, ({ page }, event: ProbeEvent) =>
      recorder.onProbe(page, event),
    );
    await context.addInitScript({ content: PROBE_SCRIPT });
    const watch = (page: Page) =>
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) recorder.tally.onNavigation(frame.url());
      });
    for (const page of context.pages()) watch(page);
    context.on('page', watch);
    recorders.set(context, recorder);
    recorder.cost.recorderMs += performance.now() - started;
    return recorder;
  }

  private onProbe(page: Page, event: ProbeEvent): void {
    if (event.k === 'screen') {
      const h1 = event.h1;
      this.current.set(page, { key: screenKey(event.url, h1, this.origins), url: event.url, h1 });
    }
    this.tally.onProbe(event);
  }

  /** A Gherkin step begins: the buyer's actions count only within "Action" steps. */
  stepStarted(kind: StepKind): void {
    if (kind !== 'Action') return;
    this.tally.begin();
    this.stepStart = performance.now();
  }

  /**
   * A step ended: deliver the events still in flight, stop counting, then (after a passed action
   * step) scan the screens it left open. The scan's time is not the procedure's.
   */
  async stepEnded(passed: boolean): Promise<void> {
    if (this.stepStart === undefined) return;
    this.tally.end();
    const ended = performance.now();
    this.procedureMs += ended - this.stepStart;
    this.stepStart = undefined;
    // Events of the step still in flight arrive before these round trips answer (a page stuck loading
    // does not hold the step: bounded).
    await Promise.all(
      this.context.pages().map((p) => within(FLUSH_MS, p.evaluate('0')).catch(() => undefined)),
    );
    const flushed = performance.now();
    this.cost.recorderMs += flushed - ended;
    if (passed && this.opts.cfg.AXE) {
      await this.scanOpenScreens();
      this.cost.axeMs += performance.now() - flushed;
    }
  }

  private async scanOpenScreens(): Promise<void> {
    for (const page of this.context.pages()) {
      const visit = this.current.get(page);
      if (!visit || page.isClosed() || this.scanned.has(visit.key) || !this.tally.visited(visit.key))
        continue;
      try {
        this.scanned.set(visit.key, await within(SCAN_MS, scanScreen(page, visit.key)));
      } catch (error) {
        this.scanErrors.push(`${visit.key}: ${(error as Error).message.split('\n')[0]}`);
      }
    }
  }

  /** The record so far (all screens the procedure visited; scans of this worker reused). */
  record(passed?: boolean): FrictionRecord {
    const counts = this.tally.counts();
    const scanOf = (key: string) =>
      this.opts.cfg.AXE ? (this.scanned.get(key) ?? cachedScan(key)) : undefined;
    const screens = counts.screens.flatMap((s) => scanOf(s.key) ?? []);
    const unscanned = counts.screens.filter((s) => !scanOf(s.key)).map((s) => s.key);
    const skipped = !this.opts.cfg.AXE
      ? 'AXE=off'
      : unscanned.length
        ? `not scanned (passed within a step, or the scan failed): ${[...unscanned, ...this.scanErrors].join('; ')}`
        : undefined;
    const locale = this.opts.target.locale;
    const tags = this.opts.tags;
    const severity = tags.find((t) => t.startsWith('@severity:'))?.slice('@severity:'.length);
    return {
      version: 1,
      procedure: this.procedure,
      scenario: this.opts.scenario,
      key: `${this.procedure} | ${this.opts.scenario}${locale && locale !== 'en' ? ` [${locale}]` : ''}`,
      locale,
      device: this.opts.device,
      severity,
      ...counts,
      seconds: Math.round(this.procedureMs) / 1000,
      cost: { recorderMs: Math.round(this.cost.recorderMs), axeMs: Math.round(this.cost.axeMs) },
      a11y: { skipped, screens, byImpact: byImpact(screens) },
      passed,
    };
  }

  /**
   * Ends the recording, writes the record to the scenario's result through `attach` and answers its
   * labels (the adapter writes them with the scenario's other labels). Idempotent.
   */
  async finish(passed: boolean, attach: AttachFile): Promise<{ name: string; value: string }[]> {
    if (this.finished) return [];
    this.tally.end();
    this.finished = this.record(passed);
    recorders.delete(this.context);
    return writeFriction(this.finished, attach, this.opts.target.name);
  }
}
