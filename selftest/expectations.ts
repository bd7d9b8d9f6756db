// What each fault of the mock (docs/faults.md) must do to the suite. `npm run selftest` switches the
// fault on (MOCK_FAULTS=<fault>), runs `caughtBy` and `unaffected`, and checks the outcome below.
// Scenarios are chosen by Cucumber tag expressions over the features' tags (@proc:R3, @fact:F6, ...).
import type { FaultName } from '../mock-app/domain/faults.ts';
import type { CategoryId } from '../scripts/lib/allure-results.ts';

/**
 * fails:    every `caughtBy` scenario fails, in `category`, naming its procedure and the failed step.
 * degraded: every `caughtBy` scenario passes, but slower than MONITOR_DEGRADED_MS (category "degraded").
 * flaky:    every `caughtBy` scenario fails once and passes on the retry (category "flaky").
 */
export type Outcome = 'fails' | 'degraded' | 'flaky';

export interface FaultExpectation {
  fault: FaultName;
  /** The breakage in one line, for the table. */
  breaks: string;
  /** The scenarios that must notice it. */
  caughtBy: string;
  outcome: Outcome;
  category: CategoryId;
  /** Scenarios that must stay green (passed, not flaky, not degraded) with the fault on; '' = none judged. */
  unaffected: string;
  /** Playwright retries for this run (a transient fault is only "flaky" with one). */
  retries?: number;
}

/**
 * Scenarios are chosen by tag expressions over their tags plus one pseudo-tag the self-test adds:
 * `@removes` = the scenario ends with the oracle step "the card is removed everywhere".
 */
const REMOVES = '@removes';
/** The wallet's direct-link removal (R3): the procedure most faults of the wallet must show in. */
const R3 = '@proc:R3 and @removes';
/** Opening a wallet account through the confirmation mail (R2 scenarios that read the inbox). */
const R2_MAIL = '@proc:R2 and @needs:inbox';

export const EXPECTATIONS: FaultExpectation[] = [
  {
    fault: 'remove-noop',
    breaks: 'removal says "removed", the store keeps the card',
    caughtBy: REMOVES,
    outcome: 'fails',
    category: 'product',
    unaffected: '@fact:F3 and not @removes',
  },
  {
    fault: 'remove-partial',
    breaks: 'removed from the screen used only; still at checkout and elsewhere',
    caughtBy: REMOVES,
    outcome: 'fails',
    category: 'product',
    unaffected: '@fact:F3 and not @removes',
  },
  {
    fault: 'help-500',
    breaks: 'the help centre answers 500',
    // R4 at its first step; every other oracle reads the help list and fails there too.
    caughtBy: `@proc:R4 or ${REMOVES}`,
    outcome: 'fails',
    category: 'infrastructure',
    unaffected: '@proc:L1',
  },
  {
    fault: 'direct-needs-registration',
    breaks: "the wallet's direct page demands a wallet account",
    caughtBy: R3,
    outcome: 'fails',
    category: 'product',
    // A buyer who has a wallet account still gets the direct page.
    unaffected: '@proc:R1 and @removes',
  },
  {
    fault: 'edit-cards-missing',
    breaks: 'the wallet\'s "edit cards" control is gone',
    caughtBy: '(@proc:R1 or @proc:R2) and @removes',
    outcome: 'fails',
    category: 'product',
    unaffected: R3,
  },
  {
    fault: 'mobile-label-drift',
    breaks: 'the mobile app\'s "My Profile" menu label is renamed',
    caughtBy: '@proc:R5',
    outcome: 'fails',
    category: 'product',
    unaffected: '@proc:R6 and @removes',
  },
  {
    fault: 'sms-amount',
    breaks: 'the SMS states a wrong amount',
    caughtBy: '@proc:L2 and @fact:F8',
    outcome: 'fails',
    category: 'product',
    unaffected: R3,
  },
  {
    fault: 'mail-not-sent',
    breaks: 'the confirmation mail never leaves',
    caughtBy: R2_MAIL,
    outcome: 'fails',
    category: 'product',
    unaffected: '@proc:R2 and not @needs:inbox',
  },
  {
    fault: 'confirm-expired',
    breaks: 'the confirm link is expired at once',
    caughtBy: R2_MAIL,
    outcome: 'fails',
    category: 'product',
    unaffected: '@proc:R2 and not @needs:inbox',
  },
  {
    fault: 'link-unticked',
    breaks: 'the "link card" box is no longer ticked by default (F3)',
    caughtBy: '@proc:L1 and @fact:F3',
    outcome: 'fails',
    category: 'product',
    unaffected: '@fact:F3 and not @proc:L1',
  },
  {
    fault: 'card-limit',
    breaks: 'the limit of linked cards is no longer 5 (F6)',
    caughtBy: '@fact:F6',
    outcome: 'fails',
    category: 'product',
    unaffected: '@proc:L1',
  },
  {
    fault: 'sso-broken',
    breaks: "the wallet loses the shop's session",
    caughtBy: R3,
    outcome: 'fails',
    category: 'product',
    unaffected: '@fact:F10',
  },
  {
    fault: 'slow-wallet',
    breaks: 'every wallet request answers late, still working',
    // The scenario with the most wallet requests: over MONITOR_DEGRADED_MS only when the wallet is slow.
    caughtBy: '@proc:R2 and @removes',
    outcome: 'degraded',
    category: 'degraded',
    unaffected: '@fact:F10',
  },
  {
    fault: 'transient-503',
    breaks: 'one 503 on the first request to each page, then normal',
    caughtBy: R3,
    outcome: 'flaky',
    category: 'flaky',
    unaffected: '',
    retries: 1,
  },
];
