import type { Locator } from '@playwright/test';
import type { ScreenKey } from '../../support/profile-screens.ts';

/** A screen that lists the buyer's linked cards. The "removed everywhere" oracle walks all of them. */
export interface CardListScreen {
  /** The registry's key of the screen (pages/screen-catalog.ts): `walletDirect`, `mobileSiteCards`, ... */
  readonly screen: ScreenKey;
  /** Where the buyer looks, for messages: "wallet direct page", "checkout saved cards", ... */
  readonly where: string;
  /**
   * Navigates and waits until the screen proves it shows the buyer's cards: the list itself, or the
   * target's own "no cards" text. An error page, or a screen whose list cannot be found, throws
   * naming the screen: it is never taken for "no card there".
   */
  open(): Promise<void>;
  /** The entry of the card ending in `last4`; count 0 when the (opened) screen does not show it. */
  card(last4: string): Locator;
}

/**
 * Matches "•••• 4242" and "**** 4242" but not "14242": the last 4 as a separate group of digits, or
 * right after the mask (a table row's text runs its cells together: "VISA •••• 424212/30").
 */
export function last4Pattern(last4: string): RegExp {
  if (!/^\d{4}$/.test(last4)) throw new Error(`last4 must be 4 digits, got "${last4}"`);
  return new RegExp(`[•*]{2,}\\s?${last4}|(?<!\\d)${last4}(?!\\d)`);
}

/** Any masked card ("•••• 4242", "**** 4242"): what every card entry shows. */
export const MASKED_CARD = /[•*]{2,}\s?\d{4}(?!\d)/;
