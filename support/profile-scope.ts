// Which procedures a profile covers, and which of its labels that makes required. A target that does
// not have the mobile app says `procedures: [...]` without R5: its profile then needs no
// labels.mobile.app.* keys, R5's scenarios are skipped with the reason (support/capabilities.ts), and
// the oracle and the doctor leave its screens out. Documented in docs/sandbox.md ("procedures").

import { z } from 'zod';
import { valueAt } from './dotted-path.ts';
import { labelsSchema } from './labels/index.ts';
import { isProcedureId, PROCEDURES, type ProcedureId } from './procedures.ts';
import {
  CONFIRM_TITLES,
  DEFAULT_SIGN_UP_FIELDS,
  type FieldKind,
  labelAt,
  SCREEN_KEYS,
  type ScreenKey,
  type ScreenOptions,
  screenOptions,
  unsetLabel,
} from './profile-screens.ts';

const IDS = Object.keys(PROCEDURES) as [ProcedureId, ...ProcedureId[]];

/**
 * The guide's procedures and facts (support/procedures.ts: L1-L3, R1-R6, F1-F12) the target
 * implements. Absent = all of them. Labels only other procedures use may then be left out.
 */
export const proceduresSchema = z.array(z.enum(IDS)).min(1).optional();

/** What the scope check reads of a profile (the parsed object, before its labels are completed). */
export interface ScopedProfile {
  name: string;
  procedures?: ProcedureId[];
  labels: unknown;
  screens: Partial<Record<ScreenKey, ScreenOptions>>;
  forms: { signUp?: Record<string, FieldKind> };
}

const REMOVALS = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6'] as const satisfies ProcedureId[];

/** A label key (or a key prefix: every required key under it) and, when narrower than its screen's, who needs it. */
type Use = string | { key: string; only: readonly ProcedureId[] };

interface ScreenUse {
  /**
   * The procedures that use the screen; `every` = whatever the profile covers (sign-in; the wallet's
   * direct page, where the janitor removes test cards after every scenario).
   */
  users: 'every' | readonly ProcedureId[];
  /** The labels its page object reads (its `path`, confirm step and form fields are added from the profile). */
  labels: readonly Use[];
}

/**
 * Which procedures use each screen, and the labels its page object needs. The source of "labels required
 * for what the profile covers"; scripts/doctor.ts names the procedures a problem blocks from it too.
 * Checkout serves every procedure that links a card to work with (a sandbox links it by paying) and the
 * removals' "removed everywhere" oracle; the oracle reads the other card lists only where their own
 * procedures are covered.
 */
export const SCREEN_USES: Record<ScreenKey, ScreenUse> = {
  // The shop's home: where the account panel's click paths start (their labels come with the screens they reach).
  shop: { users: 'every', labels: [] },
  signIn: { users: 'every', labels: ['common.signIn', 'common.email', 'common.password'] },
  signUp: {
    users: ['F1', 'R2'],
    labels: ['shop.signUp.title', 'shop.signUp.submit', { key: 'shop.countries', only: ['F1'] }],
  },
  checkout: {
    users: [...REMOVALS, 'L1', 'L3', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F9'],
    labels: [
      'shop.checkout',
      'shop.paymentMethod',
      'shop.newCard',
      'shop.cardNumber',
      'shop.expiry',
      'shop.cvc',
      'shop.holder',
      'shop.linkCard',
      'shop.pay',
      'shop.orderPlaced',
      { key: 'shop.methods', only: ['F1'] },
      { key: 'shop.cardLimitReached', only: ['F6'] },
      { key: 'shop.expiredCard', only: ['L3', 'F9'] },
      { key: 'shop.cardReissued', only: ['L3', 'F9'] },
    ],
  },
  orders: { users: ['F4'], labels: ['shop.orders', 'shop.disputes'] },
  disputes: { users: ['F4'], labels: ['shop.disputes'] },
  support: { users: ['F10'], labels: ['shop.support'] },
  walletDirect: {
    users: 'every',
    labels: [
      'wallet.directTitle',
      'wallet.cardInformation',
      'wallet.deleteCard',
      'wallet.noCards',
      { key: 'common.notFoundTitle', only: ['R3'] },
    ],
  },
  walletHome: {
    users: ['R1', 'R2', 'L2', 'F2', 'F7', 'F8', 'F11'],
    labels: [
      'wallet.homeTitle',
      'wallet.myAccountTab',
      'wallet.historyTab',
      'wallet.linkedCards',
      'wallet.noCards',
      'wallet.editCards',
      'wallet.manageCards',
      'wallet.openNow',
      'wallet.editCardsTitle',
      'wallet.manageTitle',
      'wallet.state',
      'wallet.historyAdded',
      'wallet.historyRemoved',
    ],
  },
  walletEditCards: { users: ['R1', 'R2', 'F2'], labels: ['wallet.editCardsTitle', 'wallet.removeCard'] },
  walletManageCards: {
    users: ['L2', 'F7', 'F8', 'F11'],
    labels: [
      'wallet.manageTitle',
      'wallet.addCard',
      'wallet.cardNumber',
      'wallet.expiry',
      'wallet.cvc',
      'wallet.holder',
      'wallet.state',
      { key: 'wallet.extraTitle', only: ['F11'] },
      { key: 'wallet.extraDocumentNumber', only: ['F11'] },
      { key: 'wallet.extraPlaceOfBirth', only: ['F11'] },
      { key: 'wallet.extraSubmit', only: ['F11'] },
    ],
  },
  openWallet: {
    users: ['R2'],
    labels: [
      'wallet.openTitle',
      'wallet.openNow',
      'common.email',
      'wallet.captchaImage',
      'wallet.captchaLabel',
      'wallet.sendConfirmation',
      'wallet.sentTitle',
      'wallet.resend',
      'wallet.linkExpiredTitle',
      'wallet.mail',
      'wallet.securityTitle',
      'wallet.paymentPassword',
      'wallet.paymentPasswordRepeat',
      'wallet.securityQuestion',
      'wallet.securityAnswer',
      'wallet.next',
      'wallet.questions',
      'wallet.identityTitle',
      'wallet.fullName',
      'wallet.birthDate',
      'wallet.citizenship',
      'wallet.documentType',
      'wallet.documentNumber',
      'wallet.address',
      'wallet.phone',
      'wallet.submit',
      'wallet.countries',
      'wallet.documents',
      'wallet.errors',
      'wallet.homeTitle',
    ],
  },
  helpCenter: { users: ['R4'], labels: ['help.title', 'help.checkCards'] },
  helpCards: { users: ['R4'], labels: ['help.linkedCards', 'help.deleteCard', 'help.noCards'] },
  mobileApp: { users: ['R5'], labels: ['mobile.app.mainMenu', 'mobile.app.myProfile'] },
  mobileAppCards: {
    users: ['R5'],
    labels: ['mobile.app.myBankCards', 'mobile.app.delete', 'mobile.app.noCards'],
  },
  mobileSite: { users: ['R6'], labels: ['mobile.site.menu'] },
  mobileSiteHelp: { users: ['R6'], labels: ['mobile.site.helpCenter', 'mobile.site.changeCardInfo'] },
  mobileSiteCards: {
    users: ['R6'],
    labels: [
      'mobile.site.removeCardLink',
      'mobile.site.cardsTitle',
      'mobile.site.deleteCard',
      'mobile.site.noCards',
    ],
  },
};

/** The procedures the profile covers (all of PROCEDURES when it does not say). */
export function coveredProcedures(p: { procedures?: readonly ProcedureId[] }): ProcedureId[] {
  return p.procedures ? [...p.procedures] : [...IDS];
}

/** The covered procedures that use a screen (empty: the screen is out of the profile's scope). */
export function screenUsers(p: { procedures?: readonly ProcedureId[] }, key: ScreenKey): ProcedureId[] {
  const covered = coveredProcedures(p);
  const { users } = SCREEN_USES[key];
  return users === 'every' ? covered : covered.filter((id) => users.includes(id));
}

export function screenInScope(p: { procedures?: readonly ProcedureId[] }, key: ScreenKey): boolean {
  return screenUsers(p, key).length > 0;
}

/** The procedure IDs a scenario's tags name: its `@proc:` tags, else its `@fact:` tags. */
export function procedureTags(tags: readonly string[]): ProcedureId[] {
  const of = (prefix: string) =>
    tags
      .map((t) => (t.startsWith(prefix) ? t.slice(prefix.length) : ''))
      .filter((id): id is ProcedureId => isProcedureId(id));
  const procs = of('@proc:');
  return procs.length ? procs : of('@fact:');
}

/** `R5 (Remove in the mobile app)` */
export function describeProcedure(id: ProcedureId): string {
  return `${id} (${PROCEDURES[id]})`;
}

// --- label keys of the schema ------------------------------------------------------------------

interface Leaf {
  key: string;
  required: boolean;
  /** A record (countries, questions...): completed as `{}` when left out. */
  record: boolean;
}

type AnySchema = z.ZodType & { def: { type: string; innerType?: AnySchema; shape?: unknown } };

/** Every leaf key of the labels schema (a text or a record), and whether the schema itself requires it. */
function leavesOf(schema: AnySchema, prefix: string, required: boolean, out: Leaf[]): Leaf[] {
  const type = schema.def.type;
  if (type === 'optional' || type === 'default') return leavesOf(schema.def.innerType!, prefix, false, out);
  if (schema instanceof z.ZodObject) {
    for (const [k, v] of Object.entries(schema.shape))
      leavesOf(v as AnySchema, prefix ? `${prefix}.${k}` : k, required, out);
    return out;
  }
  out.push({ key: prefix, required, record: type === 'record' });
  return out;
}

const LEAVES = leavesOf(labelsSchema as unknown as AnySchema, '', true, []).filter(
  (l) => !l.key.startsWith('extra'),
);

/** The labels schema with every key optional (types still checked): which keys are needed is the scope's call. */
function lenient(schema: AnySchema): z.ZodType {
  if (schema instanceof z.ZodObject)
    return z.object(
      Object.fromEntries(
        Object.entries(schema.shape).map(([k, v]) => {
          const inner = v as AnySchema;
          if (inner.def.type === 'optional' || inner.def.type === 'default') return [k, inner];
          return [k, lenient(inner).optional()];
        }),
      ),
    );
  return schema;
}

/** `labels` as profiles may give them: any key may be left out; `requiredLabelIssues` says which may not. */
export const scopedLabelsSchema = lenient(labelsSchema as unknown as AnySchema) as z.ZodType<
  z.output<typeof labelsSchema>
>;

// --- the check ---------------------------------------------------------------------------------

/** A label a covered procedure needs, with who needs it and why (for the one-line error). */
export interface NeededLabel {
  key: string;
  procedures: ProcedureId[];
  /** Why beyond "the page object reads it": `screens.mobileAppCards.confirm is "page"`. */
  because?: string;
}

/**
 * Every label key the covered procedures need, derived from SCREEN_USES plus the profile's own
 * screen options: default click paths, confirm steps (title, confirm/cancel controls) and the
 * default sign-up form. Keys the profile references itself (its own paths, confirmWith, forms) are
 * left to support/target.ts, which names the referencing field.
 */
export function neededLabels(p: ScopedProfile): NeededLabel[] {
  const needed = new Map<string, NeededLabel>();
  const need = (key: string, users: ProcedureId[], because?: string) => {
    if (!users.length) return;
    const at = needed.get(key) ?? { key, procedures: [], because };
    for (const id of users) if (!at.procedures.includes(id)) at.procedures.push(id);
    needed.set(key, at);
  };
  for (const screen of SCREEN_KEYS) {
    const users = screenUsers(p, screen);
    if (!users.length) continue;
    for (const use of SCREEN_USES[screen].labels) {
      const key = typeof use === 'string' ? use : use.key;
      const who = typeof use === 'string' ? users : users.filter((id) => use.only.includes(id));
      const under = LEAVES.filter((l) => l.key === key || (l.required && l.key.startsWith(`${key}.`)));
      for (const leaf of under.length ? under : [{ key }]) need(leaf.key, who);
    }
    const given = p.screens[screen] ?? {};
    const options = screenOptions(p.screens, screen);
    if (!given.path && options.path)
      for (const click of options.path.clicks) need(click, users, `screens.${screen}.path (the default)`);
    const confirm = options.confirm ?? 'dialog';
    const title = CONFIRM_TITLES[screen];
    if (title && confirm !== 'none') {
      need(title, users, `screens.${screen}.confirm is "${confirm}" (the confirm step's title)`);
      if (!given.confirmWith) need('common.confirm', users);
      if (!given.cancelWith) need('common.cancel', users);
    }
    if (screen === 'signUp' && !p.forms.signUp)
      for (const key of Object.keys(DEFAULT_SIGN_UP_FIELDS))
        need(key, users, 'the default sign-up form (forms.signUp)');
  }
  return [...needed.values()];
}

/**
 * One issue per label key a covered procedure needs and the profile leaves out:
 * `labels.mobile.app.mainMenu: required by R5 (Remove in the mobile app)`.
 */
export function requiredLabelIssues(
  p: ScopedProfile,
  issue: (path: string[], message: string) => void,
): void {
  const referenced = profileReferences(p);
  for (const { key, procedures, because } of neededLabels(p)) {
    const text = labelAt(p.labels, key);
    const leaf = LEAVES.find((l) => l.key === key);
    const present = leaf?.record ? valueAt(p.labels, key) !== undefined : text !== undefined;
    if (present || referenced.has(key)) continue;
    issue(
      ['labels', ...key.split('.')],
      `required by ${procedures.map(describeProcedure).join(', ')}${because ? `: ${because}` : ''}`,
    );
  }
}

/** The label keys the profile names itself in screens.* and forms (support/target.ts checks those). */
function profileReferences(p: ScopedProfile): Set<string> {
  const refs = new Set<string>();
  for (const key of SCREEN_KEYS) {
    const s = p.screens[key];
    if (!s) continue;
    for (const k of [s.confirmWith, s.cancelWith, ...(s.path?.clicks ?? [])]) if (k) refs.add(k);
  }
  for (const k of Object.keys(p.forms.signUp ?? {})) refs.add(k);
  return refs;
}

/**
 * The labels as page objects read them: every schema key present, those the profile left out (no
 * covered procedure needs them) holding `unsetLabel(key)` (a record: `{}`), so a stray use matches
 * nothing instead of matching anything (`getByRole('button', { name: undefined })`).
 */
export function completeLabels<T>(labels: T): T {
  const out = structuredClone(labels) as Record<string, unknown>;
  for (const leaf of LEAVES) {
    const parts = leaf.key.split('.');
    let at = out;
    for (const part of parts.slice(0, -1)) {
      if (!at[part] || typeof at[part] !== 'object') at[part] = {};
      at = at[part] as Record<string, unknown>;
    }
    const last = parts.at(-1)!;
    if (at[last] === undefined && leaf.required) at[last] = leaf.record ? {} : unsetLabel(leaf.key);
  }
  return out as T;
}
