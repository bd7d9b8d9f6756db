import type { Locator } from '@playwright/test';

/** A screen that lists the buyer's linked cards. The "removed everywhere" oracle walks all of them. */
export interface CardListScreen {
  /** Where the buyer looks, for messages: "wallet direct page", "checkout saved cards", ... */
  readonly where: string;
  /** Navigates and waits until the list itself is shown (an error page is not an empty list). */
  open(): Promise<void>;
  /** The entry of the card ending in `last4`; count 0 when the screen does not show it. */
  card(last4: string): Locator;
}

/** Matches "•••• 4242" and "**** 4242" but not "14242": the last 4 as a separate group of digits. */
export function last4Pattern(last4: string): RegExp {
  if (!/^\d{4}$/.test(last4)) throw new Error(`last4 must be 4 digits, got "${last4}"`);
  return new RegExp(`(?<!\\d)${last4}(?!\\d)`);
}
