import { expect } from '@playwright/test';
import type { CardwatchWorld } from '../fixtures/world.ts';
import type { StepApi } from './api.ts';

/**
 * The card must be absent from every screen that lists cards, in this session and in a new one,
 * and (where the target lets us look) from the store itself. A "removed" message proves nothing.
 */
export async function expectCardNowhere(world: CardwatchWorld): Promise<void> {
  const { last4, brand } = world.card();
  const sessions = [
    ['this session', async () => world.screens],
    ['a new session', () => world.newSession()],
  ] as const;
  for (const [session, screensOf] of sessions) {
    const screens = await screensOf();
    for (const list of screens.cardLists()) {
      // open() proves the list (or the target's "no cards" text) is shown: a screen that cannot be
      // opened is reported as such, never as "the card is gone".
      try {
        await list.open();
      } catch (error) {
        throw new Error(
          `the oracle could not open the ${list.where} (screens.${list.screen}, ${session}): ${(error as Error).message}`,
        );
      }
      await expect(
        list.card(last4),
        `${brand} •••• ${last4} is still shown on the ${list.where} (${session})`,
      ).toHaveCount(0);
    }
  }
  const stored = await world.storedCards();
  if (stored) {
    expect(
      stored.map((c) => c.last4),
      `${brand} •••• ${last4} is still in the platform's store`,
    ).not.toContain(last4);
  }
}

export function registerOracleSteps({ Then }: StepApi) {
  Then('the card is removed everywhere', async function () {
    await this.phase('oracle', () => expectCardNowhere(this));
  });

  Then('the card is not stored anywhere', async function () {
    await this.phase('oracle', () => expectCardNowhere(this));
  });
}
