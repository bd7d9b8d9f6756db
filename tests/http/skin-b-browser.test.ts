import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import { validateCard } from '../../mock-app/domain/card-input.ts';
import { loadMockConfig } from '../../mock-app/config.ts';
import { cookieNames } from '../../mock-app/http/origin.ts';
import { type RunningMock, startMock } from '../../mock-app/server.ts';
import { findChromium, QUIET_CHROMIUM_ARGS } from '../../support/browser.ts';
import { randomTestCard } from '../../support/test-cards.ts';

/**
 * Skin B in a real Chromium: its few scripts work (the account disclosure, the mobile site's menu, the
 * help centre's alertdialog) and every screen the procedures visit passes axe-core's WCAG 2 A/AA rules.
 * Runs the mock in-process (ports from SKIN_B_TEST_PORT_BASE, default 6760).
 */
const BASE = Number(process.env.SKIN_B_TEST_PORT_BASE ?? 6760);

describe('skin B in a browser', () => {
  let mock: RunningMock;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let buyerId: string;
  const url = (origin: 'shop' | 'wallet' | 'help' | 'mobileApp' | 'mobileSite', path: string) =>
    `${mock.urls[origin]}${path}`;
  const linkCard = (brand: 'VISA' | 'Mastercard') => {
    const { card } = validateCard(randomTestCard(brand), new Date());
    const link = mock.platform.cards.link(buyerId, card!);
    assert.ok(link.linked);
    return link.card;
  };

  before(async () => {
    mock = await startMock(
      loadMockConfig({
        MOCK_SKIN: 'b',
        MOCK_PORT_BASE: String(BASE),
        MOCK_DB: ':memory:',
        MOCK_CONTROL: 'off',
        MOCK_MAIL: 'off',
      }),
      () => {},
    );
    const choice = findChromium(process.env.CHROMIUM_PATH);
    assert.ok(choice, 'no Chromium found (npm test installs one)');
    browser = await chromium.launch({ executablePath: choice.executablePath, args: QUIET_CHROMIUM_ARGS });
    const accounts = mock.platform.accounts;
    buyerId = accounts.create({ email: 'axe@x.test', password: 'secret-pw', name: '' }).id;
    const { wallet } = mock.platform;
    wallet.openDirectly(buyerId, {
      email: 'axe@x.test',
      paymentPassword: '135790',
      identity: {
        fullName: 'Axe Buyer',
        birthDate: '1990-01-15',
        citizenship: 'ID',
        documentType: 'passport',
        documentNumber: '',
        address: 'Jl. Contoh 1, Jakarta',
        phone: '+62 812 5555 0101',
      },
    });
    context = await browser.newContext();
    await context.addCookies([
      {
        name: cookieNames(`cw${BASE}`).session,
        value: accounts.openSession(buyerId),
        domain: '127.0.0.1',
        path: '/',
      },
    ]);
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await mock?.close();
  });

  it('every screen the procedures visit passes axe-core (WCAG 2 A and AA)', async () => {
    const card = linkCard('VISA');
    const screens = [
      url('shop', '/'),
      url('shop', '/item/p-phone-case'),
      url('shop', '/pay?item=p-phone-case'),
      url('shop', '/purchases'),
      url('shop', '/claims'),
      url('shop', '/contact'),
      url('wallet', '/payment-cards'),
      url('wallet', `/payment-cards/${card.id}/unlink`),
      url('wallet', '/wallet'),
      url('wallet', '/wallet/activity'),
      url('wallet', '/wallet/cards'),
      url('wallet', `/wallet/cards/${card.id}/remove`),
      url('wallet', '/wallet/cards/new'),
      url('help', '/'),
      url('help', '/articles/remove-a-saved-card'),
      url('help', '/my-cards'),
      url('mobileApp', '/'),
      url('mobileApp', '/account'),
      url('mobileApp', '/account/bank-cards'),
      url('mobileApp', `/account/bank-cards/${card.id}/remove`),
      url('mobileSite', '/'),
      url('mobileSite', '/customer-service'),
      url('mobileSite', '/customer-service/saved-cards'),
      url('mobileSite', '/account/cards'),
      url('mobileSite', `/account/cards/${card.id}/delete`),
    ];
    const visitor = await browser.newContext();
    const signedOut = await visitor.newPage();
    const problems: string[] = [];
    const check = async (p: Page, target: string) => {
      const res = await p.goto(target);
      assert.equal(res?.status(), 200, target);
      const { violations } = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa']).analyze();
      for (const v of violations) problems.push(`${target}: ${v.id} (${v.nodes.length}) ${v.help}`);
    };
    for (const target of screens) await check(page, target);
    for (const target of [url('shop', '/account/login'), url('shop', '/account/register')])
      await check(signedOut, target);
    await visitor.close();
    assert.deepEqual(problems, []);
  });

  it('"Your account" shows its unnamed list of entries; "Contact us" sits in the footer', async () => {
    await page.goto(url('shop', '/'));
    const banner = page.getByRole('banner');
    const toggle = banner.getByRole('button', { name: 'Your account', exact: true });
    await assert.rejects(banner.getByRole('link', { name: 'Purchases' }).waitFor({ timeout: 300 }));
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await banner.getByRole('list').getByRole('link', { name: 'Purchases', exact: true }).waitFor();
    assert.equal(await banner.getByRole('list', { name: 'Your account' }).count(), 0);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Contact us', exact: true }).click();
    await page.getByRole('heading', { name: 'Contact us', level: 1 }).waitFor();
  });

  it('mobile site: "Menu" shows the "Site menu" navigation (no dialog)', async () => {
    await page.goto(url('mobileSite', '/'));
    await page.getByRole('button', { name: 'Menu', exact: true }).click();
    const nav = page.getByRole('navigation', { name: 'Site menu' });
    await nav.getByRole('link', { name: 'Customer service', exact: true }).click();
    await page.getByRole('heading', { name: 'Customer service', level: 1 }).waitFor();
    assert.equal(await page.getByRole('dialog').count(), 0);
  });

  it('help centre: "Remove" opens the alertdialog; "No, keep it" keeps, "Yes, remove it" removes', async () => {
    const card = linkCard('Mastercard');
    await page.goto(url('help', '/my-cards'));
    const item = page.getByRole('listitem').filter({ hasText: card.last4 });
    await item.getByRole('button', { name: 'Remove', exact: true }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Remove this card?' });
    await dialog.getByRole('button', { name: 'No, keep it', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.ok(mock.platform.cards.find(buyerId, card.id));
    await item.getByRole('button', { name: 'Remove', exact: true }).click();
    await dialog.getByRole('button', { name: 'Yes, remove it', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Mastercard •••• ${card.last4} has been removed.` })
      .waitFor();
    assert.equal(mock.platform.cards.find(buyerId, card.id), undefined);
  });

  it('direct page: "Unlink" opens the confirm page, whose "Unlink card" removes the card', async () => {
    const card = linkCard('VISA');
    await page.goto(url('wallet', '/payment-cards'));
    const row = page.getByRole('row').filter({ hasText: card.last4 });
    await row.getByRole('button', { name: 'Unlink', exact: true }).click();
    await page.getByRole('heading', { name: 'Unlink this card?', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Unlink card', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `•••• ${card.last4} is unlinked.` })
      .waitFor();
    assert.equal(mock.platform.cards.find(buyerId, card.id), undefined);
  });
});
