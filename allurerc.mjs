import { defineConfig } from 'allure';

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
  categories: {
    rules: [
      {
        id: 'infrastructure',
        name: 'Infrastructure: target or browser unavailable',
        matchers: {
          statuses: ['failed', 'broken'],
          message:
            /ECONNREFUSED|net::ERR_|answered HTTP 5\d\d|browser has disconnected|Browser closed|Target page, context or browser has been closed|webServer/,
        },
      },
      {
        id: 'product',
        name: "Product defects: the buyer's flow is broken",
        matchers: { statuses: ['failed'] },
      },
      {
        id: 'test',
        name: 'Test defects: the suite could not run the step',
        matchers: { statuses: ['broken'] },
      },
    ],
  },
  qualityGate: {
    rules: [{ maxFailures: 0, minTestsCount: 1 }],
  },
});
