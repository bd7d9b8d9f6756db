// npm run gate [-- <allure-results dir>...]: Allure 3's quality gate (rules in allurerc.mjs) on the last
// results, for CI. Without arguments: the newer of REPORTS_DIR/allure-results (npm run e2e, merged shards)
// and the monitor's latest run (REPORTS_DIR/runs/<id>/allure-results). Exit code: allure's (0 = gate passed).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../support/config.ts';
import { run } from './lib/run.ts';

function lastResults(reportsDir: string): string | undefined {
  const candidates = [join(reportsDir, 'allure-results')];
  const runs = join(reportsDir, 'runs');
  if (existsSync(runs)) {
    const latest = readdirSync(runs)
      .filter((id) => existsSync(join(runs, id, 'allure-results')))
      .sort()
      .at(-1);
    if (latest) candidates.push(join(runs, latest, 'allure-results'));
  }
  return candidates
    .filter((dir) => existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('-result.json')))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

const args = process.argv.slice(2);
const dirs = args.length ? args : [lastResults(loadConfig().REPORTS_DIR)].filter((d): d is string => !!d);
if (!dirs.length) {
  console.error('[gate] no allure-results found: run "npm run e2e" (or the monitor) first, or name a folder');
  process.exit(2);
}
console.log(`[gate] quality gate (allurerc.mjs) on ${dirs.join(', ')}`);
// allure 3.18's quality-gate needs Iterator.prototype.toArray (Node 22+): polyfilled for Node 20.
const code = await run(process.execPath, [
  '--import',
  './scripts/lib/iterator-to-array.mjs',
  'node_modules/allure/cli.js',
  'quality-gate',
  ...dirs,
  '--config',
  'allurerc.mjs',
]);
console.log(code === 0 ? '[gate] passed' : `[gate] FAILED (exit ${code})`);
process.exit(code);
