import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { markFlakyRetries } from './allure-results.ts';
import { localBin, run } from './run.ts';

// The awesome plugin always embeds Google's tag (no option turns it off in allure 3.18): strip it.
const ANALYTICS =
  /\s*<script async src="https:\/\/www\.googletagmanager\.com\/gtag\/js[^"]*"><\/script>\s*<script>[\s\S]*?gtag\('config'[\s\S]*?<\/script>/;

export async function stripAnalytics(indexHtml: string): Promise<void> {
  const html = await readFile(indexHtml, 'utf8');
  const cleaned = html.replace(ANALYTICS, '');
  if (cleaned.includes('googletagmanager'))
    throw new Error(`could not remove the analytics tag from ${indexHtml}`);
  await writeFile(indexHtml, cleaned);
}

export interface ReportOptions {
  /** Results folders (default `<reportsDir>/allure-results`); several = shards merged into one report. */
  results?: string[];
  /** Report folder (default `<reportsDir>/allure-report`). History stays in `<reportsDir>/history.jsonl`. */
  output?: string;
  /** Also Allure 3's dashboard in `allure-dashboard/` beside the report (default true; allurerc.mjs). */
  dashboard?: boolean;
}

/**
 * Empties the report folder (allure has no --clean), marks scenarios that passed only on a retry as flaky,
 * generates once (one history line), strips analytics.
 */
export async function generateReport(
  reportsDir: string,
  opts: ReportOptions = {},
): Promise<{ code: number; index: string }> {
  const output = opts.output ?? join(reportsDir, 'allure-report');
  const results = opts.results ?? [join(reportsDir, 'allure-results')];
  await rm(output, { recursive: true, force: true });
  for (const dir of results) await markFlakyRetries(dir);
  // The dashboard first: it reads the history without appending (allurerc.mjs), the report then adds this run's line.
  if (opts.dashboard ?? true) {
    const dashboard = join(dirname(output), 'allure-dashboard');
    await rm(dashboard, { recursive: true, force: true });
    const dashboardCode = await run(
      ...localBin('allure', ['generate', ...results, '--config', 'allurerc.mjs', '--output', dashboard]),
      { ...process.env, REPORTS_DIR: reportsDir, ALLURE_REPORT_KIND: 'dashboard' },
    );
    if (dashboardCode === 0 && existsSync(join(dashboard, 'index.html')))
      await stripAnalytics(join(dashboard, 'index.html'));
    else console.error(`[report] the Allure dashboard was not generated (exit ${dashboardCode})`);
  }
  // The installed binary when there is one: npx's own start-up costs about a second per report.
  const code = await run(
    ...localBin('allure', ['generate', ...results, '--config', 'allurerc.mjs', '--output', output]),
    { ...process.env, REPORTS_DIR: reportsDir },
  );
  const index = join(output, 'index.html');
  if (code === 0 && existsSync(index)) await stripAnalytics(index);
  return { code, index };
}
