// How a card entry is recognised by its masked number: the patterns page objects match card entries
// with (pages/common/card-list.ts re-exports them) and the monitor reads back from failure messages.

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
