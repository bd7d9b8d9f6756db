import type { Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';
import { Finder } from '../common/find.ts';
import { gotoScreen } from '../common/goto-screen.ts';

/** R5: the mobile app's home screen and its main menu. */
export class MobileAppHome {
  readonly screen = 'mobileApp' as const;
  readonly where = 'mobile app home';
  readonly find: Finder;

  constructor(
    private readonly page: Page,
    private readonly target: TargetProfile,
  ) {
    this.find = new Finder(page, target, this.screen, this.where);
  }

  async open(): Promise<void> {
    await gotoScreen(this.page, this.target.urls.mobileApp, this.where);
    await this.find.need(this.find.container('mobile.app.mainMenu'));
  }

  /** "My Profile" in the main menu; the profile shows its "My bank cards" tab or link. */
  async chooseMyProfile(): Promise<void> {
    const menu = this.find.container('mobile.app.mainMenu').locator;
    await this.find.click(this.find.control('mobile.app.myProfile', { within: menu }));
    await this.find.need(this.find.control('mobile.app.myBankCards'));
  }
}
