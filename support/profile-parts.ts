// Parts of the target profile schema (support/target.ts) for sandbox mode: secrets, accounts,
// test cards, inbox, captcha, capabilities, and the command that starts a local target.
import { z } from 'zod';
import { ENV_NAME, Secret } from './secrets.ts';

const url = z.url({ protocol: /^https?$/ });

let envForParse: Record<string, string | undefined> = process.env;

/** Runs a parse with `env` as the place secrets are read from (tests pass their own). */
export function withSecretEnv<T>(env: Record<string, string | undefined>, parse: () => T): T {
  const before = envForParse;
  envForParse = env;
  try {
    return parse();
  } finally {
    envForParse = before;
  }
}

const envRef = z.object({ env: z.string().regex(ENV_NAME) }).strict();

/** Reads `{ env: 'NAME' }` from the environment; a Secret passes (profiles parsed twice). */
function secretFrom(v: unknown, ctx: z.RefinementCtx, message: string): Secret | typeof z.NEVER {
  if (v instanceof Secret) return v;
  const ref = envRef.safeParse(v);
  if (!ref.success) {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  }
  const value = envForParse[ref.data.env];
  if (!value) {
    ctx.addIssue({ code: 'custom', message: `environment variable ${ref.data.env} is not set` });
    return z.NEVER;
  }
  return new Secret(ref.data.env, value);
}

/** A password: only ever `{ env: 'NAME' }`, the secret lives in that variable, never in the profile file. */
export const passwordField = z
  .unknown()
  .transform((v, ctx) => secretFrom(v, ctx, 'a password must come from the environment: { env: "NAME" }'));

/** A test card number or CVC: literal digits (public sandbox test data) or `{ env: 'NAME' }`. */
const digits = (min: number, max: number, what: string) =>
  z.unknown().transform((v, ctx) => {
    const message = `${min}-${max} digits, or { env: "NAME" }`;
    if (typeof v !== 'string') return secretFrom(v, ctx, message);
    const clean = v.replace(/[\s-]/g, '');
    if (!new RegExp(`^\\d{${min},${max}}$`).test(clean)) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return new Secret(what, clean);
  });

export const testCardSchema = z.object({
  brand: z.enum(['VISA', 'Mastercard']),
  number: digits(12, 19, 'card number'),
  /** MM/YY */
  expiry: z.string().regex(/^(0[1-9]|1[0-2])\/\d{2}$/, 'MM/YY'),
  cvc: digits(3, 4, 'CVC'),
  holder: z.string().min(2).default('Test Buyer'),
});

export type ProfileTestCard = z.output<typeof testCardSchema>;

export const accountsSchema = z.discriminatedUnion(
  'source',
  [
    /** The mock's control API creates a buyer per scenario. */
    z.object({ source: z.literal('control') }),
    /** Pre-made accounts, one per worker (WORKERS must not exceed the pool). The janitor cleans them. */
    z.object({
      source: z.literal('pool'),
      emails: z.array(z.email()).min(1),
      password: passwordField,
      /** Optional: scenarios tagged @needs:fresh-buyer sign up a new account through the UI. */
      signUp: z
        .object({
          /** The new account's address; `{id}` becomes a unique id per scenario (use a domain your inbox receives). */
          address: z
            .string()
            .regex(/^[^@\s]*\{id\}[^@\s]*@[^@\s]+$/, 'an address with {id}, e.g. "qa+{id}@inbox.example"'),
          password: passwordField,
          /**
           * ISO code of the country picked where the sign-up form asks one (its name comes from
           * labels.shop.countries); not needed when `forms.signUp` names no country field.
           */
          country: z.string().regex(/^[A-Z]{2}$/).optional(),
          name: z.string().min(2).default('Test Buyer'),
          /** Typed where the sign-up form asks a phone (forms.signUp); `{n}` becomes random digits. */
          phone: z.string().regex(/^\+?[\d\s{}n-]+$/, 'a phone number, e.g. "+62 812 {n}"').default('+62 812 {n}'),
        })
        .optional(),
      /**
       * Pool accounts that already hold a wallet account (R1, L2 on a sandbox): email -> the phone its
       * wallet sends SMS to. Each email must be one of `emails`.
       */
      wallets: z.record(z.email(), z.object({ phone: z.string().min(5) }).strict()).default({}),
    }),
  ],
  { message: 'expected source "control" or "pool"' },
);

export const capabilitiesSchema = z.object({
  /** A control API creates buyers and sessions and reads the store (mock only). */
  control: z.boolean(),
  /** The target's "now" can be advanced (24-hour rules). Needs control. */
  clock: z.boolean().default(false),
  /** The suite may read the stored cards themselves, not only the screens. Needs control. */
  groundTruth: z.boolean().default(false),
  /** A test may have a dispute decided (refund rules, F4). */
  disputes: z.boolean().default(false),
});

/** The inbox's REST API: MailDev 3 (`GET /api/email`), MailDev 2 (`GET /email`), Mailpit (`GET /api/v1/search`). */
export const INBOX_FLAVOURS = ['maildev3', 'maildev2', 'mailpit'] as const;

export const inboxSchema = z.object({
  /** The inbox's base URL, e.g. http://127.0.0.1:1080 (support/inbox.ts adds the flavour's paths). */
  api: url,
  /** Which REST API `api` speaks; default MailDev 3. */
  flavour: z.enum(INBOX_FLAVOURS).default('maildev3'),
  /** SMS arrive as mail to <digits>@<smsDomain>. */
  smsDomain: z.string().regex(/^[a-z0-9.-]+$/i, 'a domain name'),
});

export const captchaSchema = z.object({
  /** The answer the target always accepts in test mode (its captcha test key). */
  testAnswer: z.string().min(1),
});

/** A target this machine starts itself (the mock in sandbox posture): Playwright's webServer runs it. */
export const localServerSchema = z.object({
  command: z.string().min(1),
  /** Answers 2xx once the target is up. */
  healthUrl: url,
  env: z.record(z.string(), z.string()).default({}),
});
