import { z } from 'zod';
import { commonLabels } from './common.ts';
import { helpLabels } from './help.ts';
import { mobileLabels } from './mobile.ts';
import { shopLabels } from './shop.ts';
import { text } from './text.ts';
import { walletLabels } from './wallet.ts';

/**
 * Every visible text a page object looks for, by intent, one schema per area. A target's profile
 * supplies them in the target's own wording; page objects never hold a literal string.
 */
export const labelsSchema = z.object({
  common: commonLabels,
  shop: shopLabels,
  wallet: walletLabels,
  help: helpLabels,
  mobile: mobileLabels,
  /**
   * Texts only the profile's own `screens.*.path` clicks use (a footer link, a second menu), by any
   * key: `extra: { footerSupport: 'Customer service' }` is clicked as `extra.footerSupport`.
   */
  extra: z.record(z.string().regex(/^\w+$/), text).default({}),
});

export type Labels = z.output<typeof labelsSchema>;
