import type { Locator, Page } from '@playwright/test';
import {
  CONTAINER_ROLES,
  CONTROL_ROLES,
  type ConfirmKind,
  labelAt,
  type ScreenKey,
  type ScreenOptions,
  screenOptions,
} from '../../support/profile-screens.ts';
import type { TargetProfile } from '../../support/target.ts';
import { last4Pattern as last4of, MASKED_CARD } from './card-list.ts';
import { driftOf } from '../../support/drift/watch.ts';
import { gotoScreen } from './goto-screen.ts';
import { closestTexts, formatClosest, type PageText, textsOfSnapshot } from '../../support/similarity.ts';
import { escapeRegExp } from '../../support/text-pattern.ts';

export { CONTAINER_ROLES, CONTROL_ROLES };
type Role = Parameters<Page['getByRole']>[0];

/** What a page object looks for, with what an error needs to point at the fix. */
export interface Wanted {
  locator: Locator;
  /** The label key, dotted from `labels`: `wallet.cardInformation`. */
  key: string;
  text: string;
  /** The roles accepted (for messages); `heading`, `field` and `text` for those kinds. */
  roles: readonly string[];
  /**
   * What "there" means: `visible` (a box on screen), or `attached` for containers, whose own box may
   * be empty (a menu whose list is positioned absolutely) while the accessibility tree has them.
   */
  state?: 'visible' | 'attached';
  /** Every match, not only the first (the doctor compares their roles). */
  all?: Locator;
}

/** A locator that did not match on a screen: the message names screen, label key, roles, closest texts, fix. */
export class ScreenMismatch extends Error {
  override name = 'ScreenMismatch';

  constructor(
    message: string,
    /** What was looked for and not found (label key, exact text, roles): read by support/drift. */
    readonly wanted: readonly Pick<Wanted, 'key' | 'text' | 'roles'>[] = [],
  ) {
    super(message);
  }
}

const isTimeout = (e: unknown) =>
  e instanceof Error && (e.name === 'TimeoutError' || /Timeout \d+ms exceeded/.test(e.message));

/**
 * Tolerant locators for one screen of one target: names exact (from the profile's labels, so label
 * drift still fails), roles and containers tolerant. Every wait goes through `need()`, whose timeout
 * names the screen, the label key, the roles tried, the closest texts the page has, and the fix.
 */
export class Finder {
  readonly options: ScreenOptions;

  constructor(
    readonly page: Page,
    readonly target: TargetProfile,
    readonly screen: ScreenKey,
    /** The screen as a buyer calls it, for messages: "wallet direct page". */
    readonly where: string,
  ) {
    this.options = screenOptions(target.screens, screen);
  }

  /** The profile's text at a label key; a key the profile lacks is a programming or profile error. */
  text(key: string): string {
    const text = labelAt(this.target.labels, key);
    if (text === undefined)
      throw new ScreenMismatch(
        `the ${this.where} needs labels.${key}, which the profile ${this.target.name} does not set` +
          (this.target.procedures
            ? ` (it covers ${this.target.procedures.join(', ')}; no procedure among them needs this screen or label: add the label, or the procedure to \`procedures\`)`
            : ''),
      );
    return text;
  }

  /** A button, link, menu item or tab named exactly `labels[key]` (`prefix`: name starts with it, as a word). */
  control(key: string, o: { within?: Locator; prefix?: boolean; roles?: readonly Role[] } = {}): Wanted {
    const text = this.text(key);
    const name = o.prefix ? wordPrefix(text) : text;
    const roles = o.roles ?? CONTROL_ROLES;
    const scope = o.within ?? this.page;
    const locator = this.described(
      anyOf(roles.map((role) => scope.getByRole(role, { name, exact: true }))).first(),
      key,
      o.prefix ? `${text}…` : text,
      roles,
    );
    return { locator, key, text, roles };
  }

  /**
   * A container named `labels[key]` whatever its role (region, list, table, fieldset/group, dialog,
   * navigation, menu, tabpanel, form), or an element whose own heading/legend says it, or the page's
   * main area when its h1 says it (a page of its own). The outermost match wins.
   */
  container(key: string, o: { within?: Locator } = {}): Wanted {
    const text = this.text(key);
    const scope = o.within ?? this.page;
    const quoted = JSON.stringify(text);
    const headed = `:is(h1,h2,h3,h4,h5,h6,legend,caption):text-is(${quoted})`;
    const all = anyOf([
      ...CONTAINER_ROLES.map((role) => scope.getByRole(role, { name: text, exact: true })),
      scope.locator(`:is(section,article,fieldset,div,aside,form,nav,dialog,table):has(> ${headed})`),
      scope.locator(`:is(section,article,div,aside,form,nav,dialog):has(> header > ${headed})`),
      scope
        .getByRole('main')
        .filter({ has: this.page.getByRole('heading', { name: text, exact: true, level: 1 }) }),
    ]);
    const roles = [...CONTAINER_ROLES, 'section with that heading', 'page with that h1'];
    const locator = this.described(all.first(), key, text, ['any container role']);
    return { locator, key, text, roles, state: 'attached', all };
  }

  heading(key: string, level: number | undefined = 1): Wanted {
    const text = this.text(key);
    const roles = [level ? `heading level ${level}` : 'heading'];
    return {
      locator: this.described(
        this.page.getByRole('heading', { name: text, exact: true, ...(level ? { level } : {}) }).first(),
        key,
        text,
        roles,
      ),
      key,
      text,
      roles,
    };
  }

  /** A form field labelled exactly `labels[key]` (`<label>` or aria-label). */
  field(key: string, o: { within?: Locator } = {}): Wanted {
    const text = this.text(key);
    return {
      locator: this.described((o.within ?? this.page).getByLabel(text, { exact: true }).first(), key, text, [
        'form field',
      ]),
      key,
      text,
      roles: ['form field'],
    };
  }

  /** Visible text equal to `labels[key]` (e.g. the empty-list text). */
  plainText(key: string, o: { within?: Locator } = {}): Wanted {
    const text = this.text(key);
    return {
      locator: this.described((o.within ?? this.page).getByText(text, { exact: true }).first(), key, text, [
        'text',
      ]),
      key,
      text,
      roles: ['text'],
    };
  }

  /**
   * The entry of the card ending in `last4` inside `list`: the innermost list item, table row, radio,
   * option or article showing those 4 digits as a group of their own ("VISA •••• 4242").
   */
  card(list: Locator, last4: string): Locator {
    // The description replaces the long or-chain in reports, traces and assertion messages.
    return this.entries(list, last4of(last4))
      .last()
      .describe(`the card •••• ${last4} on the ${this.where} (screens.${this.screen})`);
  }

  /** Every entry (list item, row, radio, option, article) inside `list` whose text matches `text`. */
  entries(list: Locator, text: RegExp = MASKED_CARD): Locator {
    return anyOf([
      list.getByRole('listitem').filter({ hasText: text }),
      list.getByRole('row').filter({ hasText: text }),
      list.getByRole('radio', { name: text }),
      list.getByRole('option', { name: text }),
      list.getByRole('article').filter({ hasText: text }),
    ]).describe(
      `${text === MASKED_CARD ? 'every card' : `the card matching ${text}`} (list item/row/radio/option/article) ` +
        `in the list on the ${this.where} (screens.${this.screen})`,
    );
  }

  /**
   * The locator as Playwright names it in assertion failures, traces and reports: what a failed
   * `expect(...)` on it prints after "Locator:" instead of its `.or()` chain, in the words of a
   * ScreenMismatch (name, label key, roles, screen, where to fix it). The closest texts the page has
   * come with the ScreenMismatch of the page object's own wait (`need`), which runs first on arrival.
   */
  described(locator: Locator, key: string, text: string, roles: readonly string[]): Locator {
    return locator.describe(
      `"${text}" (labels.${key}) as ${roles.join('/')} on the ${this.where} ` +
        `(fix: labels.${key} or screens.${this.screen}, docs/sandbox.md)`,
    );
  }

  /** Waits until one of `wanted` is visible; on timeout a ScreenMismatch pointing at the fix. */
  async need(...wanted: Wanted[]): Promise<void> {
    try {
      await Promise.any(wanted.map((w) => w.locator.waitFor({ state: w.state ?? 'visible' })));
    } catch (error) {
      const errors = error instanceof AggregateError ? error.errors : [error];
      if (!errors.every(isTimeout)) throw errors.find((e) => !isTimeout(e));
      const names = wanted.map(({ key, text, roles }) => ({ key, text, roles }));
      driftOf(this.page)?.missed(this.page, names);
      throw new ScreenMismatch(await this.explain(wanted), names);
    }
    // the screen as it was when its page object found it (support/drift keeps the last green one)
    await driftOf(this.page)?.found(this.page);
  }

  /** Clicks `wanted` once it is there (the timeout explained as for `need`). */
  async click(wanted: Wanted): Promise<void> {
    await this.need(wanted);
    await wanted.locator.click();
  }

  /** Follows the screen's `path` (profile `screens.<screen>.path`): from its page, the named clicks in order. */
  async followPath(): Promise<void> {
    const path = this.options.path;
    if (!path)
      throw new ScreenMismatch(
        `the profile gives no way to reach the ${this.where} by clicking: set screens.${this.screen}.path`,
      );
    const url = (this.target.urls as Record<string, string>)[path.from];
    if (!url)
      throw new ScreenMismatch(`screens.${this.screen}.path.from: "${path.from}" is not a key of urls`);
    await gotoScreen(this.page, url, this.where);
    for (const key of path.clicks) await this.click(this.control(key));
  }

  /** The message for wanted things that are not on the page. */
  async explain(wanted: Wanted[]): Promise<string> {
    const texts = await pageTexts(this.page);
    const parts = wanted.map((w) => {
      const other = texts.filter((t) => t.name === w.text && !w.roles.includes(t.role));
      const seen = other.length
        ? `the page has it as ${other.map((t) => t.role).join(', ')}`
        : `closest on the page: ${formatClosest(closestTexts(w.text, texts))}`;
      return `"${w.text}" (labels.${w.key}) as ${w.roles.join('/')}: ${seen}`;
    });
    return [
      `the ${this.where} (${this.page.url()}) does not show ${parts.length > 1 ? 'any of ' : ''}${parts.join('; or ')}.`,
      `Fix: the label(s) ${wanted.map((w) => `labels.${w.key}`).join(', ')} in the profile, screens.${this.screen} ` +
        `(container, confirm, path), or an adapter class (screens.${this.screen}.adapter); see docs/sandbox.md.`,
    ].join(' ');
  }

  /** The confirm step of a removal on this screen (kind from the profile's `screens.<screen>.confirm`). */
  confirmStep(titleKey: string): ConfirmStep {
    return new ConfirmStep(this, titleKey, this.options.confirm ?? 'dialog');
  }
}

/**
 * "Delete this card?": a dialog or alertdialog named like the title, or a page of its own with that h1,
 * holding the confirm/cancel controls. When the profile says the screen confirms, it must appear.
 */
export class ConfirmStep {
  readonly dialog: Locator;
  readonly confirmPage: Locator;
  readonly title: Wanted;

  constructor(
    private readonly find: Finder,
    titleKey: string,
    readonly kind: ConfirmKind,
  ) {
    const { page } = find;
    // A screen without a confirm step may have no title label: then nothing can match it.
    const text =
      kind === 'none'
        ? (labelAt(find.target.labels, titleKey) ?? '\u0000no confirm step')
        : find.text(titleKey);
    this.dialog = find.described(
      page
        .getByRole('dialog', { name: text, exact: true })
        .or(page.getByRole('alertdialog', { name: text, exact: true }))
        .first(),
      titleKey,
      text,
      ['dialog', 'alertdialog'],
    );
    this.confirmPage = find.described(
      page.getByRole('heading', { name: text, exact: true, level: 1 }).first(),
      titleKey,
      text,
      ['confirm page with that h1'],
    );
    const roles = ['dialog', 'alertdialog', 'page with that h1'];
    this.title = {
      locator: find.described(this.dialog.or(this.confirmPage).first(), titleKey, text, roles),
      key: titleKey,
      text,
      roles,
    };
  }

  /** Where the confirm/cancel controls are: the open dialog, else the main area of the confirm page. */
  private async scope(): Promise<Locator> {
    return (await this.dialog.isVisible()) ? this.dialog : this.find.page.getByRole('main');
  }

  /**
   * After the delete control was pressed: confirms the step. `gone` resolves once the removal took
   * effect without a confirm step (used when the profile says `confirm: 'none'`; a confirm that shows
   * anyway is still handled).
   */
  async pass(gone: () => Promise<void>): Promise<void> {
    if (this.kind === 'none') {
      const shown = await Promise.race([
        this.title.locator.waitFor().then(() => 'confirm' as const),
        gone().then(() => 'gone' as const),
      ]).catch(async (error) => {
        if (!isTimeout(error)) throw error;
        throw new ScreenMismatch(
          `after pressing delete on the ${this.find.where}, the card is still listed and no confirm step appeared. ` +
            `If this target asks to confirm, set screens.${this.find.screen}.confirm ("dialog" or "page") and ${this.title.key}.`,
        );
      });
      if (shown === 'gone') return;
    } else {
      try {
        await this.title.locator.waitFor();
      } catch (error) {
        if (!isTimeout(error)) throw error;
        throw new ScreenMismatch(
          `the ${this.find.where} showed no confirm step after delete, but the profile says it asks (screens.${this.find.screen}.confirm: "${this.kind}"). ` +
            (await this.find.explain([this.title])),
        );
      }
    }
    await this.answer('confirm');
  }

  /** The open step's confirm or cancel control (`screens.<screen>.confirmWith` / `cancelWith`, else common.*). */
  async control(which: 'confirm' | 'cancel'): Promise<Wanted> {
    const { options } = this.find;
    const key = (which === 'confirm' ? options.confirmWith : options.cancelWith) ?? `common.${which}`;
    return this.find.control(key, { within: await this.scope(), roles: ['button', 'link'] });
  }

  /** Presses confirm (or cancel) in the open step and waits until it is gone. */
  async answer(which: 'confirm' | 'cancel'): Promise<void> {
    const onPage = !(await this.dialog.isVisible());
    await this.find.click(await this.control(which));
    await (onPage ? this.confirmPage : this.dialog).waitFor({ state: 'hidden' });
  }

  async confirm(): Promise<void> {
    await this.answer('confirm');
  }

  async cancel(): Promise<void> {
    await this.answer('cancel');
  }
}

/** `a.or(b).or(c)...` */
export function anyOf(locators: Locator[]): Locator {
  if (!locators.length) throw new Error('anyOf: no locators');
  return locators.slice(1).reduce((all, l) => all.or(l), locators[0]!);
}

/** A name that starts with `text` as whole words: "Delete card" matches "Delete card VISA •••• 4242", not "Delete cards". */
export function wordPrefix(text: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(text)}(?=$|[\\s:,·(])`);
}

/** The page's named things (role + name) and texts, from its accessibility tree. */
export async function pageTexts(page: Page): Promise<PageText[]> {
  try {
    return textsOfSnapshot(await page.locator('body').ariaSnapshot({ timeout: 2000 }));
  } catch {
    return [];
  }
}
