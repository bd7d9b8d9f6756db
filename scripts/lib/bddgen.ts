// `bddgen` only when its inputs changed: the generated specs depend on the feature files, the step
// definitions and the config, nothing else. Saves a node start + step loading (~1.6 s idle, 3-4 s on
// busy cores) on every run of an unchanged suite (monitor cycles, bench pairs, self-test, flake).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from './run.ts';

const INPUTS = ['features', 'steps', 'fixtures'];
const FILES = ['playwright.config.ts', 'package-lock.json'];
const STAMP = '.inputs-hash';

function inputsHash(outputDir: string): string {
  const hash = createHash('sha256').update(outputDir);
  const files = INPUTS.flatMap((dir) =>
    existsSync(dir)
      ? (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
          .filter((e) => e.isFile())
          .map((e) => join(e.parentPath, e.name))
      : [],
  )
    .concat(FILES.filter((f) => existsSync(f)))
    .sort();
  for (const file of files) hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/** Runs `npx bddgen` unless `outputDir` holds specs generated from exactly these inputs. */
export async function bddgenIfChanged(
  outputDir: string,
  env: NodeJS.ProcessEnv = process.env,
  runner: typeof run = run,
): Promise<number> {
  const stamp = join(outputDir, STAMP);
  const hash = inputsHash(outputDir);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return 0;
  const code = await runner('npx', ['bddgen'], env);
  if (code === 0) await writeFile(stamp, hash);
  return code;
}
