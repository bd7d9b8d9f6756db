// Exact tag selection, one function for both runners (support/select.ts): the RegExp Playwright gets is
// the tag expression, whole tags only; and Playwright (`--list`) and cucumber-js (`--dry-run`) select
// the same scenarios of the real features for a set of expressions, profiles included. No browser.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { bddgenIfChanged } from '../../scripts/lib/bddgen.ts';
import { featureFiles, parseFeature } from '../../scripts/lib/features.ts';
import { localBin, runChild } from '../../scripts/lib/run.ts';
import {
  PROJECT_TAGS,
  parseTags,
  selects,
  selectionProblem,
  TAGS_ENV,
  tagRegExp,
} from '../../support/select.ts';

const EXPRESSIONS = [
  '@fact:F1',
  '@fact:F1 and not @wip',
  '@proc:R3 or @proc:R4',
  '@severity:critical and not @mock-only',
  'not (@smoke or @needs:fresh-buyer)',
];

const scratch = mkdtempSync(join(tmpdir(), 'cw-selection-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Every scenario of the features: "file › pickle name" with its tags (outline rows expanded). */
const pickles = featureFiles().flatMap((file) =>
  parseFeature(file).pickles.map((p) => ({ id: `${file} › ${p.name}`, tags: p.tags.map((t) => t.name) })),
);

describe('tag expressions', () => {
  it('compile to a RegExp that agrees with the expression on every tag set', () => {
    const names = ['@a', '@b', '@c', '@fact:F1', '@fact:F10'];
    const expressions = [
      '@a',
      'not @a',
      '@a and @b',
      '@a or @b and not @c',
      'not (@a or @b) and @c',
      '@fact:F1',
    ];
    for (const expression of expressions) {
      const re = tagRegExp(expression);
      for (let mask = 0; mask < 1 << names.length; mask++) {
        const tags = names.filter((_, i) => mask & (1 << i));
        // what Playwright tests: the title path, then the tags
        const title = `Feature › Scenario about @a-ish things ${tags.join(' ')}`;
        assert.equal(re.test(title), selects(expression, tags), `${expression} on [${tags.join(' ')}]`);
      }
    }
  });

  it('match whole tags: @fact:F1 selects no @fact:F10 or @fact:F11 scenario', () => {
    const chosen = pickles.filter((p) => selects('@fact:F1', p.tags));
    assert.ok(chosen.length > 0, 'some scenario is tagged @fact:F1');
    assert.ok(
      chosen.every((p) => p.tags.includes('@fact:F1')),
      chosen.map((p) => p.id).join('\n'),
    );
    assert.ok(
      pickles.some((p) => p.tags.includes('@fact:F10')),
      'the features have an @fact:F10 scenario',
    );
    assert.equal(/@fact:F1/.test('x @fact:F10'), true, 'the old text match did select F10');
    assert.equal(tagRegExp('@fact:F1').test('x @fact:F10'), false);
  });

  it('refuse a Playwright RegExp or a broken expression with one line', () => {
    assert.match(selectionProblem('@proc:R3|@proc:R4') ?? '', /is not a tag .*@proc:R3 or @proc:R4/);
    assert.match(selectionProblem('@a and') ?? '', /not a tag expression/);
    assert.equal(selectionProblem('@a and not (@b or @c)'), undefined);
    assert.throws(() => parseTags('smoke'), /"smoke" is not a tag/);
  });

  it('cucumber.json profiles say what the Playwright projects select', () => {
    const profiles = JSON.parse(readFileSync('cucumber.json', 'utf8')) as Record<string, { tags?: string }>;
    assert.equal(profiles.id?.tags, PROJECT_TAGS['desktop-id']);
    assert.equal(profiles.default?.tags, undefined, 'default = desktop + mobile = every scenario');
  });
});

/** Scenarios Playwright would run: `playwright test --list` with the selection in CARDWATCH_TAGS. */
async function playwrightSelects(projects: string[], tags?: string): Promise<string[]> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TARGET: 'mock',
    TARGET_PROFILE: undefined,
    REPORTS_DIR: join(scratch, 'pw'),
    BDD_OUTPUT_DIR: '.features-gen-selection',
    [TAGS_ENV]: tags,
  };
  const gen = await bddgenIfChanged('.features-gen-selection', env);
  assert.equal(gen.code, 0, gen.output);
  const args = ['test', '--list', '--reporter=json', ...projects.map((p) => `--project=${p}`)];
  const listed = await runChild(...localBin('playwright', args), {
    env,
    output: { stdout: [], stderr: [], capture: true },
  });
  type Suite = { title: string; file: string; specs?: { title: string }[]; suites?: Suite[] };
  const found: string[] = [];
  const walk = (suite: Suite, file: string) => {
    for (const spec of suite.specs ?? []) found.push(`${file} › ${spec.title}`);
    for (const child of suite.suites ?? []) walk(child, file);
  };
  for (const suite of (JSON.parse(listed.stdout) as { suites: Suite[] }).suites)
    walk(suite, suite.file.replace(/\.spec\.js$/, ''));
  return [...new Set(found)].sort();
}

/** Scenarios cucumber-js would run: `--dry-run` with a profile's tags and `--tags`, read from its messages. */
async function cucumberSelects(profile: string, tags?: string): Promise<string[]> {
  const profiles = JSON.parse(readFileSync('cucumber.json', 'utf8')) as Record<string, { tags?: string }>;
  const config = join(scratch, `${profile}.json`);
  // selection only: no support code (no browser, no steps needed for a dry run's selection)
  writeFileSync(config, JSON.stringify({ default: { tags: profiles[profile]?.tags ?? '' } }));
  const messages = join(scratch, `${profile}-${Date.now()}.ndjson`);
  // cucumber-js joins --config onto the cwd
  const args = [
    '--dry-run',
    '--config',
    relative(process.cwd(), config),
    '--format',
    `message:${messages}`,
    'features',
  ];
  if (tags) args.push('--tags', tags);
  await runChild(...localBin('cucumber-js', args), { output: { stdout: [], stderr: [] } });
  const pickleNames = new Map<string, string>();
  const run: string[] = [];
  for (const line of readFileSync(messages, 'utf8').split('\n').filter(Boolean)) {
    const m = JSON.parse(line) as {
      pickle?: { id: string; uri: string; name: string };
      testCase?: { pickleId: string };
    };
    if (m.pickle) pickleNames.set(m.pickle.id, `${m.pickle.uri} › ${m.pickle.name}`);
    if (m.testCase) run.push(pickleNames.get(m.testCase.pickleId)!);
  }
  return [...new Set(run)].sort();
}

describe('Playwright and cucumber-js select the same scenarios', { timeout: 300_000 }, () => {
  for (const expression of EXPRESSIONS)
    it(`--tags "${expression}"`, async () => {
      const expected = pickles.filter((p) => selects(expression, p.tags)).map((p) => p.id);
      const playwright = await playwrightSelects(['desktop', 'mobile'], expression);
      const cucumber = await cucumberSelects('default', expression);
      assert.ok(playwright.length > 0, 'selects something');
      assert.deepEqual(playwright, cucumber, 'playwright (actual) vs cucumber-js (expected)');
      assert.deepEqual(playwright, [...new Set(expected)].sort(), 'both = the expression over the features');
    });

  it('the desktop-id project = cucumber -p id', async () => {
    const playwright = await playwrightSelects(['desktop-id']);
    assert.ok(playwright.length > 0);
    assert.deepEqual(playwright, await cucumberSelects('id'));
  });
});
