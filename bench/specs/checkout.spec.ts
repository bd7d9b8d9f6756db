// Plain twins of features/checkout/link-card-at-checkout.feature and features/checkout/five-card-limit.feature.
import { expect, test } from '@playwright/test';
import { templatePattern } from '../../support/text-pattern.ts';
import { randomTestCard } from '../../support/test-cards.ts';
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

const { shop, wallet } = labels;

test('L1: the ticked-by-default box links the card paid with', async ({ page, context }) => {
  await signedInBuyer(context);
  const card = randomTestCard('VISA');
  const methods = page.getByRole('group', { name: shop.paymentMethod });
  await goto(page, urls.checkout!);
  await methods.waitFor();
  await methods.getByRole('radio', { name: shop.newCard, exact: true }).check();
  await page.getByLabel(shop.cardNumber, { exact: true }).fill(card.number);
  await page.getByLabel(shop.expiry, { exact: true }).fill(card.expiry);
  await page.getByLabel(shop.cvc, { exact: true }).fill(card.cvc);
  await page.getByLabel(shop.holder, { exact: true }).fill(card.holder);
  await expect(page.getByRole('checkbox', { name: shop.linkCard })).toBeChecked();
  await page.getByRole('button', { name: shop.pay, exact: true }).click();
  await expect(page.getByRole('heading', { name: shop.orderPlaced, level: 1 })).toBeVisible();

  const cards = page.getByRole('region', { name: wallet.cardInformation });
  await goto(page, urls.walletDirect!);
  await cards.waitFor();
  await expect(cards.getByRole('listitem').filter({ hasText: last4Re(card.last4) })).toBeVisible();

  await goto(page, urls.checkout!);
  await methods.waitFor();
  await expect(methods.getByRole('radio', { name: last4Re(card.last4) })).toBeVisible();
});

test('F3: unticking the box before paying links nothing', async ({ page, context, browser }, testInfo) => {
  const buyerId = await signedInBuyer(context);
  const card = randomTestCard('Mastercard');
  const methods = page.getByRole('group', { name: shop.paymentMethod });
  await goto(page, urls.checkout!);
  await methods.waitFor();
  await methods.getByRole('radio', { name: shop.newCard, exact: true }).check();
  await page.getByLabel(shop.cardNumber, { exact: true }).fill(card.number);
  await page.getByLabel(shop.expiry, { exact: true }).fill(card.expiry);
  await page.getByLabel(shop.cvc, { exact: true }).fill(card.cvc);
  await page.getByLabel(shop.holder, { exact: true }).fill(card.holder);
  await page.getByRole('checkbox', { name: shop.linkCard }).setChecked(false);
  await page.getByRole('button', { name: shop.pay, exact: true }).click();
  await page.getByRole('heading', { name: shop.orderPlaced, level: 1 }).waitFor();
  await expect(page.getByRole('heading', { name: shop.orderPlaced, level: 1 })).toBeVisible();
  await expectCardNowhere(page, browser, contextOptionsOf(testInfo), buyerId, card);
});

test('F6: the sixth card is refused with a clear message while the order completes', async ({
  page,
  context,
}) => {
  const buyerId = await signedInBuyer(context);
  const five = [];
  for (let i = 1; i <= 5; i++) five.push(await linkedCard(buyerId, i % 2 ? 'VISA' : 'Mastercard'));
  const card = randomTestCard('VISA');
  const methods = page.getByRole('group', { name: shop.paymentMethod });
  await goto(page, urls.checkout!);
  await methods.waitFor();
  await methods.getByRole('radio', { name: shop.newCard, exact: true }).check();
  await page.getByLabel(shop.cardNumber, { exact: true }).fill(card.number);
  await page.getByLabel(shop.expiry, { exact: true }).fill(card.expiry);
  await page.getByLabel(shop.cvc, { exact: true }).fill(card.cvc);
  await page.getByLabel(shop.holder, { exact: true }).fill(card.holder);
  await expect(page.getByRole('checkbox', { name: shop.linkCard })).toBeChecked();
  await page.getByRole('button', { name: shop.pay, exact: true }).click();
  await page.getByRole('heading', { name: shop.orderPlaced, level: 1 }).waitFor();
  await expect(page.getByRole('heading', { name: shop.orderPlaced, level: 1 })).toBeVisible();
  await expect(
    page
      .getByRole('main')
      .getByRole('status')
      .filter({ hasText: templatePattern(shop.cardLimitReached) }),
  ).toBeVisible();
  await goto(page, urls.checkout!);
  await methods.waitFor();
  await expect(methods.getByRole('radio', { name: last4Re(card.last4) })).toHaveCount(0);
  await goto(page, urls.checkout!);
  await methods.waitFor();
  for (const linked of five)
    await expect(methods.getByRole('radio', { name: last4Re(linked.last4) })).toBeVisible();
});
