// npm run doctor -- targets/<name>.ts
// The profile doctor: signs in with one of the profile's accounts, visits every screen the profile
// names (its URL, then its click path), and for every label the page objects look for on arrival
// reports found / found with another role / missing (with the closest texts the page has), plus the
// role of each screen's container against the profile's `screens.<key>.container`, and the procedures
// each problem blocks. One table; exit 1 on any problem, 2 when the profile or the target is unusable.
import { spawn } from 'node:child_process';
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import { type Buyer, type BuyerSource, buyerSourceFor } from '../fixtures/buyers.ts';
import { CONTROL_ROLES, Finder, pageTexts } from '../pages/common/find.ts';
import { closestTexts, formatClosest, type PageText } from '../support/similarity.ts';
import { type ExpectedLabel, SCREEN_CATALOG } from '../pages/screen-catalog.ts';
import { Screens } from '../pages/screens.ts';
import { findChromium, QUIET_CHROMIUM_ARGS } from '../support/browser.ts';
import { loadConfig } from '../support/config.ts';
import { ConfigError } from '../support/env.ts';
import { guardHosts, isSetupError, readProfile } from '../support/load-target.ts';
import { nextTestCard } from '../support/profile-cards.ts';
import { SCREEN_USES, screenUsers } from '../support/profile-scope.ts';
import {
  DEFAULT_SIGN_UP_FIELDS,
  labelAt,
  SCREEN_KEYS,
  type ScreenKey,
  screenOptions,
} from '../support/profile-screens.ts';
import type { TargetProfile } from '../support/target.ts';
import {
  CHECK_MS,
  type Check,
  checkLabel,
  checkLabels,
  present,
  type Result,
  type Row,
} from './lib/doctor-checks.ts';
import { examineOpenWallet } from './lib/doctor-open-wallet.ts';

async function main(): Promise<number> {
  const source = process.argv.slice(2).find((a) => !a.startsWith('-'));
  if (!source) {
    console.error('usage: npm run doctor -- targets/<name>.ts');
    return 2;
  }
  const started = Date.now();
  const cfg = loadConfig();
  const target = await readProfile(source, cfg);
  if (target.kind === 'sandbox') guardHosts(target, cfg.SANDBOX_ALLOWED_HOSTS, source);
  const stopServer = await ensureLocalServer(target);
  const chromiumChoice = findChromium(cfg.CHROMIUM_PATH);
  const browser = await chromium.launch({
    executablePath: chromiumChoice?.executablePath,
    args: QUIET_CHROMIUM_ARGS,
  });
  try {
    const leftBehind: string[] = [];
    const rows = await examine(browser, target, new Date(started), leftBehind);
    printTable(rows);
    for (const left of leftBehind) console.log(`\n[doctor] left on the target: ${left}`);
    const problems = rows.filter((r) => r.result === 'missing' || r.result === 'other role');
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `\n[doctor] ${target.name}: ${rows.length} checks, ${problems.length} problem(s), ${seconds} s` +
        (problems.length ? ' — fix the labels or screens.* named above (docs/sandbox.md)' : ''),
    );
    return problems.length ? 1 : 0;
  } finally {
    await browser.close();
    await stopServer();
  }
}

/** The covered procedures a problem on the screen blocks (support/profile-scope.ts). */
const blocksOf = (target: TargetProfile, key: ScreenKey) =>
  SCREEN_USES[key].users === 'every' ? 'every procedure' : screenUsers(target, key).join(', ');

/**
 * Signs in (a wallet account where the pool lists one) and checks every screen the profile's covered
 * procedures use, each in its own page; then the wallet's "edit cards" and "Manage your cards" pages
 * from its home, and the wallet-opening pages on an account of their own (scripts/lib/doctor-open-wallet.ts).
 */
async function examine(
  browser: Browser,
  target: TargetProfile,
  started: Date,
  leftBehind: string[],
): Promise<Row[]> {
  const context = await browser.newContext();
  context.setDefaultTimeout(CHECK_MS * 2);
  const buyers = buyerSourceFor(target, 0, 1);
  const withWallet =
    target.accounts.source === 'pool'
      ? Object.keys(target.accounts.wallets).length > 0
      : target.capabilities.control;
  const buyer = await buyers.fresh(withWallet ? { walletAccount: true } : {});
  await buyers.signIn(context, buyer);
  const rows: Row[] = [];
  // A linked card, so that card lists show a card (their container, its entry, its delete control).
  const last4 = await linkOneCard(context, target, buyers, buyer, rows);
  const outOfScope = SCREEN_KEYS.filter((key) => !screenUsers(target, key).length);
  try {
    for (const key of SCREEN_KEYS) {
      if (outOfScope.includes(key) || key === 'openWallet') continue;
      const page = await context.newPage();
      try {
        if (key === 'walletEditCards' || key === 'walletManageCards')
          rows.push(...(await examineWalletCards(page, target, key, withWallet, last4)));
        else rows.push(...(await examineScreen(page, target, key, withWallet, last4)));
      } finally {
        await page.close();
      }
    }
  } finally {
    if (last4) await removeCard(context, target, last4, rows);
    await context.close();
  }
  if (!outOfScope.includes('openWallet')) {
    const walk = await examineOpenWallet(browser, target, blocksOf(target, 'openWallet'), started);
    rows.push(...walk.rows);
    leftBehind.push(walk.left);
  }
  if (outOfScope.length)
    rows.push({
      screen: outOfScope.join(', '),
      label: '',
      text: '',
      expected: '',
      result: 'not checked',
      detail: `no procedure the profile covers uses them (procedures: ${target.procedures?.join(', ')})`,
      blocks: '',
    });
  return rows;
}

/**
 * The wallet's "edit cards" and "Manage your cards" pages, reached from its home as R1 and L2 reach
 * them (the page objects' own clicks): title, the doctor's card with its remove control, the add-card
 * form's fields. Nothing is submitted.
 */
async function examineWalletCards(
  page: Page,
  target: TargetProfile,
  key: 'walletEditCards' | 'walletManageCards',
  withWallet: boolean,
  last4: string | undefined,
): Promise<Row[]> {
  const entry = SCREEN_CATALOG[key];
  const blocks = blocksOf(target, key);
  const rows: Row[] = [];
  const row = (r: Check) => rows.push({ screen: key, blocks, ...r });
  if (!withWallet) {
    row({
      label: '',
      text: '',
      expected: 'page',
      result: 'not checked',
      detail: 'the account has no wallet (accounts.wallets)',
    });
    return rows;
  }
  const screens = new Screens(page, target);
  const find = new Finder(page, target, key, entry.where);
  try {
    await screens.walletHome.open();
    if (key === 'walletEditCards') await screens.walletHome.chooseEditCards();
    else await screens.walletHome.chooseManageCards();
  } catch (error) {
    row({
      label: key === 'walletEditCards' ? 'wallet.editCards' : 'wallet.manageCards',
      text: '',
      expected: 'reach the page from the wallet home',
      result: 'missing',
      detail: (error as Error).message.split('\n')[0]!,
    });
    return rows;
  }
  if (key === 'walletEditCards') {
    for (const c of await checkLabels(find, [{ key: 'wallet.editCardsTitle', as: 'heading' }])) row(c);
    if (last4)
      for (const c of await checkCard(
        find,
        await pageTexts(page),
        'wallet.editCardsTitle',
        last4,
        'wallet.removeCard',
      ))
        row(c);
    return rows;
  }
  const manage = labels(['wallet.manageTitle', 'heading'], ['wallet.addCard', 'control']);
  const checks = await checkLabels(find, manage);
  for (const c of checks) row(c);
  if (checks.some((c) => c.result !== 'found')) return rows;
  await find.control('wallet.addCard').locator.click();
  const form = labels(
    ['wallet.cardNumber', 'field'],
    ['wallet.expiry', 'field'],
    ['wallet.cvc', 'field'],
    ['wallet.holder', 'field'],
    [labelAt(target.labels, 'wallet.submitCard') ? 'wallet.submitCard' : 'wallet.addCard', 'control'],
  );
  for (const c of await checkLabels(find, form)) row(c);
  return rows;
}

const labels = (...keys: [string, 'heading' | 'control' | 'field'][]) =>
  keys.map(([key, as]) => ({ key, as }));

/** Links one test card (control API where granted, else checkout with "link card" ticked); its last 4, or undefined. */
async function linkOneCard(
  context: BrowserContext,
  target: TargetProfile,
  buyers: BuyerSource,
  buyer: Buyer,
  rows: Row[],
): Promise<string | undefined> {
  const card = nextTestCard(target, 'VISA', new Set());
  const page = await context.newPage();
  try {
    if (buyers.linkCardDirectly) await buyers.linkCardDirectly(buyer, card);
    else {
      const checkout = new Screens(page, target).checkout;
      await checkout.open();
      await checkout.enterNewCard(card);
      await checkout.chooseLinkCard(true);
      await checkout.pay();
    }
    return card.last4;
  } catch (error) {
    rows.push({
      screen: 'checkout',
      label: '(link a card)',
      text: `VISA •••• ${card.last4}`,
      expected: 'order placed',
      result: 'missing',
      detail: `could not link a card, card lists are checked empty: ${(error as Error).message.split('\n')[0]}`,
      blocks: blocksOf(target, 'checkout'),
    });
    return undefined;
  } finally {
    await page.close();
  }
}

/** Removes the doctor's card again on the wallet direct page (as the janitor does). */
async function removeCard(
  context: BrowserContext,
  target: TargetProfile,
  last4: string,
  rows: Row[],
): Promise<void> {
  const page = await context.newPage();
  try {
    const direct = new Screens(page, target).walletDirect;
    await direct.open();
    await (await direct.requestDelete(last4)).confirm();
  } catch (error) {
    rows.push({
      screen: 'walletDirect',
      label: '(remove the card)',
      text: `•••• ${last4}`,
      expected: 'removed',
      result: 'missing',
      detail: `the doctor's card is still linked: ${(error as Error).message.split('\n')[0]}`,
      blocks: blocksOf(target, 'walletDirect'),
    });
  } finally {
    await page.close();
  }
}

async function examineScreen(
  page: Page,
  target: TargetProfile,
  key: ScreenKey,
  withWallet: boolean,
  last4: string | undefined,
): Promise<Row[]> {
  const entry = SCREEN_CATALOG[key];
  const options = screenOptions(target.screens, key);
  const find = new Finder(page, target, key, entry.where);
  const blocks = blocksOf(target, key);
  const rows: Row[] = [];
  const row = (r: Check) => rows.push({ screen: key, blocks, ...r });

  if (entry.url) {
    const url = target.urls[entry.url];
    const response = await page.goto(url).catch((e: Error) => e);
    const status = response instanceof Error ? response.message.split('\n')[0] : response?.status();
    if (response instanceof Error || (status && Number(status) >= 400)) {
      row({
        label: `urls.${entry.url}`,
        text: url,
        expected: 'a page',
        result: 'missing',
        detail: `answered ${status}`,
      });
      return rows;
    }
    for (const click of entry.reveal ?? []) await clickIfThere(find, click);
    const texts = await pageTexts(page);
    // The sign-up form's fields, as the profile says it asks them (forms.signUp).
    const signUpFields: ExpectedLabel[] =
      key === 'signUp'
        ? Object.keys(target.forms.signUp ?? DEFAULT_SIGN_UP_FIELDS).map((k) => ({ key: k, as: 'field' }))
        : [];
    for (const label of [...entry.labels, ...signUpFields]) {
      if (label.needsWallet && !withWallet) {
        row({
          label: label.key,
          text: labelAt(target.labels, label.key) ?? '',
          expected: label.as,
          result: 'not checked',
          detail: 'the account has no wallet (accounts.wallets)',
        });
        continue;
      }
      row(await checkLabel(find, texts, label));
    }
    const containerKey = entry.containerLabel?.find((k) => labelAt(target.labels, k) !== undefined);
    if (containerKey && options.container)
      row(await checkContainerKind(find, containerKey, options.container));
    if (containerKey && last4 && entry.listsCards === true && (!entry.labels[0]?.needsWallet || withWallet))
      for (const r of await checkCard(find, texts, containerKey, last4, entry.deleteLabel)) row(r);
  }
  if (options.path)
    rows.push(
      ...(await walkPath(page, find, options.path, blocks)).map((r) => ({ ...r, screen: `${key} (path)` })),
    );
  return rows;
}

/** The doctor's card in the screen's list, and the control that deletes it next to it. */
async function checkCard(
  find: Finder,
  texts: PageText[],
  containerKey: string,
  last4: string,
  deleteLabel: string | undefined,
): Promise<Check[]> {
  const list = find.container(containerKey);
  // The very lookup the steps and the oracle use (checkout: radios anywhere in the form).
  const screens = new Screens(find.page, find.target);
  const entry = (
    find.screen === 'walletEditCards' ? screens.walletEditCards : screens.cardList(find.screen)
  ).card(last4);
  const rows: Check[] = [];
  const shown = await present({ ...list, locator: entry, state: 'visible' });
  rows.push({
    label: containerKey,
    text: `•••• ${last4} (${list.text})`,
    expected: 'card entry',
    result: shown ? 'found' : 'missing',
    detail: shown
      ? ''
      : 'the linked card is not listed in that container (list item, row, radio, option or article)',
  });
  if (!shown || !deleteLabel) return rows;
  const control = find.control(deleteLabel, {
    within: entry,
    prefix: true,
    roles: ['button', 'link', 'menuitem'],
  });
  if (await present(control))
    rows.push({
      label: deleteLabel,
      text: control.text,
      expected: 'control',
      result: 'found',
      detail: 'next to the card',
    });
  else
    rows.push({
      label: deleteLabel,
      text: control.text,
      expected: 'control',
      result: 'missing',
      detail: `no control starting with it next to the card; closest: ${formatClosest(closestTexts(control.text, texts))}`,
    });
  return rows;
}

/** The role the container really has, against the profile's claim (`screens.<key>.container`). */
async function checkContainerKind(find: Finder, key: string, claimed: string): Promise<Check> {
  const wanted = find.container(key);
  const base = { label: `screens.${find.screen}.container`, text: wanted.text, expected: claimed };
  if (!(await present(wanted)))
    return { ...base, result: 'not checked', detail: `no container "${wanted.text}" to look at` };
  const kinds = await (wanted.all ?? wanted.locator).evaluateAll((els) =>
    els.map((el) => {
      const role = el.getAttribute('role');
      if (role) return role;
      const tag = el.tagName.toLowerCase();
      const implicit: Record<string, string> = {
        section: 'region',
        ul: 'list',
        ol: 'list',
        menu: 'list',
        table: 'table',
        fieldset: 'group',
        dialog: 'dialog',
        nav: 'navigation',
        main: 'page',
        form: 'form',
      };
      return implicit[tag] ?? 'section';
    }),
  );
  const actual = [...new Set(kinds)].join(' and ');
  return kinds.includes(claimed)
    ? { ...base, result: 'found', detail: '' }
    : {
        ...base,
        result: 'other role',
        detail: `found as ${actual}; the profile says ${claimed} (screens.${find.screen}.container)`,
      };
}

/** Follows a click path from its page, one label at a time; stops at the first control not there. */
async function walkPath(
  page: Page,
  find: Finder,
  path: { from: string; clicks: string[] },
  blocks: string,
): Promise<Row[]> {
  const rows: Row[] = [];
  const url = (find.target.urls as Record<string, string>)[path.from];
  if (!url) return rows;
  await page.goto(url);
  for (const key of path.clicks) {
    const wanted = find.control(key);
    const text = find.text(key);
    if (await present(wanted)) {
      rows.push({
        screen: '',
        label: key,
        text,
        expected: 'control',
        result: 'found',
        detail: `clicked (from urls.${path.from})`,
        blocks,
      });
      await wanted.locator.click();
      await page.waitForLoadState();
      continue;
    }
    const texts = await pageTexts(page);
    const other = texts.filter((t) => t.name === text && !CONTROL_ROLES.includes(t.role as never));
    rows.push({
      screen: '',
      label: key,
      text,
      expected: 'control',
      result: other.length ? 'other role' : 'missing',
      detail: other.length
        ? `found as ${other.map((t) => t.role).join(', ')}`
        : `closest: ${formatClosest(closestTexts(text, texts))}`,
      blocks,
    });
    break;
  }
  return rows;
}

async function clickIfThere(find: Finder, key: string): Promise<void> {
  const wanted = find.control(key);
  if (await present(wanted)) await wanted.locator.click();
}

/** Starts the profile's local target (the mock in sandbox posture) when it does not answer yet. */
async function ensureLocalServer(target: TargetProfile): Promise<() => Promise<void>> {
  const local = target.localServer;
  const up = async () =>
    fetch(local!.healthUrl).then(
      (r) => r.ok,
      () => false,
    );
  if (!local || (await up())) return async () => {};
  const child = spawn(local.command, {
    shell: true,
    stdio: 'ignore',
    env: { ...process.env, ...local.env },
    detached: true,
  });
  const deadline = Date.now() + 30_000;
  while (!(await up())) {
    if (Date.now() > deadline)
      throw new Error(`the local target did not answer ${local.healthUrl} within 30 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return async () => {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  };
}

function printTable(rows: Row[]): void {
  const head: Row = {
    screen: 'screen',
    label: 'label',
    text: 'text',
    expected: 'expected',
    result: 'result' as Result,
    detail: 'detail',
    blocks: 'blocks',
  };
  const cols: (keyof Row)[] = ['screen', 'label', 'text', 'expected', 'result', 'detail', 'blocks'];
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  const max: Record<keyof Row, number> = {
    screen: 22,
    label: 30,
    text: 34,
    expected: 20,
    result: 11,
    detail: 90,
    blocks: 40,
  };
  const widths = cols.map((c) => Math.min(max[c], Math.max(...[head, ...rows].map((r) => r[c].length))));
  const line = (r: Row) => cols.map((c, i) => cut(r[c], max[c]).padEnd(widths[i]!)).join(' | ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof ConfigError || isSetupError(error) ? error.message : error);
    process.exit(2);
  },
);
