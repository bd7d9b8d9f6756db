import { LOCALES, originUrls } from '../mock-app/public.ts';
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
    },
    'targets/mock.ts',
  );
}
