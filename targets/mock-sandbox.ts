// The embedded mock in *sandbox posture*: started by `npm run mock:sandbox` (control API off, Indonesian,
// pre-made accounts, a store kept in data/), reached like any real sandbox: through its pages and its inbox.
// Written the way docs/sandbox.md tells a QA engineer to write a profile for a new target.
//
//   TARGET=sandbox TARGET_PROFILE=targets/mock-sandbox.ts SANDBOX_PASSWORD=... npm run e2e
//
// Its wording is the mock's Indonesian table (mock-app/locales/id), as a real target's wording would be
// copied from its pages. Nothing here talks to the mock's internals.
import { LOCALES } from '../mock-app/public.ts';

const VISA =
  '4111111111111111,4012888888881881,4242424242424242,4000056655665556,4005519200000004,4000000000000077';
const MASTERCARD = '5555555555554444,5105105105105100,5200828282828210';
const list = (fromEnv: string | undefined, fallback: string) =>
  (fromEnv || fallback)
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);

export default function mockSandboxProfile() {
  const env = process.env;
  // The ports of `npm run mock:sandbox` (MOCK_PORT_BASE, default 4410): shop +0, wallet +1, help +2,
  // mobile app +3, mobile site +4, mail catcher +7.
  const base = Number(env.MOCK_PORT_BASE || 4410);
  const at = (offset: number, path: string) => `http://127.0.0.1:${base + offset}${path}`;
  const cvc = env.SANDBOX_CVC || '737';
  return {
    name: `mock-sandbox-id`,
    kind: 'sandbox',
    urls: {
      shop: at(0, '/'),
      signIn: at(0, '/signin'),
      checkout: at(0, '/checkout?product=p-phone-case'),
      walletDirect: at(1, '/'),
      walletAccount: at(1, '/account'),
      signUp: at(0, '/signup'),
      orders: at(0, '/orders'),
      disputes: at(0, '/disputes'),
      support: at(0, '/support'),
      helpCenter: at(2, '/buyercenter/questionAnswer.htm'),
      helpCards: at(2, '/buyercenter/cards'),
      mobileApp: at(3, '/'),
      mobileAppCards: at(3, '/profile/cards'),
      mobileSite: at(4, '/index.htm'),
      mobileSiteCards: at(4, '/cards'),
    },
    labels: LOCALES.id,
    locale: 'id',
    // A sandbox: no control API, no clock, no look into the store, no dispute desk.
    capabilities: { control: false, clock: false, groundTruth: false, disputes: false },
    accounts: {
      source: 'pool',
      // One pre-made account per worker; `npm run mock:sandbox` creates these at start.
      emails: (env.SANDBOX_ACCOUNTS || 'buyer-1@sandbox.cardwatch.test,buyer-2@sandbox.cardwatch.test')
        .split(',')
        .map((e) => e.trim()),
      password: { env: 'SANDBOX_PASSWORD' },
      // Scenarios that need a brand-new account (@needs:fresh-buyer) sign up through the sign-up page.
      signUp: {
        address: 'qa-{id}@sandbox.cardwatch.test',
        password: { env: 'SANDBOX_PASSWORD' },
        country: 'ID',
      },
    },
    // The sandbox's published test cards (any Luhn-valid number works on the mock; F6 needs six VISA).
    // Override with SANDBOX_VISA_CARDS / SANDBOX_MASTERCARD_CARDS (comma-separated) and SANDBOX_CVC.
    cards: [
      ...list(env.SANDBOX_VISA_CARDS, VISA).map((number) => ({
        brand: 'VISA',
        number,
        expiry: '12/30',
        cvc,
      })),
      ...list(env.SANDBOX_MASTERCARD_CARDS, MASTERCARD).map((number) => ({
        brand: 'Mastercard',
        number,
        expiry: '12/30',
        cvc,
      })),
    ],
    inbox: { api: at(7, ''), smsDomain: 'sms.cardwatch.test' },
    captcha: { testAnswer: env.SANDBOX_CAPTCHA_ANSWER || 'cardwatch-test' },
    // Started for a run by Playwright's webServer unless it is already up (then reused, store and all).
    localServer: {
      command: 'npx tsx scripts/mock-sandbox.ts',
      healthUrl: at(0, '/healthz'),
      env: { MOCK_PORT_BASE: String(base) },
    },
  };
}
