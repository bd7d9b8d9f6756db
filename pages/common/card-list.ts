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

// The card patterns live in support/ so the monitor can read them back from failure messages.
export { last4Pattern, MASKED_CARD } from '../../support/card-pattern.ts';
