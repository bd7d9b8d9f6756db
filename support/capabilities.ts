import { coveredProcedures, describeProcedure, procedureTags } from './profile-scope.ts';
import { DEFAULT_SIGN_UP_FIELDS } from './profile-screens.ts';
import type { TargetProfile } from './target.ts';

/**
 * Tags that say what a scenario needs from the target, beyond its pages. A scenario whose need the
 * profile does not grant is skipped with the reason (Playwright output and Allure).
 *   @mock-only            the mock's control API (buyers, sessions, faults)
 *   @needs:control        the same, spelled as a capability
 *   @needs:clock          advancing the target's clock (24-hour rules)
 *   @needs:ground-truth   reading the store itself
 *   @needs:disputes       having a dispute decided
 *   @needs:inbox          reading mail/SMS through the profile's inbox
 *   @needs:captcha        the captcha's test answer
 *   @needs:fresh-buyer    a brand-new account per scenario (accounts.signUp, or not a pool)
 *   @needs:second-buyer   a second buyer in the same scenario (a pool needs 2 accounts per worker)
 *   @needs:wallet-account a buyer who already holds a wallet account (control API, or accounts.wallets)
 *   @needs:signup-country the sign-up form asks the buyer's country (F1; forms.signUp names a country field)
 */
export const NEEDS = {
  control: (p: TargetProfile) => p.capabilities.control,
  clock: (p: TargetProfile) => p.capabilities.clock,
  'ground-truth': (p: TargetProfile) => p.capabilities.groundTruth,
  disputes: (p: TargetProfile) => p.capabilities.disputes,
  inbox: (p: TargetProfile) => !!p.inbox,
  captcha: (p: TargetProfile) => !!p.captcha,
  'fresh-buyer': (p: TargetProfile) => p.accounts.source !== 'pool' || !!p.accounts.signUp,
  'second-buyer': (p: TargetProfile, workers: number) =>
    p.accounts.source !== 'pool' || p.accounts.emails.length >= 2 * workers,
  'wallet-account': (p: TargetProfile) =>
    p.accounts.source === 'pool' ? Object.keys(p.accounts.wallets).length > 0 : p.capabilities.control,
  'signup-country': (p: TargetProfile) =>
    Object.values(p.forms.signUp ?? DEFAULT_SIGN_UP_FIELDS).includes('country'),
} as const satisfies Record<string, (p: TargetProfile, workers: number) => boolean>;

export type Need = keyof typeof NEEDS;

const WHY: Record<Need, string> = {
  control: 'needs the control API',
  clock: 'needs to advance the target clock',
  'ground-truth': 'needs to read the target store',
  disputes: 'needs disputes decided',
  inbox: 'needs an inbox (profile inbox)',
  captcha: 'needs the captcha test answer (profile captcha)',
  'fresh-buyer':
    'needs a new account per scenario, the profile gives pre-made accounts only (accounts.signUp)',
  'second-buyer': 'needs a second buyer, the account pool has fewer than 2 per worker',
  'wallet-account': 'needs a buyer with a wallet account, the pool lists none (accounts.wallets)',
  'signup-country': "needs a sign-up form that asks the country, the target's asks none (forms.signUp)",
};

/** The needs a scenario's tags declare. Unknown `@needs:` tags are an error (a typo must not run by accident). */
export function needsOf(tags: readonly string[]): Need[] {
  const needs = new Set<Need>();
  for (const tag of tags) {
    if (tag === '@mock-only') needs.add('control');
    const m = /^@needs:(.+)$/.exec(tag);
    if (!m) continue;
    if (!(m[1]! in NEEDS))
      throw new Error(
        `unknown tag ${tag}: expected one of ${Object.keys(NEEDS)
          .map((n) => `@needs:${n}`)
          .join(', ')}`,
      );
    needs.add(m[1] as Need);
  }
  return [...needs];
}

/**
 * Why the scenario cannot run on this target, or undefined when it can: a procedure the profile does
 * not cover (`procedures`; the scenario's `@proc:` tags, else its `@fact:` tags), or a need it lacks.
 */
export function skipReason(tags: readonly string[], profile: TargetProfile, workers = 1): string | undefined {
  const covered = coveredProcedures(profile);
  const outside = procedureTags(tags).filter((id) => !covered.includes(id));
  const missing = needsOf(tags).filter((n) => !NEEDS[n](profile, workers));
  const reasons = [
    ...(outside.length
      ? [`does not cover ${outside.map(describeProcedure).join(', ')} (profile procedures)`]
      : []),
    ...(missing.length ? [`lacks: ${missing.map((n) => WHY[n]).join('; ')}`] : []),
  ];
  return reasons.length ? `target ${profile.name} ${reasons.join('; ')}` : undefined;
}
