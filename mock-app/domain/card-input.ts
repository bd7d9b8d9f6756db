/** Checks a typed card the way a payment form does. The full number and CVC never leave this function. */
export type Brand = 'VISA' | 'Mastercard';

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
  holder: string;
  /** The full number, for fingerprinting only; never stored. */
  pan: string;
}

export type CardField = 'cardNumber' | 'brand' | 'expiry' | 'cvc' | 'holder';

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

export function brandOf(digits: string): Brand | undefined {
  if (/^4\d{15}$/.test(digits)) return 'VISA';
  const two = Number(digits.slice(0, 2));
  const four = Number(digits.slice(0, 4));
  if (digits.length === 16 && ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)))
    return 'Mastercard';
  return undefined;
}

export function validateCard(input: CardInput, now: Date): { card?: ValidCard; errors: CardField[] } {
  const errors: CardField[] = [];
  const pan = input.number.replace(/[\s-]/g, '');
  const brand = brandOf(pan);
  if (!/^\d{12,19}$/.test(pan) || !luhnValid(pan)) errors.push('cardNumber');
  else if (!brand) errors.push('brand');

  const m = /^(\d{2})\s*\/\s*(\d{2})$/.exec(input.expiry.trim());
  const expMonth = m ? Number(m[1]) : 0;
  const expYear = m ? 2000 + Number(m[2]) : 0;
  const endOfMonth = Date.UTC(expYear, expMonth, 1);
  if (!m || expMonth < 1 || expMonth > 12 || endOfMonth <= now.getTime()) errors.push('expiry');

  if (!/^\d{3}$/.test(input.cvc.trim())) errors.push('cvc');
  const holder = input.holder.trim();
  if (holder.length < 2 || holder.length > 80) errors.push('holder');

  if (errors.length || !brand) return { errors };
  return { card: { brand, last4: pan.slice(-4), expMonth, expYear, holder, pan }, errors };
}

export function cardLabel(card: { brand: string; last4: string }): string {
  return `${card.brand} •••• ${card.last4}`;
}
