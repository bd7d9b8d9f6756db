import type { Page, Response } from '@playwright/test';

/**
 * Opens `url` and fails at once, naming the screen, when the target answers with an error status:
 * a 500 page is not "a list without the card", and waiting for a list that never comes only times out.
 */
export async function gotoScreen(page: Page, url: string, where: string): Promise<Response | null> {
  const response = await page.goto(url);
  if (response && response.status() >= 400)
    throw new Error(`the ${where} answered HTTP ${response.status()} (${new URL(url).pathname})`);
  return response;
}
