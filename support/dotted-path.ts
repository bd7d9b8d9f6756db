/** The value at a dotted key in nested records (`valueAt(labels, 'shop.account.panel')`), or undefined. */
export function valueAt(root: unknown, key: string): unknown {
  let at = root;
  for (const part of key.split('.')) {
    if (!at || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}
