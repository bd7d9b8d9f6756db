import type { Locator, Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';
import { gotoScreen } from '../common/goto-screen.ts';

/** R4's entry: the buyer centre's question/answer page with its "check cards" button. */
export class HelpCentrePage {
  readonly heading: Locator;
  readonly checkCardsButton: Locator;
  /** The list "check cards" shows, once shown. */
  readonly linkedCards: Locator;

  constructor(
    private readonly page: Page,
    private readonly target: TargetProfile,
  ) {
    const { help } = target.labels;
    this.heading = page.getByRole('heading', { name: help.title, level: 1 });
    this.checkCardsButton = page.getByRole('button', { name: help.checkCards, exact: true });
    this.linkedCards = page.getByRole('region', { name: help.linkedCards });
  }

  async open(): Promise<void> {
    await gotoScreen(this.page, this.target.urls.helpCenter, 'help centre');
    await this.checkCardsButton.waitFor();
  }

  async checkCards(): Promise<void> {
    await this.checkCardsButton.click();
    await this.linkedCards.waitFor();
  }
}
