// What a form field asks of the buyer, by the labels-profile key its visible label comes from
// (support/labels/**): the one table that says which keys are personal data.
import { valueAt } from '../dotted-path.ts';
import type { Labels } from '../labels/index.ts';
import { templatePattern } from '../text-pattern.ts';

/** Personal data a form may demand, as the consumer guide lists it (R2: passport data, address, phone ...). */
export type PersonalDataClass =
  | 'name'
  | 'date of birth'
  | 'place of birth'
  | 'citizenship'
  | 'country'
  | 'document'
  | 'address'
  | 'phone'
  | 'email';

/** What else a field can be: the card itself, a secret the buyer invents, a captcha, or unknown. */
export type FieldClass = PersonalDataClass | 'card' | 'secret' | 'captcha' | 'other';

/**
 * Label key (dot path into the profile's labels) -> class. Keys not listed are "other".
 * A new field a target demands is classed here, once, by its key.
 */
export const FIELD_CLASS_BY_KEY: Readonly<Record<string, FieldClass>> = {
  'wallet.fullName': 'name',
  'shop.signUp.name': 'name',
  'wallet.birthDate': 'date of birth',
  'wallet.extraPlaceOfBirth': 'place of birth',
  'wallet.citizenship': 'citizenship',
  'shop.signUp.country': 'country',
  'wallet.documentType': 'document',
  'wallet.documentNumber': 'document',
  'wallet.extraDocumentNumber': 'document',
  'wallet.address': 'address',
  'wallet.phone': 'phone',
  'common.email': 'email',
  'shop.cardNumber': 'card',
  'shop.expiry': 'card',
  'shop.cvc': 'card',
  'shop.holder': 'card',
  'wallet.cardNumber': 'card',
  'wallet.expiry': 'card',
  'wallet.cvc': 'card',
  'wallet.holder': 'card',
  'common.password': 'secret',
  'wallet.paymentPassword': 'secret',
  'wallet.paymentPasswordRepeat': 'secret',
  'wallet.securityQuestion': 'secret',
  'wallet.securityAnswer': 'secret',
  'wallet.captchaLabel': 'captcha',
};

const NOT_PERSONAL = new Set<FieldClass>(['card', 'secret', 'captcha', 'other']);

export function isPersonalData(cls: FieldClass): cls is PersonalDataClass {
  return !NOT_PERSONAL.has(cls);
}

export function fieldClassOf(key: string | undefined): FieldClass {
  return (key && FIELD_CLASS_BY_KEY[key]) || 'other';
}

/** A visible label as the page shows it: collapsed whitespace, no required-marker asterisk. */
export function normaliseLabel(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s*\*\s*$/, '')
    .trim();
}

/**
 * Finds the key of a field's visible label among the keys of FIELD_CLASS_BY_KEY in `labels`
 * (templates like "Answer {n}" match any value). Returns undefined when no key's text matches,
 * which the friction record reports as an unclassified field rather than guessing.
 */
export function labelKeyOf(label: string, labels: Labels): string | undefined {
  const wanted = normaliseLabel(label);
  if (!wanted) return undefined;
  for (const key of Object.keys(FIELD_CLASS_BY_KEY)) {
    const text = valueAt(labels, key);
    if (typeof text !== 'string') continue;
    if (text.includes('{')) {
      if (new RegExp(`^${templatePattern(text).source}$`).test(wanted)) return key;
    } else if (normaliseLabel(text) === wanted) return key;
  }
  return undefined;
}
