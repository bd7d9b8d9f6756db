// npm test: static checks, the project's own node tests, then the e2e suite against the mock.
// Ends with one plain line "N passed, N failed" that CI reads.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../support/config.ts';
import { filesEndingWith } from './lib/files.ts';
import { runSuite } from './lib/pipeline.ts';
import { run } from './lib/run.ts';
import { tapCounts } from './lib/tap.ts';

const totals = { passed: 0, failed: 0, skipped: 0 };
const add = (part: string, c: { passed: number; failed: number; skipped: number }) => {
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
  console.log(
    `[test] ${part}: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`,
  );
};
const check = async (name: string, cmd: string, args: string[]) => {
  console.log(`\n[test] ${name}: ${cmd} ${args.join(' ')}`);
  const ok = (await run(cmd, args)) === 0;
  add(name, { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
};

const reports = loadConfig().REPORTS_DIR;
await mkdir(reports, { recursive: true });

await check('typecheck', 'npx', ['tsc', '-p', '.']);
await check('lint', 'npx', ['biome', 'lint', '.']);

const tapFile = join(reports, 'node-tests.tap');
const nodeTests = filesEndingWith('tests', '.test.ts');
console.log(`\n[test] node tests: ${nodeTests.length} files`);
await run(process.execPath, [
  '--import',
  'tsx',
  '--test',
  '--test-concurrency=1',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=tap',
  `--test-reporter-destination=${tapFile}`,
  ...nodeTests,
]);
add('node tests', tapCounts(await readFile(tapFile, 'utf8')));

console.log('\n[test] e2e suite against the mock: npm run e2e');
const e2e = await runSuite({ runner: 'playwright', name: 'e2e', env: { TARGET: 'mock' } });
const { passed, failed, broken, skipped } = e2e.counts;
add('e2e', { passed, failed: failed + broken, skipped });
if (e2e.exitCode !== 0 && failed + broken === 0)
  add(`e2e run (${e2e.kind}${e2e.setupError ? `: ${e2e.setupError}` : ''})`, {
    passed: 0,
    failed: 1,
    skipped: 0,
  });

console.log(
  `\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(totals.failed ? 1 : 0);
