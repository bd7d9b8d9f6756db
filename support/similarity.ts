/** One named thing the page shows, as the accessibility tree has it: `button "Delete card"`. */
export interface PageText {
  role: string;
  name: string;
}

/**
 * The page's named things from a Playwright aria snapshot (`locator.ariaSnapshot()`): every
 * `- role "name"` entry and every text line (`- text: ...`, `- paragraph: ...`, `- cell "..."`).
 */
export function textsOfSnapshot(snapshot: string): PageText[] {
  const found: PageText[] = [];
  const seen = new Set<string>();
  for (const line of snapshot.split('\n')) {
    const m = /^\s*-\s+([a-z]+)(?:\s+"((?:[^"\\]|\\.)*)")?(?:\s*\[[^\]]*\])*:?\s*(.*)$/.exec(line);
    if (!m) continue;
    const role = m[1]!;
    const name = (m[2] ?? '').replace(/\\"/g, '"').trim();
    const rest = m[3]!.replace(/^"|"$/g, '').trim();
    for (const text of [name, role === 'text' || role === 'paragraph' || !name ? rest : '']) {
      if (!text || text.startsWith('/url')) continue;
      const key = `${role}\u0000${text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ role, name: text });
    }
  }
  return found;
}

/** 0..1: 1 - the Levenshtein distance over the longer length, compared case-insensitively. */
export function similarity(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (!x.length && !y.length) return 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return 1 - prev[y.length]! / Math.max(x.length, y.length);
}

/**
 * The page texts closest to `wanted`, best first. A text that starts with `wanted` (a name matched as
 * a prefix, "Delete card VISA •••• 4242") scores as its prefix of the same length.
 */
export function closestTexts(wanted: string, texts: PageText[], max = 3): (PageText & { score: number })[] {
  return texts
    .map((t) => ({ ...t, score: similarity(wanted, t.name.slice(0, Math.max(wanted.length, 1) + 2)) }))
    .map((t) => ({ ...t, score: Math.max(t.score, similarity(wanted, t.name)) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, max);
}

export function formatClosest(list: (PageText & { score: number })[]): string {
  if (!list.length) return 'nothing named on the page';
  return list.map((t) => `${t.role} "${t.name}" (${Math.round(t.score * 100)}%)`).join(', ');
}
