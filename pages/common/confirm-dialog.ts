import type { Locator, Page } from '@playwright/test';
import type { Labels } from '../../support/labels/index.ts';

/** The modal that asks "Delete this card?". */
export class ConfirmDialog {
  readonly dialog: Locator;

  constructor(page: Page, labels: Labels, title: string) {
    this.dialog = page.getByRole('dialog', { name: title });
    this.confirmButton = this.dialog.getByRole('button', { name: labels.common.confirm, exact: true });
    this.cancelButton = this.dialog.getByRole('button', { name: labels.common.cancel, exact: true });
  }

  private readonly confirmButton: Locator;
  private readonly cancelButton: Locator;

  async confirm(): Promise<void> {
    await this.confirmButton.click();
    await this.dialog.waitFor({ state: 'hidden' });
  }

  async cancel(): Promise<void> {
    await this.cancelButton.click();
    await this.dialog.waitFor({ state: 'hidden' });
  }
}
