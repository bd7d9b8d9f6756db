import { z } from 'zod';
import { text } from './text.ts';

/** A visible text with placeholders, e.g. "Remove card {card}" (see support/text-pattern.ts). */
const template = text;

export const walletLabels = z.object({
  // R3: the direct page
  directTitle: text,
  cardInformation: text,
  deleteCard: text,
  confirmDeleteTitle: text,
  noCards: text,
  // R2: opening a wallet account
  /** The account panel's drop-down entry (the guide's "My Alipay"). */
  myWallet: text,
  openTitle: text,
  openNow: text,
  captchaImage: text,
  captchaLabel: text,
  sendConfirmation: text,
  sentTitle: text,
  resend: text,
  linkExpiredTitle: text,
  mail: z.object({
    /** The text of the link in the confirmation email. */
    confirmLink: text,
  }),
  securityTitle: text,
  paymentPassword: text,
  paymentPasswordRepeat: text,
  /** "Security question {n}" / "Answer {n}" */
  securityQuestion: template,
  securityAnswer: template,
  next: text,
  /** The questions offered, by key; the suite picks the first three. */
  questions: z.record(z.string(), text),
  identityTitle: text,
  fullName: text,
  birthDate: text,
  citizenship: text,
  documentType: text,
  documentNumber: text,
  address: text,
  phone: text,
  submit: text,
  /** Citizenship names by ISO code, identity document names by key. */
  countries: z.record(z.string(), text),
  documents: z.record(z.string(), text),
  errors: z.object({ captcha: text, password: text, passwordRepeat: text }),
  // R1: the wallet profile
  homeTitle: text,
  myAccountTab: text,
  historyTab: text,
  linkedCards: text,
  editCards: text,
  manageCards: text,
  state: z.object({ pending: text, verified: text, expired: text }),
  /** "{card} linked" / "{card} removed" */
  historyAdded: template,
  historyRemoved: template,
  editCardsTitle: text,
  removeCard: text,
  confirmRemoveTitle: text,
  // L2/F8, F11: adding a card
  manageTitle: text,
  addCard: text,
  /** The add-card form's submit control, when it is not named like `addCard` ("Save card"). */
  submitCard: text.optional(),
  cardNumber: text,
  expiry: text,
  cvc: text,
  holder: text,
  extraTitle: text,
  extraDocumentNumber: text,
  extraPlaceOfBirth: text,
  extraSubmit: text,
});
