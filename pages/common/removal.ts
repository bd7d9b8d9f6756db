import type { Locator } from '@playwright/test';
import type { ConfirmStep, Finder } from './find.ts';

/** A delete control was pressed; `confirm()` passes the confirm step (or checks the card went, where there is none). */
export class PendingRemoval {
  constructor(
    readonly step: ConfirmStep,
    private readonly gone: () => Promise<void>,
  ) {}

  /** Confirms: a dialog, alertdialog or confirm page when one shows (required where the profile says so). */
  async confirm(): Promise<void> {
    await this.step.pass(this.gone);
  }

  async cancel(): Promise<void> {
    await this.step.cancel();
  }
}

/**
 * Presses the control named like `deleteKey` (a button, link or menu item whose name starts with the
 * label, e.g. "Delete card VISA •••• 4242") inside the card's entry.
 */
export async function pressDelete(
  find: Finder,
  entry: Locator,
  deleteKey: string,
  confirmTitleKey: string,
): Promise<PendingRemoval> {
  await find.click(
    find.control(deleteKey, { within: entry, prefix: true, roles: ['button', 'link', 'menuitem'] }),
  );
  return new PendingRemoval(find.confirmStep(confirmTitleKey), () => entry.waitFor({ state: 'detached' }));
}
