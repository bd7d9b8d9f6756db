import type { Locator, Page } from '@playwright/test';
import { DEFAULT_SIGN_UP_FIELDS, type FieldKind } from '../../support/profile-screens.ts';
import type { TargetProfile } from '../../support/target.ts';
import { Finder } from '../common/find.ts';
import { gotoScreen } from '../common/goto-screen.ts';
import { fillSecret } from '../common/secret-field.ts';

/** What a new account is made of; the form asks the subset the profile's `forms.signUp` names. */
export interface SignUpDetails {
  email: string;
  password: string;
  name: string;
  /** ISO code, where the form asks a country; the form shows its name from labels.shop.countries. */
  country?: string;
  /** Typed where the form asks a phone; default: the profile's `accounts.signUp.phone` with random digits. */
  phone?: string;
}

/**
 * The shop's sign-up form. Its fields come from the profile (`forms.signUp`: label key -> kind of
 * value; default email, password, name, country), so a form that asks a phone and no country needs
 * no code change.
 */
export class SignUpPage {
  readonly screen = 'signUp' as const;
  readonly where = 'sign-up page';
  readonly find: Finder;
  readonly heading: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(
    private readonly page: Page,
    private readonly target: TargetProfile,
  ) {
    this.find = new Finder(page, target, this.screen, this.where);
    this.heading = this.find.heading('shop.signUp.title').locator;
    this.submit = this.find.control('shop.signUp.submit', {
      within: page.getByRole('main'),
      roles: ['button'],
    }).locator;
    this.error = page.getByRole('alert');
  }

  /** The form's fields in order: label key -> kind. */
  get fields(): [string, FieldKind][] {
    return Object.entries(this.target.forms.signUp ?? DEFAULT_SIGN_UP_FIELDS);
  }

  /** Whether the form asks a field of this kind (F1 needs `country`). */
  asks(kind: FieldKind): boolean {
    return this.fields.some(([, k]) => k === kind);
  }

  async open(): Promise<void> {
    await gotoScreen(this.page, this.target.urls.signUp, this.where);
    await this.find.need(this.find.heading('shop.signUp.title'));
  }

  async fill(details: SignUpDetails): Promise<void> {
    for (const [key, kind] of this.fields) {
      const field = this.find.field(key);
      await this.find.need(field);
      if (kind === 'country') {
        if (!details.country)
          throw new Error(
            "the target's sign-up form asks a country and none was given (accounts.signUp.country)",
          );
        const countryName = this.target.labels.shop.countries[details.country];
        if (!countryName)
          throw new Error(`the target's labels name no country "${details.country}" (labels.shop.countries)`);
        await field.locator.selectOption({ label: countryName });
      } else if (kind === 'password' || kind === 'password-repeat')
        await fillSecret(field.locator, details.password);
      else await field.locator.fill(typedValue(kind, { ...details, phone: details.phone ?? this.phone() }));
    }
  }

  /** A phone number from the profile's template (`accounts.signUp.phone`, `{n}` = 8 random digits). */
  private phone(): string {
    const { accounts } = this.target;
    const template = (accounts.source === 'pool' && accounts.signUp?.phone) || '+62 812 {n}';
    return template.replace('{n}', Array.from({ length: 8 }, () => Math.floor(Math.random() * 10)).join(''));
  }

  /** Creates the account; the browser is signed in as it afterwards. */
  async signUp(details: SignUpDetails): Promise<void> {
    await this.open();
    await this.fill(details);
    await this.submit.click();
    await this.submit.waitFor({ state: 'detached' });
  }
}

function typedValue(kind: Exclude<FieldKind, 'country'>, d: SignUpDetails & { phone: string }): string {
  switch (kind) {
    case 'email':
      return d.email;
    case 'password':
    case 'password-repeat':
      return d.password;
    case 'name':
      return d.name;
    case 'phone':
      return d.phone;
  }
}
