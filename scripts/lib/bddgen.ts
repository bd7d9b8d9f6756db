// `bddgen` only when its inputs changed: the generated specs depend on the feature files, the step
// definitions and the config, nothing else. Saves a node start + step loading (~1.6 s idle, 3-4 s on
// busy cores) on every run of an unchanged suite (monitor cycles, bench pairs, self-test, flake).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXCLUDE_FEATURES_ENV } from '../../support/select.ts';
import { type ChildExit, localBin, runChild } from './run.ts';

const INPUTS = ['features', 'steps', 'fixtures'];
const FILES = ['playwright.config.ts', 'package-lock.json'];
const STAMP = '.inputs-hash';

function inputsHash(outputDir: string, env: NodeJS.ProcessEnv): string {
  // the files a run leaves out change what is generated
  const hash = createHash('sha256')
    .update(outputDir)
    .update('\0')
    .update(env[EXCLUDE_FEATURES_ENV] ?? '');
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

export type BddgenRunner = (env: NodeJS.ProcessEnv) => Promise<Pick<ChildExit, 'code' | 'tail'>>;

/** bddgen as a child, its output kept (not shown) for the suite errors it names. */
const bddgen: BddgenRunner = (env) =>
  runChild(...localBin('bddgen', []), { env, output: { stdout: [], stderr: [] } });

/**
 * Runs bddgen unless `outputDir` holds specs generated from exactly these inputs. Resolves with its
 * exit code and the end of its output (parse errors, undefined steps: scripts/lib/suite-errors.ts).
 */
export async function bddgenIfChanged(
  outputDir: string,
  env: NodeJS.ProcessEnv = process.env,
  runner: BddgenRunner = bddgen,
): Promise<{ code: number; output: string; generated: boolean }> {
  const stamp = join(outputDir, STAMP);
  const hash = inputsHash(outputDir, env);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash)
    return { code: 0, output: '', generated: false };
  const { code, tail } = await runner(env);
  if (code === 0) await writeFile(stamp, hash);
  return { code, output: tail, generated: true };
}
