// What the mock publishes about itself: the port layout, its locale tables and its test keys.
// The mock's target profile (targets/mock.ts) reads this; nothing else of the suite may import mock-app.
import enCommon from './locales/en/common.json' with { type: 'json' };
import enHelp from './locales/en/help.json' with { type: 'json' };
import enMobile from './locales/en/mobile.json' with { type: 'json' };
import enShop from './locales/en/shop.json' with { type: 'json' };
import enWallet from './locales/en/wallet.json' with { type: 'json' };
import idCommon from './locales/id/common.json' with { type: 'json' };
import idHelp from './locales/id/help.json' with { type: 'json' };
import idMobile from './locales/id/mobile.json' with { type: 'json' };
import idShop from './locales/id/shop.json' with { type: 'json' };
import idWallet from './locales/id/wallet.json' with { type: 'json' };
import { SMS_GATEWAY_DOMAIN } from './domain/mail.ts';
import { CAPTCHA_TEST_ANSWER, RISKY_CARD_PREFIX } from './domain/wallet.ts';

export const PORT_OFFSETS = {
  shop: 0,
  wallet: 1,
  help: 2,
  mobileApp: 3,
  mobileSite: 4,
  /** The mail catcher (MailDev): web UI, and its REST API under /api. */
  mail: 7,
  control: 9,
} as const;

/** MailDev's SMTP port is MOCK_PORT_BASE + 8 (the mock's mailer sends there). */
export const SMTP_PORT_OFFSET = 8;

/** Test keys of the mock's wallet, the way real sandboxes publish theirs (see README, "The mock platform"). */
export const WALLET_TEST_KEYS = {
  /** Always accepted by the captcha (MOCK_CAPTCHA_TEST_ANSWER overrides it). */
  captchaTestAnswer: CAPTCHA_TEST_ANSWER,
  /** SMS to a phone go as mail to `<digits of the number>@` this domain, into the same mail catcher. */
  smsGatewayDomain: SMS_GATEWAY_DOMAIN,
  /** Card numbers starting with this BIN are risky to the wallet: linking asks for extra identity (F11). */
  riskyCardPrefix: RISKY_CARD_PREFIX,
} as const;

export type OriginName = keyof typeof PORT_OFFSETS;

export function originUrls(host: string, base: number): Record<OriginName, string> {
  const entries = Object.entries(PORT_OFFSETS).map(([name, offset]) => [
    name,
    `http://${host}:${base + offset}`,
  ]);
  return Object.fromEntries(entries) as Record<OriginName, string>;
}

/** One table per locale, one JSON file per area (locales/<locale>/<area>.json). */
export const LOCALES = {
  en: { common: enCommon, shop: enShop, wallet: enWallet, help: enHelp, mobile: enMobile },
  id: { common: idCommon, shop: idShop, wallet: idWallet, help: idHelp, mobile: idMobile },
} satisfies Record<string, Record<string, unknown>>;

export type LocaleName = keyof typeof LOCALES;
export type LocaleTable = (typeof LOCALES)['en'];
