/**
 * A label with placeholders ("Your ticket number is {ticket}.") as a RegExp: given values are
 * matched literally, the others as any text; each placeholder becomes a named group.
 */
export function templatePattern(template: string, values: Record<string, string> = {}): RegExp {
  const seen = new Set<string>();
  const parts = template.split(/(\{\w+\})/);
  let last = parts.length - 1;
  while (last > 0 && parts[last] === '') last--;
  const source = parts
    .map((part, index) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!name) return escapeRegExp(part);
      if (name in values) return escapeRegExp(values[name]!);
      if (seen.has(name)) return `\\k<${name}>`;
      seen.add(name);
      return index === last ? `(?<${name}>.+)` : `(?<${name}>.+?)`;
    })
    .join('');
  return new RegExp(source);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
