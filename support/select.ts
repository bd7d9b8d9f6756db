// Which scenarios run: Cucumber tag expressions (`@fact:F1 and not @wip`), the same semantics cucumber-js
// applies to `--tags`, for both runners. Whole tags only: `@fact:F1` never selects `@fact:F10`.
// Playwright filters with RegExps (project `grep`, `--grep`), so an expression is also compiled to one
// RegExp that matches exactly the title-plus-tags strings Playwright tests for which `evaluate()` is true.
import { parse } from '@cucumber/tag-expressions';
import { MOBILE_TAG } from './devices.ts';

/** The environment variable that carries a run's selection to the runner's child (playwright.config.ts). */
export const TAGS_ENV = 'CARDWATCH_TAGS';
/** Feature files a run leaves out (newline-separated paths), e.g. files that failed validation. */
export const EXCLUDE_FEATURES_ENV = 'CARDWATCH_EXCLUDE_FEATURES';

/**
 * The selection of each Playwright project, as tag expressions. cucumber.json's profiles say the same
 * in their `tags` (tests/pipeline/selection.test.ts holds them equal).
 */
export const PROJECT_TAGS = {
  desktop: `not ${MOBILE_TAG}`,
  /** The Indonesian pass: only @smoke/@nightly (the whole suite twice would double the run time). */
  'desktop-id': `(@smoke or @nightly) and not ${MOBILE_TAG}`,
  mobile: MOBILE_TAG,
} as const;

export class SelectionError extends Error {
  override name = 'SelectionError';
}

/** @cucumber/tag-expressions' tree (Literal, And/Or, Not, True), read structurally. */
type Node = { value: string } | { leftExpr: Node; rightExpr: Node } | { expr: Node } | object;

/** A tag as an operand: `@` then anything but spaces and parentheses; no RegExp left-overs like `|`. */
const TAG = /^@[^\s()|*?^$[\]{}\\+]+$/;

function literals(node: Node): string[] {
  if ('value' in node) return [node.value];
  if ('leftExpr' in node) return [...literals(node.leftExpr), ...literals(node.rightExpr)];
  if ('expr' in node) return literals(node.expr);
  return [];
}

/**
 * Parses a tag expression. Throws SelectionError (one line) when it does not parse or an operand is
 * not a whole tag (e.g. a Playwright RegExp such as `@proc:R3|@proc:R4`: write `@proc:R3 or @proc:R4`).
 */
export function parseTags(expression: string): Node & { evaluate(tags: string[]): boolean } {
  let node: Node & { evaluate(tags: string[]): boolean };
  try {
    node = parse(expression) as never;
  } catch (error) {
    throw new SelectionError(`not a tag expression: ${(error as Error).message}`);
  }
  const bad = literals(node).filter((l) => !TAG.test(l));
  if (bad.length)
    throw new SelectionError(
      `not a tag expression: ${bad.map((b) => `"${b}"`).join(', ')} is not a tag (write @tag, combined with and/or/not and parentheses, e.g. "@proc:R3 or @proc:R4")`,
    );
  return node;
}

/** The problem with an expression as one line, or undefined when it is a valid tag expression. */
export function selectionProblem(expression: string): string | undefined {
  try {
    parseTags(expression);
    return undefined;
  } catch (error) {
    if (error instanceof SelectionError) return error.message;
    throw error;
  }
}

/** True when a scenario with these tags (with "@") is selected; no expression (or blank) selects all. */
export function selects(expression: string | undefined, tags: readonly string[]): boolean {
  if (!expression?.trim()) return true;
  return parseTags(expression).evaluate([...tags]);
}

/** Both selections at once (`and`); either may be absent. */
export function bothTags(a: string | undefined, b: string | undefined): string | undefined {
  const parts = [a, b].filter((p): p is string => !!p?.trim());
  if (parts.length < 2) return parts[0];
  return parts.map((p) => `(${p})`).join(' and ');
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * One RegExp, zero-width from the start, true exactly where the expression is true over the
 * space-separated tags in the string: Playwright tests `grep` against "<title path> <tags...>".
 */
export function tagRegExp(expression: string): RegExp {
  const compile = (node: Node): string => {
    if ('value' in node) return `(?=.*(?:^|\\s)${escapeRegExp(node.value)}(?:\\s|$))`;
    if ('leftExpr' in node) {
      const [l, r] = [compile(node.leftExpr), compile(node.rightExpr)];
      const op = node.constructor.name;
      if (op !== 'And' && op !== 'Or') throw new SelectionError(`unknown tag expression node ${op}`);
      return op === 'Or' ? `(?:${l}|${r})` : `${l}${r}`;
    }
    if ('expr' in node) return `(?!${compile(node.expr)})`;
    return '';
  };
  return new RegExp(`^${compile(parseTags(expression))}`);
}

/** The selection for this process's runner, from TAGS_ENV (validated), combined with `base`. */
export function selectionFromEnv(base?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const own = env[TAGS_ENV]?.trim() || undefined;
  if (own) {
    const problem = selectionProblem(own);
    if (problem) throw new SelectionError(`${TAGS_ENV}: ${problem} (got "${own}")`);
  }
  return bothTags(base, own);
}

/** Feature files excluded from this run (EXCLUDE_FEATURES_ENV), relative paths with forward slashes. */
export function excludedFeatures(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env[EXCLUDE_FEATURES_ENV] ?? '')
    .split('\n')
    .map((f) => f.trim())
    .filter(Boolean);
}
