import type { Locator, Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';
import { Finder } from '../common/find.ts';
import { gotoScreen } from '../common/goto-screen.ts';
import { templatePattern } from '../../support/text-pattern.ts';

/** F10: "Contact support": a category and a description; the answer carries a ticket number. */
export class SupportPage {
  readonly screen = 'support' as const;
  readonly where = 'support page';
  readonly find: Finder;
  readonly heading: Locator;
  readonly confirmation: Locator;
  private readonly category: Locator;
  private readonly description: Locator;
  private readonly submit: Locator;

  constructor(
    private readonly page: Page,
    private readonly target: TargetProfile,
  ) {
    const { support } = target.labels.shop;
    const find = new Finder(page, target, this.screen, this.where);
    this.find = find;
    const main = page.getByRole('main');
    this.heading = find.heading('shop.support.title').locator;
    this.category = find.field('shop.support.category').locator;
    this.description = find.field('shop.support.description').locator;
    this.submit = find.control('shop.support.submit', { within: main, roles: ['button'] }).locator;
    // The answer: a status message, or plain text on a page of its own, that reads like the ticket template.
    this.confirmation = main
      .getByRole('status')
      .or(main.getByText(templatePattern(support.ticket)))
      .filter({ hasText: templatePattern(support.ticket) })
      .first();
  }

  async open(): Promise<void> {
    await gotoScreen(this.page, this.target.urls.support, this.where);
    await this.find.need(this.find.heading('shop.support.title'));
  }

  /** Fills and sends the form; waits for the answer. `category` is a key of labels.shop.support.categories. */
  async send(category: string, description: string): Promise<void> {
    const label = this.target.labels.shop.support.categories[category];
    if (!label) throw new Error(`the target's labels name no support category "${category}"`);
    await this.find.need(this.find.heading('shop.support.title'));
    await this.find.need(this.find.field('shop.support.category'));
    await this.category.selectOption({ label });
    await this.description.fill(description);
    await this.submit.click();
    await this.confirmation.waitFor();
  }

  /** The ticket number the answer gives, e.g. "T-48213977". */
  async ticketNumber(): Promise<string> {
    const text = (await this.confirmation.textContent()) ?? '';
    const match = templatePattern(this.target.labels.shop.support.ticket).exec(text);
    return match?.groups?.ticket?.trim() ?? '';
  }
}
