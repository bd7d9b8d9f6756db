// The Allure categories, in one place: allurerc.mjs gives them to `allure generate`, and the
// self-test (scripts/selftest.ts) and the monitor classify results with the very same rules,
// through Allure's own matcher (@allurereport/core-api). Plain JS: allurerc.mjs loads without tsx.

/**
 * Default for MONITOR_DEGRADED_MS: a scenario that passes but takes longer than this is degraded.
 * One budget for every scenario: above the longest healthy one (R2, opening a wallet through the
 * confirmation mail, about 13 s on 2 busy cores) and below it under slow-wallet (about 34 s).
 */
export const DEFAULT_DEGRADED_MS = 20_000;

/** The degraded threshold in force: MONITOR_DEGRADED_MS from the environment, else the default. */
export function degradedThresholdMs(env = process.env) {
  const value = Number(env.MONITOR_DEGRADED_MS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_DEGRADED_MS;
}

/**
 * Messages of failures that say the browser or the target as a whole was not there (the monitor's own
 * trouble, docs/monitoring.md), not that a flow broke; "not measured: shard i/N" is a monitor shard that
 * ended before the scenario did (monitor/shards.ts).
 */
export const INFRASTRUCTURE_MESSAGE =
  /ECONNREFUSED|net::ERR_|browser has disconnected|Browser closed|Target page, context or browser has been closed|webServer|not measured: shard \d+\/\d+/;

/**
 * A procedure's screen answered an HTTP error: the target is up and that flow is broken for a buyer
 * (the page objects' gotoScreen says "answered HTTP <status>"). Product-side, like a missing control,
 * but named apart so QA sees an outage of one screen at a glance.
 */
export const TARGET_ERROR_MESSAGE = /answered HTTP [45]\d\d/;

/**
 * Rules in order; the first that matches wins (Allure's own semantics). Ids are what the self-test's
 * table expects: infrastructure, target-error, product, test, flaky, degraded.
 * @param {number} [degradedMs]
 */
export function categoryRules(degradedMs = degradedThresholdMs()) {
  return [
    {
      id: 'infrastructure',
      name: 'Infrastructure: target or browser unavailable',
      matchers: { statuses: ['failed', 'broken'], message: INFRASTRUCTURE_MESSAGE },
    },
    {
      id: 'target-error',
      name: "Target errors: a procedure's screen answered an HTTP error",
      matchers: { statuses: ['failed', 'broken'], message: TARGET_ERROR_MESSAGE },
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
    {
      id: 'flaky',
      name: 'Flaky: passed only on a retry',
      matchers: { statuses: ['passed'], flaky: true },
    },
    {
      id: 'degraded',
      name: `Degraded: passed, but slower than ${degradedMs} ms`,
      matchers: [
        /** @param {{ status: string, duration?: number }} d */
        (d) => d.status === 'passed' && (d.duration ?? 0) > degradedMs,
      ],
    },
  ];
}
