// Plain twin of features/wallet/remove-via-direct-link.feature.
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

const { wallet, common } = labels;

test('R3: delete a card from the direct page without a wallet account', async ({
  page,
  context,
  browser,
}, testInfo) => {
  const buyerId = await signedInBuyer(context);
  const card = await linkedCard(buyerId, 'VISA');
  const tab = await context.newPage();
  const cards = tab.getByRole('region', { name: wallet.cardInformation });
  await goto(tab, urls.walletDirect!);
  await cards.waitFor();
  await expect(tab.getByRole('main').locator('input:not([type=hidden]), select, textarea')).toHaveCount(0);
  const entry = cards.getByRole('listitem').filter({ hasText: last4Re(card.last4) });
  await expect(entry).toBeVisible();
  await entry.getByRole('button', { name: wallet.deleteCard }).click();
  const dialog = tab.getByRole('dialog', { name: wallet.confirmDeleteTitle });
  await dialog.getByRole('button', { name: common.confirm, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await expectCardNowhere(tab, browser, contextOptionsOf(testInfo), buyerId, card);
  void page;
});
