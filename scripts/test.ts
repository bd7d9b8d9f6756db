// npm test: static checks, the project's own node tests, the e2e suite against the mock, then a smoke of
// the mock's second skin in sandbox posture.
// Ends with one plain line "N passed, N failed" that CI reads.
import { randomBytes } from 'node:crypto';
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
/** A suite run's scenarios as counts; a run that failed without a failed scenario counts as one failure. */
function addSuite(part: string, outcome: Awaited<ReturnType<typeof runSuite>>): void {
  const { passed, failed, broken, skipped } = outcome.counts;
  add(part, { passed, failed: failed + broken, skipped });
  if (outcome.exitCode !== 0 && failed + broken === 0)
    add(`${part} run (${outcome.kind}${outcome.setupError ? `: ${outcome.setupError}` : ''})`, {
      passed: 0,
      failed: 1,
      skipped: 0,
    });
}

addSuite('e2e', await runSuite({ runner: 'playwright', name: 'e2e', env: { TARGET: 'mock' } }));

// Skin B (MOCK_SKIN=b) in sandbox posture from its profile: another markup on every screen, the same
// page objects. Its own ports and reports folder, an in-memory store, a password made for this run.
console.log('\n[test] smoke of skin B from targets/skin-b-sandbox.ts (sandbox posture)');
const skinB = await runSuite({
  runner: 'playwright',
  name: 'e2e skin B',
  tags: '@smoke',
  env: {
    TARGET: 'sandbox',
    TARGET_PROFILE: 'targets/skin-b-sandbox.ts',
    SANDBOX_PASSWORD: `skin-b ${randomBytes(6).toString('base64url')}!`,
    SANDBOX_ALLOWED_HOSTS: '127.0.0.1',
    MOCK_PORT_BASE: '4450',
    MOCK_DB: ':memory:',
    REPORTS_DIR: join(reports, 'skin-b'),
  },
});
addSuite('e2e skin B', skinB);

console.log(
  `\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(totals.failed ? 1 : 0);
