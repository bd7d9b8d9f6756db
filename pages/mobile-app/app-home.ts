import type { Locator, Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';
import { gotoScreen } from '../common/goto-screen.ts';

/** R5: the mobile app's home screen and its main menu. */
export class MobileAppHome {
  readonly mainMenu: Locator;
  readonly myProfile: Locator;
  /** The profile's tabs, shown once "My Profile" is open. */
  readonly profileTabs: Locator;

  constructor(
    private readonly page: Page,
    private readonly target: TargetProfile,
  ) {
    const { app } = target.labels.mobile;
    this.mainMenu = page.getByRole('navigation', { name: app.mainMenu });
    this.myProfile = this.mainMenu.getByRole('link', { name: app.myProfile, exact: true });
    this.profileTabs = page.getByRole('tab', { name: app.myBankCards, exact: true });
  }

  async open(): Promise<void> {
    await gotoScreen(this.page, this.target.urls.mobileApp, 'mobile app');
    await this.mainMenu.waitFor();
  }

  async chooseMyProfile(): Promise<void> {
    await this.myProfile.click();
    await this.profileTabs.waitFor();
  }
}
