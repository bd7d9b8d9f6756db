import type { Locator, Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';
import { templatePattern } from '../../support/text-pattern.ts';

/** "My disputes": each dispute with its status and, once won, where the refund went (F4). */
export class DisputesPage {
  readonly heading: Locator;
  readonly list: Locator;

  constructor(
    private readonly page: Page,
    private readonly target: TargetProfile,
  ) {
    const { disputes } = target.labels.shop;
    this.heading = page.getByRole('heading', { name: disputes.title, level: 1 });
    this.list = page.getByRole('list', { name: disputes.title });
  }

  async open(): Promise<void> {
    await this.page.goto(this.target.urls.disputes);
    await this.heading.waitFor();
  }

  disputes(): Locator {
    return this.list.getByRole('listitem');
  }

  /** Disputes whose refund went to the wallet balance. */
  refundedToBalance(): Locator {
    return this.disputes().filter({
      hasText: templatePattern(this.target.labels.shop.disputes.refund.balance),
    });
  }

  /** Disputes whose refund went back to the card ending in `last4`. */
  refundedToCard(last4: string): Locator {
    const { refund } = this.target.labels.shop.disputes;
    return this.disputes()
      .filter({ hasText: templatePattern(refund.card) })
      .filter({ hasText: new RegExp(`(?<!\\d)${last4}(?!\\d)`) });
  }
}
