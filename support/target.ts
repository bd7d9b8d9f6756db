import { z } from 'zod';
import {
  accountsSchema,
  capabilitiesSchema,
  captchaSchema,
  inboxSchema,
  localServerSchema,
  testCardSchema,
  withSecretEnv,
} from './profile-parts.ts';
import { completeLabels, proceduresSchema, requiredLabelIssues, scopedLabelsSchema } from './profile-scope.ts';
import { formsSchema, labelAt, SCREEN_KEYS, screensSchema } from './profile-screens.ts';

const url = z.url({ protocol: /^https?$/ });

/** What the suite knows about a target: where its screens are, how they are worded, what it lets a test do. */
const targetProfileObject = z.object({
  name: z.string().min(1),
  kind: z.enum(['mock', 'sandbox']),
  urls: z.object({
    shop: url,
    signIn: url,
    checkout: url,
    walletDirect: url,
    /** R1/R2: the wallet's account page ("My wallet"): the wallet profile, or "Open wallet now" without one. */
    walletAccount: url,
    /** The shop's own pages: sign-up (F1's buyer picks a country), orders and disputes (F4), support (F10). */
    signUp: url,
    orders: url,
    disputes: url,
    support: url,
    /** R4: the buyer centre's question/answer page with the "check cards" button. */
    helpCenter: url,
    /** R4: the list "check cards" shows (the oracle reads it directly). */
    helpCards: url,
    /** R5: the mobile app's home (its main menu). */
    mobileApp: url,
    /** R5: "My Profile" -> "My bank cards" (the oracle reads it directly). */
    mobileAppCards: url,
    /** R6: the mobile version of the site's home. */
    mobileSite: url,
    /** R6: where the card-information answer's link leads (the card page with delete). */
    mobileSiteCards: url,
  }),
  /**
   * Every visible text the page objects look for (support/labels/*.ts). A key is required when a
   * procedure the profile covers needs it (support/profile-scope.ts); the others may be left out.
   */
  labels: scopedLabelsSchema,
  /**
   * The guide's procedures and facts the target implements (IDs of support/procedures.ts, e.g.
   * ['L1', 'R3', 'R4', 'F10']); absent = all. Scenarios of the others are skipped with the reason,
   * the oracle and the doctor leave out screens only they use, and their labels are not required.
   */
  procedures: proceduresSchema,
  /** The language `labels` are written in; buyers made through the control API get it as their locale. */
  locale: z.string().min(2).optional(),
  capabilities: capabilitiesSchema,
  control: z.object({ url }).optional(),
  /** Where buyers come from: the control API (mock) or a pool of pre-made accounts (sandbox). */
  accounts: accountsSchema.default({ source: 'control' }),
  /** Test cards to type; absent = random Luhn-valid numbers (the mock only: sandboxes need theirs). */
  cards: z.array(testCardSchema).min(1).optional(),
  inbox: inboxSchema.optional(),
  captcha: captchaSchema.optional(),
  /** F11: card numbers starting with these digits are deemed risky by the target's wallet. */
  riskyCardPrefix: z
    .string()
    .regex(/^\d{1,8}$/, '1-8 digits')
    .optional(),
  /** Started by Playwright's webServer when the target runs on this machine (e.g. the mock in sandbox posture). */
  localServer: localServerSchema.optional(),
  /** How screens differ in shape (confirm steps, containers, click paths, adapters): support/profile-screens.ts. */
  screens: screensSchema,
  /** Which fields forms ask (the sign-up form): support/profile-screens.ts. */
  forms: formsSchema,
});

/** Label keys and url keys the profile's screens and forms name must exist; wallets must be pool accounts. */
function referenceRules(p: z.output<typeof targetProfileObject>, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  for (const key of SCREEN_KEYS) {
    for (const field of ['confirmWith', 'cancelWith'] as const) {
      const label = p.screens[key]?.[field];
      if (label && labelAt(p.labels, label) === undefined)
        issue(['screens', key, field], `labels.${label} is not set`);
    }
    const path = p.screens[key]?.path;
    if (!path) continue;
    if (!(path.from in p.urls))
      issue(
        ['screens', key, 'path', 'from'],
        `"${path.from}" is not a key of urls (${Object.keys(p.urls).join(', ')})`,
      );
    path.clicks.forEach((label, i) => {
      if (labelAt(p.labels, label) === undefined)
        issue(['screens', key, 'path', 'clicks', i], `labels.${label} is not set`);
    });
  }
  for (const label of Object.keys(p.forms.signUp ?? {}))
    if (labelAt(p.labels, label) === undefined)
      issue(['forms', 'signUp', label], `labels.${label} is not set`);
  if (p.accounts.source === 'pool')
    for (const email of Object.keys(p.accounts.wallets))
      if (!p.accounts.emails.includes(email))
        issue(
          ['accounts', 'wallets', email],
          'not one of accounts.emails (a wallet account is a pool account)',
        );
}

/** A sandbox is reached through its pages and its inbox only: no control API, no store, its own test cards. */
function sandboxRules(p: z.output<typeof targetProfileObject>, ctx: z.RefinementCtx): void {
  if (p.kind !== 'sandbox') return;
  const no = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  for (const cap of ['control', 'clock', 'groundTruth'] as const)
    if (p.capabilities[cap]) no(['capabilities', cap], 'a sandbox grants no backdoor: must be false');
  if (p.control) no(['control'], 'a sandbox has no control API: remove it');
  if (p.accounts.source === 'control') no(['accounts', 'source'], 'a sandbox needs "pool" accounts');
  if (!p.cards) no(['cards'], 'a sandbox needs its test cards (sandbox cards cannot be random)');
}

/** Labels the covered procedures need: one issue per missing key, naming the procedures (support/profile-scope.ts). */
function scopeRules(p: z.output<typeof targetProfileObject>, ctx: z.RefinementCtx): void {
  requiredLabelIssues(p, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
}

export const targetProfileSchema = targetProfileObject
  .superRefine(sandboxRules)
  .superRefine(referenceRules)
  .superRefine(scopeRules)
  .transform((p) => ({ ...p, labels: completeLabels(p.labels) }));

export type TargetProfile = z.output<typeof targetProfileSchema>;

export class ProfileError extends Error {}

/** Validates a profile; secrets (`{ env: 'NAME' }`) are read from `env`. The error names each field. */
export function parseProfile(
  raw: unknown,
  source: string,
  env: Record<string, string | undefined> = process.env,
): TargetProfile {
  const result = withSecretEnv(env, () => targetProfileSchema.safeParse(raw));
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  - ${i.path.join('.') || '(profile)'}: ${i.message}`);
  throw new ProfileError(`Target profile ${source} is invalid:\n${lines.join('\n')}`);
}
