// The run's Allure report: generated once per cycle into the run's folder, with the history kept in
// REPORTS_DIR/history.jsonl (scripts/lib/report.ts; historyLimit from ALLURE_HISTORY_LIMIT in allurerc.mjs).
import { existsSync } from 'node:fs';
import { open, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { generateReport } from '../scripts/lib/report.ts';

export const RUNS = 'runs';
export const runDirOf = (reportsDir: string, runId: string) => join(reportsDir, RUNS, runId);
export const reportUrlOf = (runId: string) => `/runs/${encodeURIComponent(runId)}/report/`;

/** A sortable, path-safe id from a time: 2026-11-25T02-00-00-000Z. */
export const runIdOf = (date: Date) => date.toISOString().replace(/[:.]/g, '-');

export async function generateRunReport(reportsDir: string, runId: string): Promise<number> {
  const runDir = runDirOf(reportsDir, runId);
  const { code } = await generateReport(reportsDir, {
    results: [join(runDir, 'allure-results')],
    output: join(runDir, 'allure-report'),
  });
  return code;
}

/** The last line of a JSONL file, read from its end (history grows to ALLURE_HISTORY_LIMIT lines). */
async function lastLine(file: string): Promise<string | undefined> {
  if (!existsSync(file)) return undefined;
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    let chunk = 64 * 1024;
    while (true) {
      const start = Math.max(0, size - chunk);
      const buf = Buffer.alloc(size - start);
      await handle.read(buf, 0, buf.length, start);
      const text = buf.toString('utf8').replace(/\n+$/, '');
      const nl = text.lastIndexOf('\n');
      if (nl >= 0 || start === 0) return text.slice(nl + 1) || undefined;
      chunk *= 4;
    }
  } finally {
    await handle.close();
  }
}

/**
 * Test result ids of the report just generated, by full name: `allure generate` appends one line per
 * report to the history, holding each result's id (the report's own `#/<id>` route).
 */
export async function reportIdsByFullName(reportsDir: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const line = await lastLine(join(reportsDir, 'history.jsonl'));
  if (!line) return ids;
  try {
    const entry = JSON.parse(line) as { testResults?: Record<string, { id?: string; fullName?: string }> };
    for (const r of Object.values(entry.testResults ?? {}))
      if (r.id && r.fullName && !ids.has(r.fullName)) ids.set(r.fullName, r.id);
  } catch {
    // a broken line only costs the deep links
  }
  return ids;
}

/** Keeps the newest `keep` run folders (ids sort by time), never the ones in `protect`; returns the pruned. */
export async function pruneRuns(reportsDir: string, keep: number, protect: string[] = []): Promise<string[]> {
  const dir = join(reportsDir, RUNS);
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  const ids = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const old = ids.slice(0, Math.max(0, ids.length - keep)).filter((id) => !protect.includes(id));
  for (const id of old) await rm(join(dir, id), { recursive: true, force: true });
  return old;
}

/** The newest run folder that holds a report (what /report/ serves). */
export async function latestReportRun(reportsDir: string): Promise<string | undefined> {
  const dir = join(reportsDir, RUNS);
  if (!existsSync(dir)) return undefined;
  const ids = (await readdir(dir)).sort().reverse();
  for (const id of ids) {
    const index = join(dir, id, 'allure-report', 'index.html');
    if (await stat(index).catch(() => undefined)) return id;
  }
  return undefined;
}
