import type { Hono } from 'hono';
import type { MockContext } from '../../http/origin.ts';
import type { OriginName } from '../../public.ts';
import { helpB } from './help.ts';
import { mobileAppB } from './mobile-app.ts';
import { mobileSiteB } from './mobile-site.ts';
import { shopB } from './shop.ts';
import { walletB } from './wallet.ts';

// biome-ignore lint/suspicious/noExplicitAny: each origin has its own Env type
type AnyApp = Hono<any>;

/**
 * Skin B (MOCK_SKIN=b): the same platform, store and ports as skin A, other routes and views on every
 * origin (shop, wallet, help, mobile app, mobile site). The control API and the mail catcher are shared.
 */
export function skinBApps(mock: MockContext): Partial<Record<OriginName, AnyApp>> {
  return {
    shop: shopB(mock),
    wallet: walletB(mock),
    help: helpB(mock),
    mobileApp: mobileAppB(mock),
    mobileSite: mobileSiteB(mock),
  };
}
