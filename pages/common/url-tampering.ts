import type { Locator, Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';
import { WalletDirectPage } from '../wallet/direct-page.ts';

/**
 * Privacy, "even by editing URLs": what a curious buyer can do with the wallet's direct page
 * and the browser's developer tools. Reads the address a card's delete form posts to, and
 * re-aims one's own delete form at another address before submitting it. The form that posts is
 * the one in the card's entry, or (a GET form or button leading to a confirm step) the confirm
 * step's form around its confirm control.
 */
export class UrlTampering {
  readonly notFound: Locator;
  private readonly direct: WalletDirectPage;

  constructor(
    private readonly page: Page,
    target: TargetProfile,
  ) {
    this.direct = new WalletDirectPage(page, target);
    this.notFound = page.getByRole('heading', { name: target.labels.common.notFoundTitle, level: 1 });
  }

  /** The form that deletes the card ending in `last4` (the page is left where that form is shown). */
  private async deleteForm(last4: string): Promise<Locator> {
    await this.direct.open();
    const inEntry = this.direct.card(last4).locator('form[method=post i]');
    if ((await inEntry.count()) > 0) return inEntry.first();
    const removal = await this.direct.requestDelete(last4);
    await removal.step.title.locator.waitFor();
    const confirm = await removal.step.control('confirm');
    return confirm.locator.locator('xpath=ancestor::form[1]');
  }

  /** The address the delete form of the card ending in `last4` posts to (visible in the page source). */
  async deleteAddressOf(last4: string): Promise<string> {
    const action = await (await this.deleteForm(last4)).getAttribute('action');
    if (!action)
      throw new Error(`the card ending in ${last4} has no delete form on the ${this.direct.where}`);
    return new URL(action, this.page.url()).toString();
  }

  /** Opens the direct page, re-aims the own card's delete form at `address`, submits it, waits for the answer. */
  async submitOwnDeleteFormTo(ownLast4: string, address: string): Promise<void> {
    const form = await this.deleteForm(ownLast4);
    await form.evaluate((f: HTMLFormElement, a: string) => f.setAttribute('action', a), address);
    await Promise.all([
      this.page.waitForResponse((r) => r.url() === address && r.request().method() === 'POST'),
      form.evaluate((f: HTMLFormElement) => f.requestSubmit()),
    ]);
    await this.page.waitForLoadState();
  }
}
