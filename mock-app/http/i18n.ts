import { LOCALES, type LocaleName } from '../public.ts';

export type Translator = (key: string, vars?: Record<string, string | number>) => string;

export function isLocale(value: unknown): value is LocaleName {
  return typeof value === 'string' && value in LOCALES;
}

/** `t('shop.cardLinked', { card })`: a missing key is a bug in the mock, so it throws. */
export function translator(locale: LocaleName, override?: (key: string) => string | undefined): Translator {
  return (key, vars = {}) => {
    const text = override?.(key) ?? lookup(LOCALES[locale], key);
    if (typeof text !== 'string') throw new Error(`locale ${locale} has no text for "${key}"`);
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
  };
}

function lookup(table: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
      table,
    );
}
