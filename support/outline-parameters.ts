import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface OutlineParameter {
  name: string;
  value: string;
}

const cache = new Map<string, string>();

/** Splits a Gherkin table row "| a | b\\|c |" into its trimmed cells (with \| and \\ unescaped). */
export function tableCells(line: string): string[] {
  const body = line.trim().replace(/^\|/, '');
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '\\' && i + 1 < body.length) {
      const next = body[++i]!;
      cell += next === 'n' ? '\n' : next;
    } else if (ch === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  return cells;
}

/**
 * The example values of a Scenario Outline row, named by the Examples header: `row` is the row's
 * line in the feature text (1-based; playwright-bdd calls it the pickle line). Empty for a plain
 * scenario, whose pickle line is the `Scenario:` line, not a table row.
 */
export function outlineParameters(featureText: string, row: number): OutlineParameter[] {
  const lines = featureText.split(/\r?\n/);
  const isRow = (n: number) => lines[n - 1]?.trim().startsWith('|') ?? false;
  if (!isRow(row)) return [];
  let header = row;
  while (header > 1) {
    const above = lines[header - 2]!.trim();
    if (above.startsWith('|')) header--;
    else if (above.startsWith('#') || above === '') {
      // comments and blank lines may sit inside a table; look past them
      let k = header - 2;
      while (k >= 1 && (lines[k - 1]!.trim().startsWith('#') || lines[k - 1]!.trim() === '')) k--;
      if (k >= 1 && lines[k - 1]!.trim().startsWith('|')) header = k;
      else break;
    } else break;
  }
  if (header === row) return [];
  const names = tableCells(lines[header - 1]!);
  const values = tableCells(lines[row - 1]!);
  return names.map((name, i) => ({ name, value: values[i] ?? '' }));
}

/** outlineParameters() of a feature file, read once per process. */
export function outlineParametersOf(file: string, row: number): OutlineParameter[] {
  let text = cache.get(file);
  if (text === undefined) {
    text = readFileSync(file, 'utf8');
    cache.set(file, text);
  }
  return outlineParameters(text, row);
}

/**
 * The Allure history id of one scenario run: `md5(scenario):md5(row)`, where `scenario` names the
 * scenario as the runner knows it (feature file, scenario title, pass) and `row` holds the Examples
 * row's values (empty for a plain scenario). Two rows of an Outline never share an id, whatever the
 * title says, so one row's failure cannot make its passing sibling look flaky. Throws on an empty
 * `scenario` (an id shared by everything would be worse than none).
 */
export function scenarioHistoryId(scenario: string, row: readonly OutlineParameter[]): string {
  if (!scenario.trim()) throw new Error('scenarioHistoryId: the scenario name is empty');
  const values = row.map(({ name, value }) => `${name}=${value}`).join('\u0000');
  return `${md5(scenario)}:${md5(values)}`;
}

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}
