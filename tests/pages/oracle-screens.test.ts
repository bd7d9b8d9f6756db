import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from '@playwright/test';
import { ORACLE_SCREENS, SCREEN_CATALOG } from '../../pages/screen-catalog.ts';
import { Screens } from '../../pages/screens.ts';
import { loadConfig } from '../../support/config.ts';
import { SCREEN_KEYS } from '../../support/profile-screens.ts';
import mockProfile from '../../targets/mock.ts';

/** A stand-in Page: every call returns another stand-in, so page objects can be built without a browser. */
function fakePage(): Page {
  const chain: unknown = new Proxy(() => {}, {
    get: (_t, prop) => (prop === 'then' ? undefined : chain),
    apply: () => chain,
  });
  return chain as Page;
}

const target = mockProfile(loadConfig({ MOCK_PORT_BASE: '5990' }));
const screens = new Screens(fakePage(), target);
const getters = Object.entries(Object.getOwnPropertyDescriptors(Screens.prototype))
  .filter(([, d]) => typeof d.get === 'function')
  .map(([name]) => name);

describe('the oracle screens (pages/screen-catalog.ts)', () => {
  it('lists every registry screen that lists cards, or excludes it with a written reason', () => {
    const listing = getters
      .map((name) => (screens as unknown as Record<string, { screen?: string; card?: unknown }>)[name]!)
      .filter((po) => typeof po.card === 'function');
    assert.ok(listing.length >= 6, `expected the card-list screens, found ${listing.length}`);
    for (const po of listing) {
      const key = po.screen as keyof typeof SCREEN_CATALOG;
      assert.ok(
        key && SCREEN_CATALOG[key],
        `${po.constructor.name} has no catalogue entry (screen "${String(key)}")`,
      );
      const lists = SCREEN_CATALOG[key].listsCards;
      assert.ok(
        lists === true || (typeof lists === 'object' && lists.excluded.length > 20),
        `${key} lists cards: put it in the oracle (listsCards: true) or exclude it with a reason`,
      );
    }
  });

  it('includes the mobile site card page, and cardLists() builds exactly the catalogue oracle screens', () => {
    assert.ok(ORACLE_SCREENS.includes('mobileSiteCards'));
    assert.deepEqual(
      screens.cardLists().map((l) => l.screen),
      ORACLE_SCREENS,
    );
  });

  it('has one entry per screen key, each with where, procedures and a listsCards decision', () => {
    assert.deepEqual(Object.keys(SCREEN_CATALOG).sort(), [...SCREEN_KEYS].sort());
    for (const [key, entry] of Object.entries(SCREEN_CATALOG)) {
      assert.ok(entry.where.length > 3, `${key}.where`);
      assert.ok(entry.procedures.length > 0, `${key}.procedures`);
    }
  });
});
