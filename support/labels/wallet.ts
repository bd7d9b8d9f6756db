import { z } from 'zod';
import { text } from './text.ts';

export const walletLabels = z.object({
  directTitle: text,
  cardInformation: text,
  deleteCard: text,
  confirmDeleteTitle: text,
  noCards: text,
});
