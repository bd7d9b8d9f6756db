// One scenario's drift watch, attached to its browser context by the scenario's lifecycle (both
// runners): keeps the aria snapshot (the whole body) of each screen the scenario reaches (when a page object first
// finds something on a new address, and at the end of every passed step), stores them when the
// scenario passes, and when it fails compares the page now with that screen's last green snapshot.
import type { BrowserContext, Page } from '@playwright/test';
import { originNames, screenKey } from '../friction/record.ts';
import type { ReportLabel } from '../report-labels.ts';
import type { TargetProfile } from '../target.ts';
import {
  DRIFT_LABEL,
  DRIFT_MS_LABEL,
  driftReport,
  driftSummary,
  driftText,
  type WantedName,
} from './diff.ts';
import { DriftStore, driftDirOf, SNAPSHOT_FORMAT, type StoredSnapshot } from './store.ts';

export interface DriftOptions {
  cfg: { DRIFT: boolean; REPORTS_DIR: string; DRIFT_DIR?: string };
  target: TargetProfile;
}

export type AttachFile = (name: string, body: Buffer, contentType: string) => Promise<void>;

/** The attachment's name in the Allure result. */
export const DRIFT_ATTACHMENT = 'drift';

/** Bound of one snapshot (the page may be stuck loading at a failure). */
const SNAPSHOT_MS = 3_000;

const watches = new WeakMap<BrowserContext, DriftWatch>();

/** The watch of the context a page lives in, if any. */
export function driftOf(page: Page | undefined): DriftWatch | undefined {
  return page ? watches.get(page.context()) : undefined;
}

/**
 * What a snapshot covers (store.ts SNAPSHOT_FORMAT 2): the whole body, as a user sees the screen, so a
 * tab bar, menu, header or footer outside `<main>` (Northwind's app tab bar) is compared too. In DOM
 * order, so the diff's order is the page's.
 */
const regionOf = (page: Page) => page.locator('body');

/** What the screen probe takes as the screen's h1 (support/friction/probe.ts): its text, blanks squeezed. */
const H1 = `(() => { const h = document.querySelector('h1'); return h ? (h.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 120) : ''; })()`;

export class DriftWatch {
  private readonly store: DriftStore;
  private readonly origins: Record<string, string>;
  /** The latest snapshot of each screen key seen in this scenario. */
  private readonly seen = new Map<string, StoredSnapshot>();
  private readonly lastUrl = new WeakMap<Page, string>();
  private miss?: { page: Page; wanted: WantedName[] };
  private finished = false;
  /** Time spent on drift in this scenario (ms): snapshots taken, the store read and written, the diff. */
  private spentMs = 0;

  private constructor(opts: DriftOptions) {
    const { target, cfg } = opts;
    this.store = new DriftStore(driftDirOf(cfg), target.name, target.locale ?? 'default');
    this.origins = originNames(target.urls);
  }

  /** Attaches a watch to a scenario's context; undefined with DRIFT=off. */
  static attach(context: BrowserContext, opts: DriftOptions): DriftWatch | undefined {
    if (!opts.cfg.DRIFT) return undefined;
    const watch = new DriftWatch(opts);
    watches.set(context, watch);
    return watch;
  }

  /** A page object found what it waited for: the page's first snapshot at this address. */
  async found(page: Page): Promise<void> {
    if (this.lastUrl.get(page) === page.url()) return;
    await this.capture(page).catch(() => undefined);
  }

  /** A page object waited in vain for `wanted` on `page` (pages/common/find.ts ScreenMismatch). */
  missed(page: Page, wanted: readonly WantedName[]): void {
    this.miss = { page, wanted: [...wanted] };
  }

  /** A step ended: a passed one forgets a tolerated miss and refreshes the snapshots of the open pages. */
  async stepEnded(passed: boolean, pages: readonly Page[]): Promise<void> {
    if (!passed) return;
    this.miss = undefined;
    for (const page of pages) await this.capture(page).catch(() => undefined);
  }

  private async snapshot(page: Page): Promise<StoredSnapshot | undefined> {
    const url = page.url();
    if (page.isClosed() || !/^https?:/.test(url)) return undefined;
    const region = regionOf(page);
    const snapshot = await region.ariaSnapshot({ timeout: SNAPSHOT_MS });
    const h1 = String(await page.evaluate(H1));
    const u = new URL(url);
    const screen = screenKey(u.origin + u.pathname, h1, this.origins);
    const savedAt = new Date().toISOString();
    return { screen, url: u.origin + u.pathname, savedAt, snapshot, format: SNAPSHOT_FORMAT };
  }

  private async capture(page: Page): Promise<void> {
    const start = performance.now();
    try {
      const s = await this.snapshot(page);
      if (!s) return;
      this.seen.set(s.screen, s);
      this.lastUrl.set(page, page.url());
    } finally {
      this.spentMs += performance.now() - start;
    }
  }

  /** The scenario's drift cost as a label (`npx tsx scripts/drift-cost.ts` sums it against the scenario time). */
  private costLabel(): ReportLabel {
    return { name: DRIFT_MS_LABEL, value: String(Math.round(this.spentMs)) };
  }

  /**
   * Ends the watch. Passed: the scenario's snapshots become the screens' last green ones. Failed: the
   * page of the failed wait (else `page`) is compared with its screen's last green snapshot; the full
   * diff is attached as "drift" (text/plain) and its one line answered as the `cw.drift` label.
   */
  async finish(passed: boolean, page: Page, attach: AttachFile): Promise<ReportLabel[]> {
    if (this.finished) return [];
    this.finished = true;
    const start = performance.now();
    const labels = await this.compare(passed, page, attach);
    this.spentMs += performance.now() - start;
    return [...labels, this.costLabel()];
  }

  private async compare(passed: boolean, page: Page, attach: AttachFile): Promise<ReportLabel[]> {
    if (passed) {
      for (const s of this.seen.values()) await this.store.save(s);
      return [];
    }
    const on = this.miss?.page ?? page;
    const now = await this.snapshot(on).catch(() => undefined);
    if (!now) return [];
    const before = await this.store.load(now.screen);
    const report = driftReport(now.screen, before, now.snapshot, this.miss?.wanted ?? []);
    await attach(DRIFT_ATTACHMENT, Buffer.from(driftText(report)), 'text/plain');
    return [{ name: DRIFT_LABEL, value: driftSummary(report) }];
  }
}
