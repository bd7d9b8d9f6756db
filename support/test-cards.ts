import { randomInt } from 'node:crypto';

export type Brand = 'VISA' | 'Mastercard';

export interface TestCard {
  brand: Brand;
  number: string;
  expiry: string;
  cvc: string;
  holder: string;
  last4: string;
}

function luhnCheckDigit(partial: string): number {
  let sum = 0;
  for (let i = 0; i < partial.length; i++) {
    let d = Number(partial[partial.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit of `digits` is its Luhn check digit (every card number's checksum). */
export function luhnValid(digits: string): boolean {
  return /^\d{2,}$/.test(digits) && luhnCheckDigit(digits.slice(0, -1)) === Number(digits.at(-1));
}

const PREFIX: Record<Brand, () => string> = {
  VISA: () => '4',
  Mastercard: () => String(51 + randomInt(5)),
};

/** A Luhn-valid card with a random number, so each scenario can tell its card apart by the last 4. */
export function randomTestCard(
  brand: Brand,
  options: { expiresInYears?: number; holder?: string; prefix?: string } = {},
): TestCard {
  let partial = options.prefix ?? PREFIX[brand]();
  while (partial.length < 15) partial += String(randomInt(10));
  const number = partial + luhnCheckDigit(partial);
  const year = (new Date().getUTCFullYear() + (options.expiresInYears ?? 3)) % 100;
  return {
    brand,
    number,
    expiry: `12/${String(year).padStart(2, '0')}`,
    cvc: String(randomInt(100, 1000)),
    holder: options.holder ?? 'Test Buyer',
    last4: number.slice(-4),
  };
}
