import { defineConfig } from 'allure';
import { categoryRules } from './support/report-categories.mjs';

const reports = process.env.REPORTS_DIR || 'reports';

/** Allure Report 3: one report per run, history kept in a JSONL file beside it. */
export default defineConfig({
  name: 'cardwatch',
  output: `${reports}/allure-report`,
  historyPath: `${reports}/history.jsonl`,
  historyLimit: Number(process.env.ALLURE_HISTORY_LIMIT || 100),
  appendHistory: true,
  plugins: {
    awesome: {
      options: {
        reportName: 'cardwatch: card link and removal flows',
        singleFile: false,
        groupBy: ['epic', 'feature', 'story'],
      },
    },
  },
  // The same rules the self-test and the monitor classify with (support/report-categories.mjs).
  categories: { rules: categoryRules() },
  qualityGate: {
    rules: [{ maxFailures: 0, minTestsCount: 1 }],
  },
});
