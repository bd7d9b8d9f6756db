/**
 * Checks a typed card the way a payment form does, by the schemes' published rules. The full number
 * and CVC never leave this module except as `ValidCard.pan`, which is fingerprinted and never stored.
 */
import { normalName } from './names.ts';

export type Brand = 'VISA' | 'Mastercard';

export interface Scheme {
  brand: Brand;
  /** Issuer ranges by leading digits, inclusive: [51, 55] = numbers starting 51, 52, ... 55. */
  ranges: readonly (readonly [number, number])[];
  /** The number lengths the scheme issues, in digits. */
  lengths: readonly number[];
}

/**
 * The card schemes the platform accepts. VISA: numbers start with 4 and have 13, 16 or 19 digits
 * (Visa's published PAN lengths). Mastercard: 51-55 and the 2-series 2221-2720 (in use since 2017),
 * always 16 digits. Both end in a Luhn (mod 10) check digit.
 */
export const SCHEMES: readonly Scheme[] = [
  { brand: 'VISA', ranges: [[4, 4]], lengths: [13, 16, 19] },
  {
    brand: 'Mastercard',
    ranges: [
      [51, 55],
      [2221, 2720],
    ],
    lengths: [16],
  },
];

export interface CardInput {
  number: string;
  expiry: string;
  cvc: string;
  holder: string;
}

export interface ValidCard {
  brand: Brand;
  last4: string;
  expMonth: number;
  expYear: number;
  /** NFC-normalised, inner whitespace collapsed: "José Nuñez" however the browser sent it. */
  holder: string;
  /** The full number, for fingerprinting only; never stored. */
  pan: string;
}

export type CardField = 'cardNumber' | 'expiry' | 'cvc' | 'holder';

/** Why a card field was refused; `text` of the view turns it into the locale's sentence (common.card.*). */
export type CardProblem =
  | { field: 'cardNumber'; reason: 'numberMissing' | 'numberCharacters' | 'numberScheme' | 'numberLuhn' }
  | { field: 'cardNumber'; reason: 'numberLength'; brand: Brand; lengths: readonly number[]; digits: number }
  | { field: 'expiry'; reason: 'expiryFormat' | 'expiryPast' }
  | { field: 'cvc'; reason: 'cvc' }
  | { field: 'holder'; reason: 'holder' };

/** The card fields of a posted form, each cut to a sane length before any check. */
export function cardInputFrom(form: Record<string, string | undefined>): CardInput {
  return {
    number: (form.cardNumber ?? '').slice(0, 40),
    expiry: (form.expiry ?? '').slice(0, 10),
    cvc: (form.cvc ?? '').slice(0, 10),
    holder: (form.holder ?? '').slice(0, 200),
  };
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The scheme whose ranges the leading digits fall in, whatever the length. */
export function schemeOf(digits: string): Scheme | undefined {
  return SCHEMES.find((s) =>
    s.ranges.some(([lo, hi]) => {
      const width = String(lo).length;
      if (digits.length < width) return false;
      const lead = Number(digits.slice(0, width));
      return lead >= lo && lead <= hi;
    }),
  );
}

/** The brand of a complete, well-formed number: scheme by prefix and a length that scheme issues. */
export function brandOf(digits: string): Brand | undefined {
  const scheme = /^\d+$/.test(digits) ? schemeOf(digits) : undefined;
  return scheme?.lengths.includes(digits.length) ? scheme.brand : undefined;
}

// Separators people type or paste inside a number: spaces of every kind (NBSP, thin, narrow NBSP
// are all \s) and dashes (hyphen-minus, the Unicode hyphens and dashes, minus sign).
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]/g;

/** The digits of a typed number: NFKC (full-width digits -> ASCII), separators dropped. */
export function numberDigits(typed: string): string {
  return typed.normalize('NFKC').replace(SEPARATORS, '');
}

function numberProblem(typed: string): CardProblem | undefined {
  const digits = numberDigits(typed);
  if (!digits) return { field: 'cardNumber', reason: 'numberMissing' };
  if (!/^\d+$/.test(digits)) return { field: 'cardNumber', reason: 'numberCharacters' };
  const scheme = schemeOf(digits);
  if (!scheme) return { field: 'cardNumber', reason: 'numberScheme' };
  if (!scheme.lengths.includes(digits.length))
    return {
      field: 'cardNumber',
      reason: 'numberLength',
      brand: scheme.brand,
      lengths: scheme.lengths,
      digits: digits.length,
    };
  if (!luhnValid(digits)) return { field: 'cardNumber', reason: 'numberLuhn' };
  return undefined;
}

/**
 * The card, or one problem per refused field (in form order). `now` decides expiry: a card is valid
 * through the last day of its expiry month (UTC).
 */
export function validateCard(
  input: CardInput,
  now: Date,
): { card?: ValidCard; errors: CardField[]; problems: CardProblem[] } {
  const problems: CardProblem[] = [];
  const number = numberProblem(input.number);
  if (number) problems.push(number);

  const m = /^(\d{2})\s*\/\s*(\d{2})$/.exec(input.expiry.trim());
  const expMonth = m ? Number(m[1]) : 0;
  const expYear = m ? 2000 + Number(m[2]) : 0;
  if (!m || expMonth < 1 || expMonth > 12) problems.push({ field: 'expiry', reason: 'expiryFormat' });
  else if (Date.UTC(expYear, expMonth, 1) <= now.getTime())
    problems.push({ field: 'expiry', reason: 'expiryPast' });

  if (!/^\d{3}$/.test(input.cvc.trim())) problems.push({ field: 'cvc', reason: 'cvc' });
  const holder = normalName(input.holder);
  if (holder.length < 2 || holder.length > 80) problems.push({ field: 'holder', reason: 'holder' });

  const errors = problems.map((p) => p.field);
  const pan = numberDigits(input.number);
  const brand = brandOf(pan);
  if (problems.length || !brand) return { errors, problems };
  return { card: { brand, last4: pan.slice(-4), expMonth, expYear, holder, pan }, errors, problems };
}

export function cardLabel(card: { brand: string; last4: string }): string {
  return `${card.brand} •••• ${card.last4}`;
}
