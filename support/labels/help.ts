import { z } from 'zod';
import { text } from './text.ts';

/** The buyer centre's help page (R4). */
export const helpLabels = z.object({
  /** The page's heading. */
  title: text,
  /** The button in the card question's box that lists the linked cards. */
  checkCards: text,
  /** The heading of the list of linked cards. */
  linkedCards: text,
  /** The start of each card's delete icon's accessible name ("Delete card" of "Delete card VISA •••• 4242"). */
  deleteCard: text,
  confirmDeleteTitle: text,
  noCards: text,
});
