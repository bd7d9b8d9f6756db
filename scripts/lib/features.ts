// The feature files checked before a run, so one broken file is named and left out instead of sinking
// the whole suite: Gherkin syntax errors (both runners refuse the run) and, for Playwright, test titles
// that repeat inside a file (Playwright refuses the whole run: "duplicate test title"). What only bddgen
// or the runner can see (undefined steps, ...) is read from their output by scripts/lib/suite-errors.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser, compile } from '@cucumber/gherkin';
import type { GherkinDocument, Pickle, Scenario, Examples, TableRow } from '@cucumber/messages';
import type { SuiteError } from './suite-errors.ts';

export const FEATURES_ROOT = 'features';

/** Every feature file under `root`, relative to the cwd with forward slashes, sorted. */
export function featureFiles(root = FEATURES_ROOT): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.feature'))
    .map((e) => relative(process.cwd(), join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

export interface ParsedFeature {
  file: string;
  document?: GherkinDocument;
  /** The scenarios (outline rows expanded) with their inherited tags, as both runners see them. */
  pickles: readonly Pickle[];
  errors: SuiteError[];
}

/** Parses one feature file; syntax errors become suite errors with their line. */
export function parseFeature(file: string, text = readFileSync(file, 'utf8')): ParsedFeature {
  let id = 0;
  const newId = () => String(id++);
  const parser = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher());
  try {
    const document = parser.parse(text);
    return { file, document, pickles: compile(document, file, newId), errors: [] };
  } catch (error) {
    const inner = ((error as { errors?: Error[] }).errors ?? [error]) as (Error & {
      location?: { line: number };
    })[];
    return {
      file,
      pickles: [],
      errors: inner.map((e) => ({
        file,
        line: e.location?.line,
        // "(5:3): expected: ..., got 'x'": the location is in `line`
        message: `Gherkin syntax error: ${e.message.replace(/^\(\d+:\d+\):\s*/, '')}`,
      })),
    };
  }
}

/** `<column>` placeholders filled from an Examples row, as playwright-bdd fills a title template. */
function fill(template: string, examples: Examples, row: TableRow, index: number): string {
  const values = new Map<string, string>([['_index_', String(index)]]);
  for (const [i, cell] of (examples.tableHeader?.cells ?? []).entries())
    values.set(cell.value, row.cells[i]?.value ?? '');
  return template.replace(/<([^<>]+)>/g, (all, name: string) => values.get(name) ?? all);
}

const hasColumn = (text: string, examples: Examples) =>
  [...text.matchAll(/<([^<>]+)>/g)].some((m) => examples.tableHeader?.cells.some((c) => c.value === m[1]));

/** The titles playwright-bdd gives an outline's rows (comment, Examples name, scenario name, default). */
function rowTitles(document: GherkinDocument, scenario: Scenario): { title: string; line: number }[] {
  const titles: { title: string; line: number }[] = [];
  let index = 0;
  for (const examples of scenario.examples) {
    const above = [examples.location.line - 1, Math.min(...examples.tags.map((t) => t.location.line)) - 1];
    const comment = document.comments
      .find((c) => above.includes(c.location.line) && c.text.trim().startsWith('# title-format:'))
      ?.text.trim()
      .replace('# title-format:', '')
      .trim();
    const template =
      comment ||
      (hasColumn(examples.name, examples) && examples.name) ||
      (hasColumn(scenario.name, examples) && scenario.name) ||
      (document.feature?.language === 'en' ? 'Example #<_index_>' : `${examples.keyword}: #<_index_>`);
    for (const row of examples.tableBody)
      titles.push({ title: fill(template, examples, row, ++index), line: row.location.line });
  }
  return titles;
}

/**
 * Test titles that repeat inside one file, the way playwright-bdd generates them (feature › rule ›
 * outline › row title): Playwright refuses the whole run on any of them.
 */
export function duplicateTitles(parsed: ParsedFeature): SuiteError[] {
  const feature = parsed.document?.feature;
  if (!feature) return [];
  const seen = new Map<string, number>();
  const errors: SuiteError[] = [];
  const add = (path: string[], line: number) => {
    const key = path.join(' › ');
    const first = seen.get(key);
    if (first === undefined) seen.set(key, line);
    else
      errors.push({
        file: parsed.file,
        line,
        message: `duplicate test title "${path.at(-1)}" (first at line ${first}): give each scenario and Examples row a distinct title (a <column> in the title, or "# title-format:" above the Examples)`,
      });
  };
  const visit = (children: typeof feature.children, path: string[]) => {
    for (const child of children) {
      if (child.rule) visit(child.rule.children as typeof feature.children, [...path, child.rule.name]);
      const scenario = child.scenario;
      if (!scenario) continue;
      if (!scenario.examples.length) add([...path, scenario.name], scenario.location.line);
      else
        for (const row of rowTitles(parsed.document!, scenario))
          add([...path, scenario.name, row.title], row.line);
    }
  };
  visit(feature.children, [feature.name]);
  return errors;
}

/** Parses every file and returns its problems for the runner ('cucumber' runs repeated titles fine). */
export function validateFeatures(
  files: string[],
  runner: 'playwright' | 'cucumber',
): { parsed: ParsedFeature[]; errors: SuiteError[] } {
  const parsed = files.map((file) => parseFeature(file));
  const errors = parsed.flatMap((p) => [...p.errors, ...(runner === 'playwright' ? duplicateTitles(p) : [])]);
  return { parsed, errors };
}
