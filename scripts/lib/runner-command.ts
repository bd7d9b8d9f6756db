// The command line of each runner for one run of the pipeline: `playwright test` (the config's
// projects, retries, the files and options given) or `cucumber-js` (a copy of cucumber.json with
// REPORTS_DIR, WORKERS as --parallel, retries, the tag expression, the feature files minus those left out).
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Config } from '../../support/config.ts';
import { withReportsDir } from './cucumber-config.ts';
import { featureFiles } from './features.ts';
import type { SuiteOptions } from './pipeline.ts';
import { localBin } from './run.ts';

/** cucumber-js reads cucumber.json; its `reports/` paths become REPORTS_DIR in a copy of it. */
async function cucumberConfig(cfg: Config): Promise<string> {
  await mkdir(join(cfg.REPORTS_DIR, 'cucumber'), { recursive: true });
  const file = join(cfg.REPORTS_DIR, 'cucumber', 'cucumber.json');
  const profiles = JSON.parse(await readFile('cucumber.json', 'utf8'));
  const dir = relative(process.cwd(), cfg.REPORTS_DIR) || '.';
  await writeFile(file, `${JSON.stringify(withReportsDir(profiles, dir), null, 2)}\n`);
  // cucumber-js joins --config onto the cwd, so it must be relative.
  return relative(process.cwd(), file);
}

/** The runner's command line. */
export async function runnerCommand(
  options: SuiteOptions,
  cfg: Config,
  excluded: string[],
): Promise<[string, string[]]> {
  const given = options.args ?? [];
  if (options.runner === 'playwright') {
    const args = ['test'];
    if (options.config) args.push('-c', options.config);
    if (options.retries !== undefined) args.push(`--retries=${options.retries}`);
    return localBin('playwright', [...args, ...given]);
  }
  const args = ['--config', await cucumberConfig(cfg)];
  // WORKERS is the Playwright runner's worker count: the same number of cucumber workers.
  if (cfg.WORKERS) args.push('--parallel', String(cfg.WORKERS));
  if (options.retries !== undefined) args.push('--retry', String(options.retries));
  if (options.tags) args.push('--tags', options.tags);
  if (excluded.length) {
    // cucumber-js has no exclude option: name the files that remain (of the ones asked for, if any).
    const isPath = (a: string) => a.endsWith('.feature') || a.includes('.feature:') || existsSync(a);
    const asked = given.filter(isPath);
    const rest = given.filter((a) => !isPath(a));
    const wanted = (asked.length ? asked : ['features']).flatMap((a) =>
      a.endsWith('.feature') || a.includes('.feature:') ? [a] : featureFiles(a),
    );
    return localBin('cucumber-js', [
      ...args,
      ...rest,
      ...wanted.filter((f) => !excluded.includes(f.replace(/:\d+$/, ''))),
    ]);
  }
  return localBin('cucumber-js', [...args, ...given]);
}
