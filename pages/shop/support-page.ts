import type { Locator, Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';
import { templatePattern } from '../common/text-pattern.ts';

/** F10: "Contact support": a category and a description; the answer carries a ticket number. */
export class SupportPage {
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
    this.heading = page.getByRole('heading', { name: support.title, level: 1 });
    this.category = page.getByLabel(support.category, { exact: true });
    this.description = page.getByLabel(support.description, { exact: true });
    this.submit = page.getByRole('main').getByRole('button', { name: support.submit, exact: true });
    this.confirmation = page
      .getByRole('main')
      .getByRole('status')
      .filter({ hasText: templatePattern(support.ticket) });
  }

  async open(): Promise<void> {
    await this.page.goto(this.target.urls.support);
    await this.heading.waitFor();
  }

  /** Fills and sends the form; waits for the answer. `category` is a key of labels.shop.support.categories. */
  async send(category: string, description: string): Promise<void> {
    const label = this.target.labels.shop.support.categories[category];
    if (!label) throw new Error(`the target's labels name no support category "${category}"`);
    await this.heading.waitFor();
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
