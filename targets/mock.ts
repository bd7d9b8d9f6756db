import { LOCALES, originUrls, WALLET_TEST_KEYS } from '../mock-app/public.ts';
import type { Config } from '../support/config.ts';
import { parseProfile, type TargetProfile } from '../support/target.ts';

/** The embedded mock platform, in the locale it was started with. */
export default function mockProfile(cfg: Config): TargetProfile {
  const urls = originUrls(cfg.MOCK_HOST, cfg.MOCK_PORT_BASE);
  return parseProfile(
    {
      name: `mock-${cfg.MOCK_LOCALE}`,
      kind: 'mock',
      urls: {
        shop: `${urls.shop}/`,
        signIn: `${urls.shop}/signin`,
        checkout: `${urls.shop}/checkout?product=p-phone-case`,
        walletDirect: `${urls.wallet}/`,
        walletAccount: `${urls.wallet}/account`,
        signUp: `${urls.shop}/signup?lang=${cfg.MOCK_LOCALE}`,
        orders: `${urls.shop}/orders`,
        disputes: `${urls.shop}/disputes`,
        support: `${urls.shop}/support`,
        helpCenter: `${urls.help}/buyercenter/questionAnswer.htm`,
        helpCards: `${urls.help}/buyercenter/cards`,
        mobileApp: `${urls.mobileApp}/`,
        mobileAppCards: `${urls.mobileApp}/profile/cards`,
        mobileSite: `${urls.mobileSite}/index.htm`,
        mobileSiteCards: `${urls.mobileSite}/cards`,
      },
      labels: LOCALES[cfg.MOCK_LOCALE],
      locale: cfg.MOCK_LOCALE,
      capabilities: { control: true, clock: true, groundTruth: true, disputes: true },
      control: { url: urls.control },
      // The mail catcher the mock starts (MailDev at MOCK_PORT_BASE + 7) and the wallet's test keys.
      inbox: { api: urls.mail, smsDomain: WALLET_TEST_KEYS.smsGatewayDomain },
      captcha: { testAnswer: cfg.MOCK_CAPTCHA_TEST_ANSWER ?? WALLET_TEST_KEYS.captchaTestAnswer },
      riskyCardPrefix: WALLET_TEST_KEYS.riskyCardPrefix,
    },
    'targets/mock.ts',
  );
}
