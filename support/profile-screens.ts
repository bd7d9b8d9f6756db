// The profile's `screens` and `forms` (support/target.ts): how a target's screens differ in shape,
// beyond their URLs and wording. Every field is optional; the defaults describe the embedded mock's
// first skin, so a profile says only where its target differs. Documented field by field in docs/sandbox.md.

import { z } from 'zod';
import { valueAt } from './dotted-path.ts';

/** Every screen the page registry (pages/screens.ts) knows; the keys of `screens` and of the doctor's table. */
export const SCREEN_KEYS = [
  'shop',
  'signIn',
  'signUp',
  'checkout',
  'orders',
  'disputes',
  'support',
  'walletDirect',
  'walletHome',
  'walletEditCards',
  'walletManageCards',
  'openWallet',
  'helpCenter',
  'helpCards',
  'mobileApp',
  'mobileAppCards',
  'mobileSite',
  'mobileSiteHelp',
  'mobileSiteCards',
] as const;
export type ScreenKey = (typeof SCREEN_KEYS)[number];

/** The roles a container may have; `page` = the screen is a page of its own whose `h1` carries the name. */
export const CONTAINER_KINDS = [
  'list',
  'table',
  'region',
  'group',
  'dialog',
  'alertdialog',
  'navigation',
  'menu',
  'tabpanel',
  'page',
] as const;
export type ContainerKind = (typeof CONTAINER_KINDS)[number];

/** The roles a buyer perceives as "a control to press": a control is found by its name across all of them. */
export const CONTROL_ROLES = ['button', 'link', 'menuitem', 'tab'] as const;
/** The ARIA roles a named container may have (the container kinds that are roles, and a named form). */
export const CONTAINER_ROLES = [
  ...CONTAINER_KINDS.filter((k): k is Exclude<ContainerKind, 'page'> => k !== 'page'),
  'form',
] as const;

/** How a confirm step shows itself: a modal (`dialog`, also alertdialog) or a page of its own (`page`). */
export const CONFIRM_KINDS = ['dialog', 'page', 'none'] as const;
export type ConfirmKind = (typeof CONFIRM_KINDS)[number];

/** A key of the profile's labels, dotted: `shop.account.panel`, `extra.footerSupport`. */
const labelKey = z.string().regex(/^[a-zA-Z]\w*(\.\w+)+$/, 'a label key such as "shop.account.panel"');

/** A key of the profile's `urls`. */
const urlKey = z.string().regex(/^[a-zA-Z]\w*$/, 'a key of urls, e.g. "shop"');

/** A page-object class from the target's folder (targets/<name>/...): `new Adapter(page, target)`. */
export type AdapterClass = new (page: never, target: never) => object;
const adapterClass = z.custom<AdapterClass>(
  (v) => typeof v === 'function' && /^class\b/.test(Function.prototype.toString.call(v)),
  'a page-object class (export class ... from targets/<name>/<screen>.ts)',
);

export const screenOptionsSchema = z
  .object({
    /**
     * Whether removing a card here asks to confirm, and how: `dialog` (a dialog or alertdialog named
     * like the screen's confirm title), `page` (a page of its own with that h1), `none`. When not
     * `none`, a removal that shows no confirm step fails (a vanished confirm is caught).
     */
    confirm: z.enum(CONFIRM_KINDS).optional(),
    /** The label keys of the confirm step's controls, when not `common.confirm` / `common.cancel` ("Unlink card"). */
    confirmWith: labelKey.optional(),
    cancelWith: labelKey.optional(),
    /**
     * The role of the screen's main container (card list, menu): what the doctor expects and what
     * error messages name. Page objects accept any container role; this is the profile's claim.
     */
    container: z.enum(CONTAINER_KINDS).optional(),
    /**
     * How a buyer reaches the screen by clicking: from the page `urls[from]`, the controls named by
     * these label keys, in order (a button, link, menu item or tab with exactly that name).
     */
    path: z
      .object({ from: urlKey, clicks: z.array(labelKey).min(1).max(6) })
      .strict()
      .optional(),
    /** A page-object class replacing the suite's own for this screen (the adapter seam, docs/sandbox.md). */
    adapter: adapterClass.optional(),
  })
  .strict();
export type ScreenOptions = z.output<typeof screenOptionsSchema>;

export const screensSchema = z.partialRecord(z.enum(SCREEN_KEYS), screenOptionsSchema).default({});

/** The kinds of value the suite can type into a sign-up form field. */
export const FIELD_KINDS = ['email', 'password', 'password-repeat', 'name', 'phone', 'country'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export const formsSchema = z
  .object({
    /**
     * The sign-up form's fields: label key -> the kind of value typed there, in the form's order.
     * Default (the mock): email, password, name, country.
     */
    signUp: z.record(labelKey, z.enum(FIELD_KINDS)).optional(),
  })
  .strict()
  .default({});

/** The mock's first skin: the shape every profile has unless it says otherwise. */
export const DEFAULT_SCREENS: Record<ScreenKey, ScreenOptions> = {
  shop: {},
  signIn: {},
  signUp: {},
  checkout: { container: 'group' },
  orders: {
    container: 'list',
    path: { from: 'shop', clicks: ['shop.account.panel', 'shop.account.orders'] },
  },
  disputes: {
    container: 'list',
    path: { from: 'shop', clicks: ['shop.account.panel', 'shop.account.disputes'] },
  },
  support: { path: { from: 'shop', clicks: ['shop.account.panel', 'shop.account.support'] } },
  walletDirect: { confirm: 'dialog', container: 'region' },
  walletHome: {
    container: 'tabpanel',
    path: { from: 'shop', clicks: ['shop.account.panel', 'wallet.myWallet'] },
  },
  walletEditCards: { confirm: 'dialog', container: 'list' },
  walletManageCards: { container: 'list' },
  openWallet: {},
  helpCenter: {},
  helpCards: {
    confirm: 'dialog',
    container: 'region',
    path: { from: 'helpCenter', clicks: ['help.checkCards'] },
  },
  mobileApp: { container: 'navigation' },
  mobileAppCards: {
    confirm: 'none',
    container: 'tabpanel',
    path: { from: 'mobileApp', clicks: ['mobile.app.myProfile', 'mobile.app.myBankCards'] },
  },
  mobileSite: { container: 'dialog' },
  mobileSiteHelp: {},
  mobileSiteCards: {
    confirm: 'dialog',
    container: 'region',
    path: {
      from: 'mobileSite',
      clicks: [
        'mobile.site.menu',
        'mobile.site.helpCenter',
        'mobile.site.changeCardInfo',
        'mobile.site.removeCardLink',
      ],
    },
  },
};

/** The label key of each removal screen's confirm-step title (required unless the screen's confirm is "none"). */
export const CONFIRM_TITLES: Partial<Record<ScreenKey, string>> = {
  walletDirect: 'wallet.confirmDeleteTitle',
  walletEditCards: 'wallet.confirmRemoveTitle',
  helpCards: 'help.confirmDeleteTitle',
  mobileAppCards: 'mobile.app.confirmDeleteTitle',
  mobileSiteCards: 'mobile.site.confirmDeleteTitle',
};

export const DEFAULT_SIGN_UP_FIELDS: Record<string, FieldKind> = {
  'common.email': 'email',
  'common.password': 'password',
  'shop.signUp.name': 'name',
  'shop.signUp.country': 'country',
};

/** A screen's options: the profile's, field by field over the defaults. */
export function screenOptions(
  screens: Partial<Record<ScreenKey, ScreenOptions>> | undefined,
  key: ScreenKey,
): ScreenOptions {
  return { ...DEFAULT_SCREENS[key], ...stripUndefined(screens?.[key] ?? {}) };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const UNSET = '\u2039not in the profile: labels.';

/**
 * What a parsed profile holds where it left out a label no covered procedure needs (support/profile-scope.ts):
 * a text that matches nothing on any page and names the key, so a stray use fails instead of matching anything.
 */
export function unsetLabel(key: string): string {
  return `${UNSET}${key}, used only by procedures the profile does not cover\u203a`;
}

export function isUnsetLabel(text: string): boolean {
  return text.startsWith(UNSET);
}

/**
 * The text at a dotted label key, or undefined (`labelAt(labels, 'shop.account.panel')`); a key the
 * profile left out because no procedure it covers needs it is undefined too.
 */
export function labelAt(labels: unknown, key: string): string | undefined {
  const at = valueAt(labels, key);
  return typeof at === 'string' && !isUnsetLabel(at) ? at : undefined;
}
