import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Files under `dir` whose names end with `suffix`, sorted (Node 20's --test takes no globs). */
export function filesEndingWith(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
