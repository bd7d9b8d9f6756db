import { z } from 'zod';
import { text } from './text.ts';

/** The payment methods F1 names, as the suite speaks of them; labels.shop.methods words each one. */
export const PAYMENT_METHODS = [
  'card',
  'balance',
  'webMoneyUsd',
  'webMoneyRub',
  'qiwi',
  'westernUnion',
] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** A visible text with placeholders, e.g. "Your ticket number is {ticket}." (see support/text-pattern.ts). */
const template = text;

export const shopLabels = z.object({
  checkout: text,
  /** The group of payment-method radios (the new card, the balance, other methods). */
  paymentMethod: text,
  /** Where saved cards sit when they are not inside the payment-method group: its heading or name. */
  savedCards: text.optional(),
  /** Shown instead of the saved cards when there are none (proves "absent" at checkout on such a target). */
  noSavedCards: text.optional(),
  newCard: text,
  cardNumber: text,
  expiry: text,
  cvc: text,
  holder: text,
  linkCard: text,
  pay: text,
  orderPlaced: text,
  /** A saved card at checkout that has expired: "Saved card {card} (expired)". */
  expiredCard: template,
  /** F6: the sixth card is refused: "... at most {max} cards ...". */
  cardLimitReached: template,
  cardLinked: template,
  /** F9/L3: "Your reissued card {card} replaces the expired card {old} ...". */
  cardReissued: template,
  methods: z.object({
    card: text,
    /** "Wallet balance ({amount})" */
    balance: template,
    webMoneyUsd: text,
    webMoneyRub: text,
    qiwi: text,
    westernUnion: text,
  }),
  account: z.object({ panel: text, orders: text, disputes: text, support: text }),
  /** The sign-up form; which fields it has is the profile's `forms.signUp` (name and country by default). */
  signUp: z.object({
    title: text,
    name: text.optional(),
    country: text.optional(),
    phone: text.optional(),
    passwordRepeat: text.optional(),
    submit: text,
  }),
  /** Country names of the sign-up form, by ISO code. */
  countries: z.record(z.string(), text),
  orders: z.object({ title: text, openDispute: text, order: template }),
  disputes: z.object({
    title: text,
    reason: text,
    submit: text,
    reasons: z.object({ notReceived: text, notAsDescribed: text, damaged: text }),
    /** "Dispute for order {id}" */
    dispute: template,
    status: z.object({ open: text, won: text }),
    /** "{amount} refunded to your wallet balance" / "{amount} refunded to the card {card}" */
    refund: z.object({ balance: template, card: template }),
  }),
  support: z.object({
    title: text,
    category: text,
    categories: z.record(z.string(), text),
    description: text,
    submit: text,
    /** "Your ticket number is {ticket}. ..." */
    ticket: template,
  }),
});
