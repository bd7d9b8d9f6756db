// The profile doctor's checks (scripts/doctor.ts): one expected label, or one page-object locator, on the
// page as it is now -> found / found with another role / missing with the closest texts the page has.
import type { Locator } from '@playwright/test';
import {
  CONTROL_ROLES,
  CONTAINER_ROLES,
  type Finder,
  pageTexts,
  type Wanted,
} from '../../pages/common/find.ts';
import type { ExpectedLabel, LabelShape } from '../../pages/screen-catalog.ts';
import { labelAt } from '../../support/profile-screens.ts';
import { closestTexts, formatClosest, type PageText } from '../../support/similarity.ts';

export type Result = 'found' | 'other role' | 'missing' | 'not checked';

/** One line of the doctor's table. */
export interface Row {
  screen: string;
  label: string;
  text: string;
  expected: string;
  result: Result;
  detail: string;
  blocks: string;
}

export type Check = Omit<Row, 'screen' | 'blocks'>;

/** How long the doctor waits for one thing to show, ms. */
export const CHECK_MS = 1500;

/** Roles that count for each shape (a heading-based container shows as its heading). */
export const ACCEPTED: Record<LabelShape, readonly string[]> = {
  control: CONTROL_ROLES,
  container: [...CONTAINER_ROLES, 'heading', 'caption', 'main'],
  heading: ['heading'],
  field: ['textbox', 'combobox', 'spinbutton', 'searchbox', 'checkbox', 'radio', 'listbox'],
  text: [],
  checkbox: ['checkbox'],
};

/** One expected label: found with an accepted role, found with another role, or missing (+ closest). */
export async function checkLabel(find: Finder, texts: PageText[], label: ExpectedLabel): Promise<Check> {
  const alternatives = [{ key: label.key, as: label.as }, ...(label.or ?? [])];
  const expected = alternatives.map((a) => `${a.as}${a.key === label.key ? '' : ` or ${a.key} as text`}`)[0]!;
  const text = find.text(label.key);
  for (const alt of alternatives) {
    if (labelAt(find.target.labels, alt.key) === undefined) continue;
    const wanted = wantedFor(find, alt.key, alt.as);
    if (await present(wanted))
      return {
        label: label.key,
        text,
        expected: label.or ? `${label.as} (or its empty text)` : expected,
        result: 'found',
        detail: alt.key === label.key ? '' : `empty text ${alt.key}`,
      };
  }
  return notThere(texts, label.key, text, label.as);
}

/**
 * A locator the screen's page object (the suite's, or the profile's adapter) waits for, checked as it
 * is: missing names the label key the suite's class builds it from and the closest texts to that label.
 */
export async function checkLocator(
  locator: Locator,
  texts: PageText[],
  key: string,
  text: string,
  as: LabelShape | 'image',
): Promise<Check> {
  if (await present({ locator, key, text, roles: accepted(as) }))
    return { label: key, text, expected: as, result: 'found', detail: `page object: ${locator}` };
  return notThere(texts, key, text, as, ` (page object: ${locator})`);
}

const accepted = (as: LabelShape | 'image') => (as === 'image' ? ['img'] : ACCEPTED[as]);

function notThere(texts: PageText[], key: string, text: string, as: LabelShape | 'image', note = ''): Check {
  const roles = accepted(as);
  const other = texts.filter((t) => t.name === text && !roles.includes(t.role));
  if (other.length)
    return {
      label: key,
      text,
      expected: as,
      result: 'other role',
      detail: `found as ${[...new Set(other.map((t) => t.role))].join(', ')}; expected ${roles.join('/')}${note}`,
    };
  return {
    label: key,
    text,
    expected: as,
    result: 'missing',
    detail: `closest: ${formatClosest(closestTexts(text, texts))}${note}`,
  };
}

export function wantedFor(find: Finder, key: string, as: LabelShape): Wanted {
  switch (as) {
    case 'control':
      return find.control(key);
    case 'container':
      return find.container(key);
    case 'heading':
      return find.heading(key);
    case 'field':
      return find.field(key);
    case 'text':
      return find.plainText(key);
    case 'checkbox': {
      const text = find.text(key);
      return {
        locator: find.page.getByRole('checkbox', { name: text }).first(),
        key,
        text,
        roles: ['checkbox'],
      };
    }
  }
}

/** Whether the wanted thing shows within CHECK_MS. */
export async function present(w: Wanted): Promise<boolean> {
  try {
    await w.locator.waitFor({ state: w.state ?? 'visible', timeout: CHECK_MS });
    return true;
  } catch {
    return false;
  }
}

/** Checks each label on the page as it is now. */
export async function checkLabels(find: Finder, labels: ExpectedLabel[]): Promise<Check[]> {
  const texts = await pageTexts(find.page);
  const out: Check[] = [];
  for (const label of labels) out.push(await checkLabel(find, texts, label));
  return out;
}
