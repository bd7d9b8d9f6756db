// A second sandbox profile, written from docs/sandbox.md alone as a check that a new target needs no
// code change: the mock in sandbox posture, in English, on its own ports (default 4420) and store.
//   TARGET=sandbox TARGET_PROFILE=targets/mock-sandbox-en.ts SANDBOX_PASSWORD=... npm run e2e
import { LOCALES } from '../mock-app/public.ts';

const base = Number(process.env.MOCK_PORT_BASE || 4420);
const shop = `http://127.0.0.1:${base}`;
const wallet = `http://127.0.0.1:${base + 1}`;
const help = `http://127.0.0.1:${base + 2}`;
const app = `http://127.0.0.1:${base + 3}`;
const site = `http://127.0.0.1:${base + 4}`;

export default {
  name: 'mock-sandbox-en',
  kind: 'sandbox',
  urls: {
    shop: `${shop}/`,
    signIn: `${shop}/signin`,
    checkout: `${shop}/checkout?product=p-phone-case`,
    walletDirect: `${wallet}/`,
    walletAccount: `${wallet}/account`,
    signUp: `${shop}/signup`,
    orders: `${shop}/orders`,
    disputes: `${shop}/disputes`,
    support: `${shop}/support`,
    helpCenter: `${help}/buyercenter/questionAnswer.htm`,
    helpCards: `${help}/buyercenter/cards`,
    mobileApp: `${app}/`,
    mobileAppCards: `${app}/profile/cards`,
    mobileSite: `${site}/index.htm`,
    mobileSiteCards: `${site}/cards`,
  },
  labels: LOCALES.en,
  locale: 'en',
  capabilities: { control: false, clock: false, groundTruth: false, disputes: false },
  accounts: {
    source: 'pool',
    emails: ['qa-en-1@sandbox.cardwatch.test', 'qa-en-2@sandbox.cardwatch.test'],
    password: { env: 'SANDBOX_PASSWORD' },
  },
  cards: [
    { brand: 'VISA', number: '4111 1111 1111 1111', expiry: '01/31', cvc: { env: 'SANDBOX_EN_CVC' } },
    { brand: 'VISA', number: '4012 8888 8888 1881', expiry: '01/31', cvc: { env: 'SANDBOX_EN_CVC' } },
    { brand: 'VISA', number: '4242 4242 4242 4242', expiry: '01/31', cvc: { env: 'SANDBOX_EN_CVC' } },
    { brand: 'VISA', number: '4000 0566 5566 5556', expiry: '01/31', cvc: { env: 'SANDBOX_EN_CVC' } },
    { brand: 'VISA', number: '4005 5192 0000 0004', expiry: '01/31', cvc: { env: 'SANDBOX_EN_CVC' } },
    { brand: 'VISA', number: '4000 0000 0000 0077', expiry: '01/31', cvc: { env: 'SANDBOX_EN_CVC' } },
    { brand: 'Mastercard', number: '5555 5555 5555 4444', expiry: '01/31', cvc: { env: 'SANDBOX_EN_CVC' } },
    { brand: 'Mastercard', number: '5105 1051 0510 5100', expiry: '01/31', cvc: { env: 'SANDBOX_EN_CVC' } },
  ],
  inbox: { api: `http://127.0.0.1:${base + 7}`, smsDomain: 'sms.cardwatch.test' },
  captcha: { testAnswer: 'cardwatch-test' },
  localServer: {
    command: 'npx tsx scripts/mock-sandbox.ts',
    healthUrl: `${shop}/healthz`,
    env: { MOCK_PORT_BASE: String(base), TARGET_PROFILE: 'targets/mock-sandbox-en.ts' },
  },
};
