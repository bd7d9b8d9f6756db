// Suite errors: the suite itself is broken (a Gherkin syntax error, an undefined step, a duplicate test
// title, bddgen failing), not the target. Named with file:line so nobody reads "target unreachable";
// each file left out of a run gets one broken Allure result, so the report and the monitor show it.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface SuiteError {
  /** The feature file (or config) at fault, relative to the repository root. */
  file: string;
  line?: number;
  message: string;
}

/** The Allure label every suite-error result carries (value: the file), so readers can tell them apart. */
export const SUITE_ERROR_LABEL = 'suiteError';

/** "suite error: features/x.feature:12 duplicate test title ..." */
export const formatSuiteError = (e: SuiteError) =>
  `suite error: ${e.file}${e.line ? `:${e.line}` : ''} ${e.message}`;

/** Gherkin parse errors and undefined steps as bddgen prints them. */
export function suiteErrorsFromBddgen(output: string): SuiteError[] {
  const errors: SuiteError[] = [];
  for (const m of output.matchAll(/Parse error in "([^"]+)" \((\d+):\d+\): (.+)/g))
    errors.push({ file: m[1]!, line: Number(m[2]), message: `Gherkin syntax error: ${m[3]}` });
  for (const m of output.matchAll(/\/\/ Step: (.+)\n\s*\/\/ From: (.+?):(\d+):\d+/g))
    errors.push({ file: m[2]!, line: Number(m[3]), message: `undefined step "${m[1]}"` });
  return errors;
}

/**
 * The one line that says why a tool failed without naming a feature (a syntax error in a step or page
 * file, a missing module): the first "XxxError: message", with the source file and line when given.
 */
export function suiteErrorFromCrash(tool: string, output: string): SuiteError {
  const error = /^\s*(\w*Error)(?: \[\w+\])?: (.+)$/m.exec(output);
  const at = /(?:^|\s)(\/\S+?\.(?:ts|mts|js|mjs)):? .*\((\d+):\d+\)$/m.exec(error?.[0] ?? '');
  const file = at ? relative(process.cwd(), at[1]!) : tool;
  const message = error
    ? `${tool}: ${error[1]}: ${error[2]!.replace(`${at?.[1]}: `, '').replace(/ \(\d+:\d+\)$/, '')}`
    : `${tool} failed: ${output.trim().split('\n').slice(-5).join(' | ').slice(0, 500)}`;
  return { file, line: at ? Number(at[2]) : undefined, message };
}

/**
 * Errors Playwright stops the whole run for while loading the generated specs ("duplicate test title",
 * an exception in a spec), mapped back to the feature file (the line is the generated spec's).
 */
export function suiteErrorsFromPlaywright(output: string): SuiteError[] {
  const errors: SuiteError[] = [];
  // biome-ignore lint/suspicious/noControlCharactersInRegex: Playwright colours its messages
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  for (const m of plain.matchAll(/^Error: (.+)\n(?:.*\n){0,3}?\s+at (\S+?\.feature)\.spec\.js:(\d+)/gm))
    errors.push({ file: m[2]!, message: `${m[1]} (generated spec line ${m[3]})` });
  return errors;
}

/**
 * Undefined and ambiguous steps of a cucumber-js run, from its messages (cucumber-js runs the other
 * scenarios and marks these; named here as the suite errors they are).
 */
export function suiteErrorsFromCucumber(messagesFile: string): SuiteError[] {
  if (!existsSync(messagesFile)) return [];
  const stepLines = new Map<string, { uri: string; line: number }>();
  const pickleSteps = new Map<string, { uri: string; text: string; astNodeId: string }>();
  const testSteps = new Map<string, string>();
  const errors = new Map<string, SuiteError>();
  for (const line of readFileSync(messagesFile, 'utf8').split('\n')) {
    if (!line) continue;
    const m = JSON.parse(line) as {
      gherkinDocument?: { uri: string; feature?: { children: GherkinChild[] } };
      pickle?: { uri: string; steps: { id: string; text: string; astNodeIds: string[] }[] };
      testCase?: { testSteps: { id: string; pickleStepId?: string }[] };
      testStepFinished?: { testStepId: string; testStepResult: { status: string } };
    };
    if (m.gherkinDocument) {
      const visit = (children: GherkinChild[] = []) => {
        for (const c of children) {
          for (const step of [...(c.background?.steps ?? []), ...(c.scenario?.steps ?? [])])
            stepLines.set(step.id, { uri: m.gherkinDocument!.uri, line: step.location.line });
          visit(c.rule?.children);
        }
      };
      visit(m.gherkinDocument.feature?.children);
    }
    for (const step of m.pickle?.steps ?? [])
      pickleSteps.set(step.id, { uri: m.pickle!.uri, text: step.text, astNodeId: step.astNodeIds[0]! });
    for (const step of m.testCase?.testSteps ?? [])
      if (step.pickleStepId) testSteps.set(step.id, step.pickleStepId);
    const status = m.testStepFinished?.testStepResult.status;
    if (status === 'UNDEFINED' || status === 'AMBIGUOUS') {
      const step = pickleSteps.get(testSteps.get(m.testStepFinished!.testStepId) ?? '');
      if (!step) continue;
      const at = stepLines.get(step.astNodeId);
      const error = {
        file: at?.uri ?? step.uri,
        line: at?.line,
        message: `${status === 'UNDEFINED' ? 'undefined' : 'ambiguous'} step "${step.text}"`,
      };
      errors.set(formatSuiteError(error), error);
    }
  }
  return [...errors.values()];
}

interface GherkinChild {
  background?: { steps: { id: string; location: { line: number } }[] };
  scenario?: { steps: { id: string; location: { line: number } }[] };
  rule?: { children: GherkinChild[] };
}

/** One broken result per file, in `resultsDir`: the report lists it and the monitor counts it. */
export function writeSuiteErrorResults(resultsDir: string, errors: SuiteError[]): number {
  const byFile = new Map<string, SuiteError[]>();
  for (const e of errors) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  mkdirSync(resultsDir, { recursive: true });
  const now = Date.now();
  for (const [file, list] of byFile) {
    const uuid = randomUUID();
    const id = createHash('md5').update(`suite error ${file}`).digest('hex');
    const result = {
      uuid,
      historyId: id,
      testCaseId: id,
      name: `Suite error: ${file}`,
      fullName: `suite error: ${file}`,
      status: 'broken',
      stage: 'finished',
      statusDetails: { message: list.map(formatSuiteError).join('\n') },
      labels: [
        { name: 'suite', value: 'Suite errors' },
        { name: 'feature', value: file },
        { name: SUITE_ERROR_LABEL, value: file },
      ],
      parameters: [],
      steps: [],
      attachments: [],
      start: now,
      stop: now,
    };
    writeFileSync(join(resultsDir, `${uuid}-result.json`), JSON.stringify(result));
  }
  return byFile.size;
}
