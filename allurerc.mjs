import { defineConfig } from 'allure';
import { categoryRules } from './support/report-categories.mjs';

const reports = process.env.REPORTS_DIR || 'reports';

/**
 * ALLURE_REPORT_KIND=dashboard: the same results and history as Allure 3's dashboard plugin (trends of
 * pass rate and duration over the kept runs, stability per procedure) in `allure-dashboard/` beside
 * the report. It is its own `allure generate` (two plugins in one output would move the awesome report
 * into a subfolder that the monitor and the scripts read), generated before the report and without
 * appending history: the run adds one history line, from the awesome pass.
 */
const dashboard = process.env.ALLURE_REPORT_KIND === 'dashboard';

const awesome = {
  awesome: {
    options: {
      reportName: 'cardwatch: card link and removal flows',
      singleFile: false,
      groupBy: ['epic', 'feature', 'story'],
    },
  },
};

// Chart types of @allurereport/charts-api 3.18 (ChartType); friction has no chart type of its own: its
// trend is on the monitor's status page and /metrics, its figures on each scenario (labels friction.*).
const dashboardPlugin = {
  dashboard: {
    options: {
      reportName: 'cardwatch dashboard: card link and removal flows',
      singleFile: false,
      layout: [
        { type: 'currentStatus', title: 'Current status' },
        { type: 'statusDynamics', title: 'Pass rate over the last runs', limit: 20 },
        { type: 'durationDynamics', title: 'Run duration over the last runs', limit: 20 },
        {
          type: 'stabilityDistribution',
          title: 'Stability by procedure',
          groupBy: 'label-name:procedure',
          skipStatuses: ['skipped', 'unknown'],
          threshold: 90,
        },
        { type: 'statusTransitions', title: 'Fixed and regressed', limit: 20 },
        { type: 'durations', title: 'Scenario durations', groupBy: 'none' },
        {
          type: 'testResultSeverities',
          title: 'Results by severity',
          levels: ['blocker', 'critical', 'normal', 'minor', 'trivial'],
          statuses: ['passed', 'failed', 'broken', 'skipped', 'unknown'],
          includeUnset: true,
        },
      ],
    },
  },
};

/** Allure Report 3: one report per run, history kept in a JSONL file beside it. */
export default defineConfig({
  name: 'cardwatch',
  output: dashboard ? `${reports}/allure-dashboard` : `${reports}/allure-report`,
  historyPath: `${reports}/history.jsonl`,
  historyLimit: Number(process.env.ALLURE_HISTORY_LIMIT || 100),
  appendHistory: !dashboard,
  plugins: dashboard ? dashboardPlugin : awesome,
  // The same rules the self-test and the monitor classify with (support/report-categories.mjs).
  categories: { rules: categoryRules() },
  qualityGate: {
    rules: [{ maxFailures: 0, minTestsCount: 1 }],
  },
});
