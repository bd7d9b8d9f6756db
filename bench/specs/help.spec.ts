// Plain twin of features/help/remove-via-help-page.feature.
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

const { help, common } = labels;

test('R4: unlink a card with the "delete" icon in the buyer centre\'s card list', async ({
  page,
  context,
  browser,
}, testInfo) => {
  const buyerId = await signedInBuyer(context);
  const card = await linkedCard(buyerId, 'VISA');
  const checkCards = page.getByRole('button', { name: help.checkCards, exact: true });
  const cards = page.getByRole('region', { name: help.linkedCards });
  await goto(page, urls.helpCenter!);
  await checkCards.waitFor();
  await checkCards.click();
  await cards.waitFor();
  const entry = cards.getByRole('listitem').filter({ hasText: last4Re(card.last4) });
  await expect(entry).toBeVisible();
  await entry.getByRole('button', { name: help.deleteCard }).click();
  const dialog = page.getByRole('dialog', { name: help.confirmDeleteTitle });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: common.confirm, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await expectCardNowhere(page, browser, contextOptionsOf(testInfo), buyerId, card);
});
