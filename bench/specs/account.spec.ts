// Plain twin of features/account/contact-support.feature.
import { expect, test } from '@playwright/test';
import { templatePattern } from '../../support/text-pattern.ts';
import { goto, labels, signedInBuyer, urls } from '../plain.ts';

const { shop } = labels;

test('F10: contacting support yields a ticket number', async ({ page, context }) => {
  await signedInBuyer(context);
  const toggle = page.getByRole('banner').getByRole('button', { name: shop.account.panel, exact: true });
  const menu = page.getByRole('banner').getByRole('list', { name: shop.account.panel });
  await goto(page, urls.shop!);
  await toggle.waitFor();
  if (!(await menu.isVisible())) await toggle.click();
  await menu.waitFor();
  await menu.getByRole('link', { name: shop.account.support, exact: true }).click();
  await page.waitForURL((url) => url.toString() !== urls.shop);
  const { support } = shop;
  await page.getByRole('heading', { name: support.title, level: 1 }).waitFor();
  await page
    .getByLabel(support.category, { exact: true })
    .selectOption({ label: support.categories.removeCard! });
  await page
    .getByLabel(support.description, { exact: true })
    .fill('The wallet said my card was removed, but checkout still offers it as a saved card.');
  await page.getByRole('main').getByRole('button', { name: support.submit, exact: true }).click();
  const answer = page
    .getByRole('main')
    .getByRole('status')
    .filter({ hasText: templatePattern(support.ticket) });
  await answer.waitFor();
  const ticket = templatePattern(support.ticket)
    .exec((await answer.textContent()) ?? '')
    ?.groups?.ticket?.trim();
  expect(ticket).toMatch(/\w*\d{4,}\w*/);
});
