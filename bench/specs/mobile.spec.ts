// Plain twins of features/mobile/remove-in-mobile-app.feature and features/mobile/remove-via-mobile-site.feature.
import { expect, test } from '@playwright/test';
import {
  contextOptionsOf,
  expectCardNowhere,
  goto,
  labels,
  last4Re,
  linkedCard,
  signedInBuyer,
  urls,
} from '../plain.ts';

const { mobile, common } = labels;

test(
  'R5: delete the only bank card from "My bank cards"',
  { tag: '@mobile-app' },
  async ({ page, context, browser }, testInfo) => {
    const buyerId = await signedInBuyer(context);
    const card = await linkedCard(buyerId, 'Mastercard');
    const menu = page.getByRole('navigation', { name: mobile.app.mainMenu });
    const tab = page.getByRole('tab', { name: mobile.app.myBankCards, exact: true });
    const panel = page.getByRole('tabpanel', { name: mobile.app.myBankCards });
    await goto(page, urls.mobileApp!);
    await menu.waitFor();
    await menu.getByRole('link', { name: mobile.app.myProfile, exact: true }).click();
    await tab.waitFor();
    await tab.click();
    await panel.waitFor();
    const entry = panel.getByRole('listitem').filter({ hasText: last4Re(card.last4) });
    await expect(entry).toBeVisible();
    const shown = page.waitForEvent('load');
    await entry.getByRole('button', { name: mobile.app.delete }).click();
    await shown;
    await panel.waitFor();
    await expect(panel.getByText(mobile.app.noCards)).toBeVisible();
    await expect(panel.getByRole('listitem')).toHaveCount(0);
    await expectCardNowhere(page, browser, contextOptionsOf(testInfo), buyerId, card);
    void common;
  },
);

test('R6: menu, Help Center and the card-information answer lead to removing the card', async ({
  page,
  context,
  browser,
}, testInfo) => {
  const buyerId = await signedInBuyer(context);
  const card = await linkedCard(buyerId, 'VISA');
  const { site } = mobile;
  const tab = await context.newPage();
  const menuButton = tab.getByRole('button', { name: site.menu, exact: true });
  await goto(tab, urls.mobileSite!);
  await menuButton.waitFor();
  await menuButton.click();
  const menu = tab.getByRole('dialog', { name: site.menu });
  await menu.waitFor();
  await menu.getByRole('link', { name: site.helpCenter, exact: true }).click();
  await tab.getByRole('heading', { name: site.helpCenter, level: 1 }).waitFor();
  await tab.getByRole('link', { name: site.changeCardInfo }).click();
  await tab.getByRole('heading', { name: site.changeCardInfo, level: 1 }).waitFor();
  const cards = tab.getByRole('region', { name: site.cardsTitle });
  await tab.getByRole('main').getByRole('link', { name: site.removeCardLink }).click();
  await cards.waitFor();
  const entry = cards.getByRole('listitem').filter({ hasText: last4Re(card.last4) });
  await expect(entry).toBeVisible();
  await entry.getByRole('button', { name: site.deleteCard }).click();
  const dialog = tab.getByRole('dialog', { name: site.confirmDeleteTitle });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: common.confirm, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await expectCardNowhere(tab, browser, contextOptionsOf(testInfo), buyerId, card);
  void page;
});
