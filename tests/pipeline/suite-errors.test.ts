// Suite errors are named as such (file:line), and one broken feature file does not sink the others.
// Reproduced first: a Scenario Outline with two tagged Examples tables sharing a row makes Playwright
// refuse the whole suite ("duplicate test title", 0 tests). Through the pipeline the file is left out
// with a broken "Suite error" result and every other scenario is still there. No browser: `--list`.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { featureFiles, parseFeature, validateFeatures } from '../../scripts/lib/features.ts';
import { localBin, runChild } from '../../scripts/lib/run.ts';
import {
  formatSuiteError,
  SUITE_ERROR_LABEL,
  suiteErrorFromCrash,
  suiteErrorsFromBddgen,
  suiteErrorsFromCucumber,
  suiteErrorsFromPlaywright,
} from '../../scripts/lib/suite-errors.ts';

const DUPLICATE_OUTLINE = `Feature: Payment methods, two example tables

  @fact:F1 @severity:normal
  Scenario Outline: A buyer from <country> is offered <alternatives>
    Given a buyer who signed up with the country "<country>"
    When the buyer opens checkout
    Then the payment methods offered are bank card, wallet balance and <alternatives>

    @smoke
    Examples:
      | country | alternatives  |
      | ID      | Western Union |

    @nightly
    Examples:
      | country | alternatives  |
      | ID      | Western Union |
      | US      | nothing else  |
`;
const SYNTAX_ERROR = `Feature: Broken

  Scenario: no outline
    Given a buyer who signed up with the country "ID"
  Examples without outline
`;
const UNDEFINED_STEP = `Feature: Undefined

  Scenario: a step nobody wrote
    Given a step nobody wrote yet
`;

describe('feature validation', () => {
  it('names a duplicate outline title and a syntax error with file:line, for the runner that minds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-features-'));
    try {
      writeFileSync(join(dir, 'dup.feature'), DUPLICATE_OUTLINE);
      writeFileSync(join(dir, 'syntax.feature'), SYNTAX_ERROR);
      const files = featureFiles(dir);
      const pw = validateFeatures(files, 'playwright').errors.map(formatSuiteError);
      assert.equal(pw.length, 2, pw.join('\n'));
      assert.match(
        pw[0]!,
        /^suite error: .*dup\.feature:17 duplicate test title "A buyer from ID is offered Western Union" \(first at line 12\)/,
      );
      assert.match(
        pw[1]!,
        /^suite error: .*syntax\.feature:5 Gherkin syntax error: .*got 'Examples without outline'/,
      );
      // cucumber-js runs repeated rows (both rows run); only the syntax error stops it
      assert.deepEqual(
        validateFeatures(files, 'cucumber').errors.map((e) => e.line),
        [5],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds nothing wrong in the repository features', () => {
    assert.deepEqual(validateFeatures(featureFiles(), 'playwright').errors, []);
    assert.ok(featureFiles().every((f) => parseFeature(f).pickles.length > 0));
  });

  it('reads bddgen and Playwright output into file:line suite errors', () => {
    const bddgen = `Missing step definitions: 1

Given('a step nobody wrote yet', async function () {
  // Step: Given a step nobody wrote yet
  // From: features/x/undef.feature:4:5
});
Error: Parse error in "features/x/syntax.feature" (5:3): expected: #EOF, got 'Examples without outline'`;
    assert.deepEqual(suiteErrorsFromBddgen(bddgen).map(formatSuiteError), [
      "suite error: features/x/syntax.feature:5 Gherkin syntax error: expected: #EOF, got 'Examples without outline'",
      'suite error: features/x/undef.feature:4 undefined step "Given a step nobody wrote yet"',
    ]);
    const playwright = `Error: duplicate test title "F › A › B", first declared in features/x/dup.feature.spec.js:8

   at features/x/dup.feature.spec.js:14
`;
    assert.deepEqual(suiteErrorsFromPlaywright(playwright), [
      {
        file: 'features/x/dup.feature',
        message:
          'duplicate test title "F › A › B", first declared in features/x/dup.feature.spec.js:8 (generated spec line 14)',
      },
    ]);
    const crash = `SyntaxError [Error]: ${process.cwd()}/pages/shop/x.ts: Identifier 'a' has already been declared. (9:9)\n    at toSyntaxError`;
    assert.equal(
      formatSuiteError(suiteErrorFromCrash('bddgen', crash)),
      "suite error: pages/shop/x.ts:9 bddgen: SyntaxError: Identifier 'a' has already been declared.",
    );
  });
});

describe('cucumber-js undefined steps', () => {
  it('are read from its messages as file:line suite errors', async () => {
    const dir = mkdtempSync(join(process.cwd(), '.features-gen-cucumber-undefined-'));
    try {
      writeFileSync(join(dir, 'undefined.feature'), UNDEFINED_STEP);
      writeFileSync(join(dir, 'cucumber.json'), JSON.stringify({ default: {} }));
      const messages = join(dir, 'messages.ndjson');
      const rel = relative(process.cwd(), dir);
      // no support code: every step is undefined
      await runChild(
        ...localBin('cucumber-js', [
          '--dry-run',
          '--config',
          join(rel, 'cucumber.json'),
          '--format',
          `message:${messages}`,
          join(rel, 'undefined.feature'),
        ]),
        { output: { stdout: [], stderr: [] } },
      );
      assert.deepEqual(suiteErrorsFromCucumber(messages).map(formatSuiteError), [
        `suite error: ${rel}/undefined.feature:4 undefined step "a step nobody wrote yet"`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a broken feature file in the repository', { timeout: 300_000 }, () => {
  // A copy of the repository (node_modules linked), so the broken files never meet anyone's run.
  const repo = mkdtempSync(join(tmpdir(), 'cw-suite-errors-'));
  const reports = join(repo, 'reports');
  const env = {
    ...process.env,
    TARGET: 'mock',
    TARGET_PROFILE: undefined,
    REPORTS_DIR: reports,
    BDD_OUTPUT_DIR: '.features-gen-test',
    MOCK_PORT_BASE: '5960',
    FORCE_COLOR: '0',
  };
  before(() => {
    for (const entry of [
      'features',
      'steps',
      'fixtures',
      'pages',
      'support',
      'targets',
      'mock-app',
      'scripts',
      'monitor',
    ])
      cpSync(entry, join(repo, entry), { recursive: true });
    for (const file of [
      'playwright.config.ts',
      'cucumber.json',
      'package.json',
      'tsconfig.json',
      'allurerc.mjs',
    ])
      cpSync(file, join(repo, file));
    symlinkSync(join(process.cwd(), 'node_modules'), join(repo, 'node_modules'));
    writeFileSync(join(repo, 'features', 'checkout', 'two-example-tables.feature'), DUPLICATE_OUTLINE);
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  /** Runs `tsx <args>` in the copy; `all` is stdout and stderr as they came. */
  const tsx = async (args: string[]) => {
    let all = '';
    const sink = { write: (text: string) => (all += text) } as unknown as NodeJS.WritableStream;
    const exit = await runChild(join(repo, 'node_modules', '.bin', 'tsx'), args, {
      env,
      cwd: repo,
      output: { stdout: [sink], stderr: [sink] },
      group: false,
    });
    return { ...exit, all };
  };

  it('plain Playwright refuses the whole suite: duplicate test title, 0 tests', async () => {
    const bin = (name: string, args: string[]) =>
      runChild(join(repo, 'node_modules', '.bin', name), args, {
        env,
        cwd: repo,
        output: { stdout: [], stderr: [], capture: true },
        group: false,
      });
    const gen = await bin('bddgen', []);
    assert.equal(gen.code, 0, gen.tail);
    const listed = await bin('playwright', ['test', '--list']);
    assert.notEqual(listed.code, 0);
    assert.match(listed.stdout + listed.tail, /duplicate test title/);
    assert.match(listed.stdout + listed.tail, /Total: 0 tests/);
  });

  it('through the pipeline: a named suite error, the file left out with a broken result, the rest listed', async () => {
    // and an undefined step, which only bddgen can see: left out too
    writeFileSync(join(repo, 'features', 'checkout', 'undefined-step.feature'), UNDEFINED_STEP);
    const { code, all } = await tsx(['scripts/e2e.ts', '--list']);
    assert.match(
      all,
      /\[e2e\] suite error: features\/checkout\/undefined-step\.feature:4 undefined step "Given a step nobody wrote yet"/,
    );
    assert.equal(code, 1, all);
    assert.match(
      all,
      /\[e2e\] suite error: features\/checkout\/two-example-tables\.feature:17 duplicate test title/,
    );
    assert.doesNotMatch(all, /unreachable/);
    const total = Number(/Total: (\d+) tests/.exec(all)?.[1]);
    assert.ok(total >= 30, `the other features are listed: ${total}`);
    const results = readdirSync(join(reports, 'allure-results'))
      .filter((f) => f.endsWith('-result.json'))
      .map((f) => JSON.parse(readFileSync(join(reports, 'allure-results', f), 'utf8')));
    const broken = results.filter((r) =>
      r.labels.some((l: { name: string }) => l.name === SUITE_ERROR_LABEL),
    );
    assert.equal(broken.length, 2);
    broken.sort((a, b) => a.name.localeCompare(b.name));
    assert.equal(broken[0].status, 'broken');
    assert.equal(broken[0].name, 'Suite error: features/checkout/two-example-tables.feature');
    assert.match(broken[0].statusDetails.message, /two-example-tables\.feature:17 duplicate test title/);
  });
});
