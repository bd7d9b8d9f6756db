import type { Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';
import { Finder } from '../common/find.ts';
import { gotoScreen } from '../common/goto-screen.ts';

/** R4's entry: the buyer centre's question/answer page with its "check cards" control. */
export class HelpCentrePage {
  readonly screen = 'helpCenter' as const;
  readonly where = 'help centre';
  readonly find: Finder;

  constructor(
    private readonly page: Page,
    private readonly target: TargetProfile,
  ) {
    this.find = new Finder(page, target, this.screen, this.where);
  }

  async open(): Promise<void> {
    await gotoScreen(this.page, this.target.urls.helpCenter, this.where);
    await this.find.need(this.find.control('help.checkCards'));
  }

  /** Presses "check cards"; the list (in place, or on a page of its own) is shown. */
  async checkCards(): Promise<void> {
    await this.find.click(this.find.control('help.checkCards'));
    await this.find.need(this.find.container('help.linkedCards'), this.find.plainText('help.noCards'));
  }
}
