/**
 * F1: which payment methods checkout offers, by the buyer's country. Cards (VISA, Mastercard) and
 * the wallet balance everywhere; the e-payment systems the guide names only where this table says.
 * The README's mock section documents the same table.
 */
export type AltMethod = 'webMoneyUsd' | 'webMoneyRub' | 'qiwi' | 'westernUnion';
export type PaymentMethodId = 'card' | 'balance' | AltMethod;

export const ALT_METHODS: readonly AltMethod[] = ['webMoneyUsd', 'webMoneyRub', 'qiwi', 'westernUnion'];

export const ALTERNATIVES_BY_COUNTRY: Readonly<Record<string, readonly AltMethod[]>> = {
  RU: ['webMoneyUsd', 'webMoneyRub', 'qiwi', 'westernUnion'],
  KZ: ['webMoneyUsd', 'webMoneyRub', 'qiwi'],
  UA: ['webMoneyUsd', 'westernUnion'],
  ID: ['westernUnion'],
};

/** Countries the sign-up form offers (any ISO code works through the control API). */
export const SIGN_UP_COUNTRIES = ['ID', 'RU', 'KZ', 'UA', 'US', 'DE'] as const;

export function isAltMethod(value: string): value is AltMethod {
  return (ALT_METHODS as readonly string[]).includes(value);
}

export function alternativesFor(country: string): readonly AltMethod[] {
  return ALTERNATIVES_BY_COUNTRY[country] ?? [];
}

export function methodsFor(country: string): PaymentMethodId[] {
  return ['card', 'balance', ...alternativesFor(country)];
}
