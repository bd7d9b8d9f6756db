import { z } from 'zod';

const text = z.string().min(1);

/**
 * Every visible text a page object looks for, by intent. A target's profile supplies them in the
 * target's own wording; page objects never hold a literal string.
 */
export const labelsSchema = z.object({
  common: z.object({
    signIn: text,
    signOut: text,
    email: text,
    password: text,
    confirm: text,
    cancel: text,
  }),
  shop: z.object({
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
  }),
  wallet: z.object({
    directTitle: text,
    cardInformation: text,
    deleteCard: text,
    confirmDeleteTitle: text,
    noCards: text,
  }),
});

export type Labels = z.output<typeof labelsSchema>;
