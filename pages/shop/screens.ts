import type { Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';
import { UrlTampering } from '../common/url-tampering.ts';
import { AccountPanel } from './account-panel.ts';
import { CheckoutPage } from './checkout-page.ts';
import { DisputesPage } from './disputes-page.ts';
import { OrdersPage } from './orders-page.ts';
import { SignUpPage } from './sign-up-page.ts';
import { SupportPage } from './support-page.ts';

/** The shop's page objects of one browser page, built on demand (steps: `shop(this).orders`). */
export class ShopScreens {
  constructor(
    readonly page: Page,
    private readonly target: TargetProfile,
  ) {}

  get signUp() {
    return new SignUpPage(this.page, this.target);
  }

  get accountPanel() {
    return new AccountPanel(this.page, this.target);
  }

  get checkout() {
    return new CheckoutPage(this.page, this.target);
  }

  get orders() {
    return new OrdersPage(this.page, this.target);
  }

  get disputes() {
    return new DisputesPage(this.page, this.target);
  }

  get support() {
    return new SupportPage(this.page, this.target);
  }

  get tampering() {
    return new UrlTampering(this.page, this.target);
  }
}

export function shop(on: { page: Page; target: TargetProfile }): ShopScreens {
  return new ShopScreens(on.page, on.target);
}
