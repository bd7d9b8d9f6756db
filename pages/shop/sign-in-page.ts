import type { Locator, Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';
import { fillSecret } from '../common/secret-field.ts';

export class SignInPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;

  constructor(
    private readonly page: Page,
    private readonly target: TargetProfile,
  ) {
    const { common } = target.labels;
    this.email = page.getByLabel(common.email, { exact: true });
    this.password = page.getByLabel(common.password, { exact: true });
    this.submit = page.getByRole('main').getByRole('button', { name: common.signIn, exact: true });
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.goto(this.target.urls.signIn);
    await this.email.fill(email);
    await fillSecret(this.password, password);
    await this.submit.click();
    await this.submit.waitFor({ state: 'detached' });
  }
}
