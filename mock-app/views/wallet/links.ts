import { PORT_OFFSETS } from '../../public.ts';

/**
 * The wallet's account page ("My wallet"), for links from the shop's header. The wallet is the
 * shop's sibling: same host, its own port (PORT_OFFSETS), so its URL follows from the shop's.
 */
export function walletAccountUrl(shopUrl: string): string {
  const url = new URL(shopUrl);
  url.port = String(Number(url.port) - PORT_OFFSETS.shop + PORT_OFFSETS.wallet);
  return `${url.origin}/account`;
}
