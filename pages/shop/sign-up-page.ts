import type { Locator, Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';
import { fillSecret } from '../common/secret-field.ts';

export interface SignUpDetails {
  email: string;
  password: string;
  name: string;
  /** ISO code; the form shows the country's name from the labels. */
  country: string;
}

export class SignUpPage {
  readonly heading: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly name: Locator;
  readonly country: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(
    private readonly page: Page,
    private readonly target: TargetProfile,
  ) {
    const { common, shop } = target.labels;
    this.heading = page.getByRole('heading', { name: shop.signUp.title, level: 1 });
    this.email = page.getByLabel(common.email, { exact: true });
    this.password = page.getByLabel(common.password, { exact: true });
    this.name = page.getByLabel(shop.signUp.name, { exact: true });
    this.country = page.getByLabel(shop.signUp.country, { exact: true });
    this.submit = page.getByRole('main').getByRole('button', { name: shop.signUp.submit, exact: true });
    this.error = page.getByRole('alert');
  }

  async open(): Promise<void> {
    await this.page.goto(this.target.urls.signUp);
    await this.heading.waitFor();
  }

  async fill(details: SignUpDetails): Promise<void> {
    const countryName = this.target.labels.shop.countries[details.country];
    if (!countryName) throw new Error(`the target's labels name no country "${details.country}"`);
    await this.email.fill(details.email);
    await fillSecret(this.password, details.password);
    await this.name.fill(details.name);
    await this.country.selectOption({ label: countryName });
  }

  /** Creates the account; the browser is signed in as it afterwards. */
  async signUp(details: SignUpDetails): Promise<void> {
    await this.open();
    await this.fill(details);
    await this.submit.click();
    await this.submit.waitFor({ state: 'detached' });
  }
}
