import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'on', 'off'])
  .transform((v) => ['true', '1', 'on'].includes(v));

const schema = z.object({
  MOCK_HOST: z.literal('127.0.0.1', { message: 'the mock listens on 127.0.0.1 only' }).default('127.0.0.1'),
  MOCK_PORT_BASE: z.coerce.number().int().min(1024).max(65_000).default(4310),
  MOCK_LOCALE: z.enum(['en', 'id'], { message: 'expected "en" or "id"' }).default('en'),
  /** The storefront skin: "a" (locales/, views/, origins/) or "b" (skins/b/, English only). Same platform. */
  MOCK_SKIN: z.enum(['a', 'b'], { message: 'expected "a" or "b"' }).default('a'),
  MOCK_CONTROL: bool.default(true),
  MOCK_DB: z.string().min(1).optional(),
  MOCK_FAULTS: z.string().default(''),
  MOCK_SECRET: z.string().min(16).optional(),
  /** Start the mail catcher (MailDev) at MOCK_PORT_BASE + 7 (web/API) and + 8 (SMTP). */
  MOCK_MAIL: bool.default(true),
  /** The captcha answer the wallet always accepts (its test key). */
  MOCK_CAPTCHA_TEST_ANSWER: z.string().min(4).max(64).optional(),
  /** Sandbox posture: pre-made buyer accounts created at start when missing (comma-separated emails). */
  MOCK_SEED_ACCOUNTS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.email())),
  /**
   * Sandbox posture: which pre-made accounts already hold a wallet account, and the phone it texts
   * (`email=+62 812 5555 0101,...`; each email one of MOCK_SEED_ACCOUNTS). Opened at start when missing.
   */
  MOCK_SEED_WALLETS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((pair) => pair.trim())
        .filter(Boolean)
        .map((pair) => {
          const [email = '', phone = ''] = pair.split('=');
          return { email: email.trim().toLowerCase(), phone: phone.trim() };
        }),
    )
    .pipe(
      z.array(
        z.object({
          email: z.email({ message: 'expected email=phone pairs' }),
          phone: z.string().regex(/^\+?[\d\s()-]{7,20}$/, 'a phone number such as +62 812 5555 0101'),
        }),
      ),
    ),
  /** Their password (from the environment, never logged). Required with MOCK_SEED_ACCOUNTS. */
  MOCK_SEED_PASSWORD: z.string().min(8).max(200).optional(),
});

/** The mock's settings (MOCK_*); support/settings.ts reads their names. */
export { schema as mockSchema };

export type MockConfig = z.output<typeof schema> & { dbPath: string };

export function loadMockConfig(env: Record<string, string | undefined> = process.env): MockConfig {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid mock configuration:\n${lines.join('\n')}`);
  }
  const cfg = result.data;
  if (cfg.MOCK_SEED_ACCOUNTS.length && !cfg.MOCK_SEED_PASSWORD)
    throw new Error('Invalid mock configuration:\n  - MOCK_SEED_PASSWORD: required with MOCK_SEED_ACCOUNTS');
  const unseeded = cfg.MOCK_SEED_WALLETS.filter((w) => !cfg.MOCK_SEED_ACCOUNTS.includes(w.email));
  if (unseeded.length)
    throw new Error(
      `Invalid mock configuration:\n  - MOCK_SEED_WALLETS: not in MOCK_SEED_ACCOUNTS: ${unseeded.map((w) => w.email).join(', ')}`,
    );
  if (cfg.MOCK_SKIN === 'b' && cfg.MOCK_LOCALE !== 'en')
    throw new Error('Invalid mock configuration:\n  - MOCK_SKIN: skin "b" is English only (MOCK_LOCALE=en)');
  return { ...cfg, dbPath: cfg.MOCK_DB ?? `data/mock-${cfg.MOCK_PORT_BASE}.db` };
}
