// Helpers for the plain specs: what a team writing raw Playwright would share between specs.
// No page objects, no World, no BDD, no Allure; the same setup path (control API) and the same checks.
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  expect,
  type Page,
  type TestInfo,
} from '@playwright/test';
import { loadConfig } from '../support/config.ts';
import { loadTarget } from '../support/load-target.ts';
import { MockControl } from '../support/mock-control.ts';
import { type Brand, randomTestCard, type TestCard } from '../support/test-cards.ts';

export const target = await loadTarget(loadConfig());
export const labels = target.labels;
export const urls = target.urls as Record<string, string>;
const control = new MockControl(target.control!.url);

/** The project's device, for a second context (a new session), as the suite's World passes it. */
export function contextOptionsOf(testInfo: TestInfo): BrowserContextOptions {
  const { viewport, userAgent, isMobile, hasTouch, deviceScaleFactor, locale } = testInfo.project.use;
  return { viewport, userAgent, isMobile, hasTouch, deviceScaleFactor, locale };
}

export const last4Re = (last4: string) => new RegExp(`(?<!\\d)${last4}(?!\\d)`);

export async function signIn(context: BrowserContext, buyerId: string): Promise<void> {
  const cookie = await control.openSession(buyerId);
  const { hostname } = new URL(target.urls.shop);
  await context.addCookies([{ ...cookie, domain: hostname, path: '/', httpOnly: true, sameSite: 'Lax' }]);
}

export async function signedInBuyer(context: BrowserContext): Promise<string> {
  const buyer = await control.createBuyer({});
  await signIn(context, buyer.id);
  return buyer.id;
}

export async function linkedCard(buyerId: string, brand: Brand): Promise<TestCard> {
  const card = randomTestCard(brand);
  await control.linkCard(buyerId, card);
  return card;
}

export async function goto(page: Page, url: string): Promise<void> {
  const res = await page.goto(url);
  if (res && res.status() >= 400) throw new Error(`${url} answered HTTP ${res.status()}`);
}

/** Every card list (as Screens.cardLists()), in this session and a new one, then the store: the suite's oracle, inlined. */
export async function expectCardNowhere(
  page: Page,
  browser: Browser,
  contextOptions: BrowserContextOptions,
  buyerId: string,
  card: TestCard,
): Promise<void> {
  const re = last4Re(card.last4);
  const lists = (p: Page) => {
    const wallet = p.getByRole('region', { name: labels.wallet.cardInformation });
    const account = p.getByRole('tabpanel', { name: labels.wallet.myAccountTab, exact: true });
    const accountCards = account.getByRole('list', { name: labels.wallet.linkedCards, exact: true });
    const accountReady = accountCards
      .or(account.getByText(labels.wallet.noCards))
      .or(p.getByRole('main').getByRole('button', { name: labels.wallet.openNow, exact: true }))
      .first();
    const checkout = p.getByRole('group', { name: labels.shop.paymentMethod });
    const help = p.getByRole('region', { name: labels.help.linkedCards });
    const app = p.getByRole('tabpanel', { name: labels.mobile.app.myBankCards });
    return [
      { url: urls.walletDirect!, ready: wallet, card: wallet.getByRole('listitem').filter({ hasText: re }) },
      {
        url: urls.walletAccount!,
        ready: accountReady,
        card: accountCards.getByRole('listitem').filter({ hasText: re }),
      },
      { url: urls.checkout!, ready: checkout, card: checkout.getByRole('radio', { name: re }) },
      { url: urls.helpCards!, ready: help, card: help.getByRole('listitem').filter({ hasText: re }) },
      { url: urls.mobileAppCards!, ready: app, card: app.getByRole('listitem').filter({ hasText: re }) },
    ];
  };
  const check = async (p: Page) => {
    for (const { url, ready, card } of lists(p)) {
      await goto(p, url);
      await ready.waitFor();
      await expect(card).toHaveCount(0);
    }
  };
  await check(page);
  const second = await browser.newContext(contextOptions);
  try {
    await signIn(second, buyerId);
    await check(await second.newPage());
  } finally {
    await second.close();
  }
  expect((await control.storedCards(buyerId)).map((c) => c.last4)).not.toContain(card.last4);
}
