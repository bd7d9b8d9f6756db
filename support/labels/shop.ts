import { z } from 'zod';
import { text } from './text.ts';

export const shopLabels = z.object({
  checkout: text,
  paymentMethod: text,
  newCard: text,
  cardNumber: text,
  expiry: text,
  cvc: text,
  holder: text,
  linkCard: text,
  pay: text,
  orderPlaced: text,
});
