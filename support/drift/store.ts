// The last green aria snapshot of each screen, per target and locale:
// <DRIFT_DIR>/<target>/<locale>/<screen>.yml (DRIFT_DIR defaults to REPORTS_DIR/drift, beside the
// history; the monitor passes its own so that every cycle's runs share one store).
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * What a stored snapshot covers. 1 (files without a `# format:` line): the page's `<main>` only.
 * 2: the whole body, so tab bars, menus, headers and footers outside `<main>` are compared too.
 * A file of another format is not compared with (it would read as everything outside main added):
 * load() passes it by, and the screen's next green run replaces it.
 */
export const SNAPSHOT_FORMAT = 2;

export interface StoredSnapshot {
  screen: string;
  url: string;
  savedAt: string;
  snapshot: string;
  /** SNAPSHOT_FORMAT when written; 1 for files written before formats were numbered. */
  format?: number;
}

/** The store's folder: DRIFT_DIR, else REPORTS_DIR/drift. */
export function driftDirOf(cfg: { REPORTS_DIR: string; DRIFT_DIR?: string }): string {
  return cfg.DRIFT_DIR ?? join(cfg.REPORTS_DIR, 'drift');
}

/** A file name for a screen key: readable, and unique by a short hash of the key. */
export function fileOf(screen: string): string {
  const slug = screen.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
  const hash = createHash('sha1').update(screen).digest('hex').slice(0, 8);
  return `${slug}-${hash}.yml`;
}

const HEAD = /^# (screen|url|saved|format): (.*)$/;

/**
 * The file's text: a header of `# screen/url/saved/format` lines, then the snapshot as Playwright wrote
 * it. The format written is `s.format` if given (tests plant old files), else SNAPSHOT_FORMAT.
 */
export function formatStored(s: StoredSnapshot): string {
  const format = s.format ?? SNAPSHOT_FORMAT;
  const head = `# screen: ${s.screen}\n# url: ${s.url}\n# saved: ${s.savedAt}\n`;
  return `${head}${format > 1 ? `# format: ${format}\n` : ''}${s.snapshot}\n`;
}

export function parseStored(text: string): StoredSnapshot | undefined {
  const lines = text.split('\n');
  const head: Record<string, string> = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const m = HEAD.exec(lines[i]!);
    if (!m) break;
    head[m[1]!] = m[2]!;
  }
  if (!head.screen) return undefined;
  return {
    screen: head.screen,
    url: head.url ?? '',
    savedAt: head.saved ?? '',
    format: Number(head.format ?? 1),
    snapshot: lines.slice(i).join('\n').trimEnd(),
  };
}

const current = (s: StoredSnapshot | undefined) => (s?.format === SNAPSHOT_FORMAT ? s : undefined);

/** The part of a screen key before its h1 (`walletDirect/ · My wallet` -> `walletDirect/`). */
const placeOf = (screen: string) => screen.split(' · ')[0]!;

export class DriftStore {
  readonly dir: string;

  constructor(root: string, target: string, locale: string) {
    this.dir = join(root, target, locale || 'default');
  }

  /** Writes atomically (a temporary file renamed), so parallel workers never leave half a file. */
  async save(s: StoredSnapshot): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = join(this.dir, fileOf(s.screen));
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, formatStored(s));
    await rename(tmp, file);
  }

  /**
   * The screen's last green snapshot of SNAPSHOT_FORMAT; when none has its exact key (the h1 itself
   * drifted), the newest one of the same origin and path. Files of an older format count as none.
   */
  async load(screen: string): Promise<StoredSnapshot | undefined> {
    const exact = await readFile(join(this.dir, fileOf(screen)), 'utf8').catch(() => undefined);
    const own = exact ? current(parseStored(exact)) : undefined;
    if (own) return own;
    const names = await readdir(this.dir).catch(() => [] as string[]);
    let best: StoredSnapshot | undefined;
    for (const name of names.filter((n) => n.endsWith('.yml'))) {
      const s = current(parseStored(await readFile(join(this.dir, name), 'utf8').catch(() => '')));
      if (s && placeOf(s.screen) === placeOf(screen) && (!best || s.savedAt > best.savedAt)) best = s;
    }
    return best;
  }
}
