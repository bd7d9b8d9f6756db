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

/** Every removal procedure of the guide: their oracle ("removed everywhere") sees removal faults. */
const REMOVAL = '(@proc:R1 or @proc:R2 or @proc:R3 or @proc:R4 or @proc:R5 or @proc:R6)';
/** Linking at checkout: touches only the shop and the wallet's direct page, no removal, no help, no mobile. */
const LINK_AT_CHECKOUT = '@proc:L1';

export const EXPECTATIONS: FaultExpectation[] = [
  {
    fault: 'remove-noop',
    breaks: 'removal says "removed", the store keeps the card',
    caughtBy: REMOVAL,
    outcome: 'fails',
    category: 'product',
    unaffected: `not ${REMOVAL}`,
  },
  {
    fault: 'remove-partial',
    breaks: 'removed from the screen used only; still at checkout and elsewhere',
    caughtBy: REMOVAL,
    outcome: 'fails',
    category: 'product',
    unaffected: `not ${REMOVAL}`,
  },
  {
    fault: 'help-500',
    breaks: 'the help page answers 500',
    caughtBy: '@proc:R4',
    outcome: 'fails',
    category: 'infrastructure',
    unaffected: LINK_AT_CHECKOUT,
  },
  {
    fault: 'direct-needs-registration',
    breaks: "the wallet's direct page demands a wallet account",
    caughtBy: '@proc:R3',
    outcome: 'fails',
    category: 'product',
    unaffected: '',
  },
  {
    fault: 'edit-cards-missing',
    breaks: 'the wallet\'s "edit cards" control is gone',
    caughtBy: '@proc:R1',
    outcome: 'fails',
    category: 'product',
    unaffected: LINK_AT_CHECKOUT,
  },
  {
    fault: 'mobile-label-drift',
    breaks: 'a mobile menu label is renamed',
    caughtBy: '@proc:R5',
    outcome: 'fails',
    category: 'product',
    unaffected: LINK_AT_CHECKOUT,
  },
  {
    fault: 'sms-amount',
    breaks: 'the SMS states a wrong amount',
    caughtBy: '@proc:L2',
    outcome: 'fails',
    category: 'product',
    unaffected: LINK_AT_CHECKOUT,
  },
  {
    fault: 'mail-not-sent',
    breaks: 'the confirmation mail never leaves',
    caughtBy: '@proc:R2',
    outcome: 'fails',
    category: 'product',
    unaffected: LINK_AT_CHECKOUT,
  },
  {
    fault: 'confirm-expired',
    breaks: 'the confirm link is expired at once',
    caughtBy: '@proc:R2',
    outcome: 'fails',
    category: 'product',
    unaffected: LINK_AT_CHECKOUT,
  },
  {
    fault: 'link-unticked',
    breaks: 'the "link card" box is no longer ticked by default (F3)',
    caughtBy: '@proc:L1 and @fact:F3',
    outcome: 'fails',
    category: 'product',
    unaffected: '@proc:R3',
  },
  {
    fault: 'card-limit',
    breaks: 'the limit of linked cards is no longer 5 (F6)',
    caughtBy: '@fact:F6',
    outcome: 'fails',
    category: 'product',
    unaffected: '@proc:R3',
  },
  {
    fault: 'sso-broken',
    breaks: "the wallet loses the shop's session",
    caughtBy: '@proc:R3',
    outcome: 'fails',
    category: 'product',
    unaffected: '',
  },
  {
    fault: 'slow-wallet',
    breaks: 'wallet pages answer slowly, still working',
    caughtBy: '@proc:R3',
    outcome: 'degraded',
    category: 'degraded',
    unaffected: '',
  },
  {
    fault: 'transient-503',
    breaks: 'one 503 on the first request to each page, then normal',
    caughtBy: '@proc:R3',
    outcome: 'flaky',
    category: 'flaky',
    unaffected: '',
    retries: 1,
  },
];
