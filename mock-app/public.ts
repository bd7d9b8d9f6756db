// What the mock publishes about itself: the port layout, its locale tables and its test keys.
// The mock's target profile (targets/mock.ts) reads this; nothing else of the suite may import mock-app.
import en from './locales/en.json' with { type: 'json' };
import id from './locales/id.json' with { type: 'json' };

export const PORT_OFFSETS = {
  shop: 0,
  wallet: 1,
  help: 2,
  mobileApp: 3,
  mobileSite: 4,
  control: 9,
} as const;

export type OriginName = keyof typeof PORT_OFFSETS;

export function originUrls(host: string, base: number): Record<OriginName, string> {
  const entries = Object.entries(PORT_OFFSETS).map(([name, offset]) => [
    name,
    `http://${host}:${base + offset}`,
  ]);
  return Object.fromEntries(entries) as Record<OriginName, string>;
}

export const LOCALES = { en, id } as const;
export type LocaleName = keyof typeof LOCALES;
export type LocaleTable = typeof en;
