import type { Db } from '../store/db.ts';
import type { Cards, StoredCard } from './cards.ts';
import type { Faults } from './faults.ts';

/** Every screen that lists a buyer's cards. */
export type CardScreen = 'checkout' | 'wallet-direct' | 'wallet-home' | 'help' | 'mobile-app' | 'mobile-site';

/**
 * The cards each screen shows and removal as every screen does it: the one place the removal faults
 * live (remove-noop, remove-partial, remove-keeps-mobile-site; see fault-table.ts).
 */
export class CardScreens {
  constructor(
    private readonly db: Db,
    private readonly cards: Cards,
    private readonly faults: Faults,
  ) {}

  /**
   * The cards `screen` shows: the stored ones but those this screen only pretended to remove
   * (remove-partial), plus, on the mobile site, removed cards its stale list still shows
   * (remove-keeps-mobile-site).
   */
  cardsOn(screen: CardScreen, accountId: string): StoredCard[] {
    const hidden = new Set(
      (
        this.db.prepare('SELECT card_id FROM card_hidden WHERE screen = ?').all(screen) as {
          card_id: string;
        }[]
      ).map((r) => r.card_id),
    );
    const shown = this.cards.list(accountId).filter((c) => !hidden.has(c.id));
    if (screen !== 'mobile-site') return shown;
    const stale = (
      this.db
        .prepare('SELECT card_json FROM card_stale WHERE account_id = ? AND screen = ? ORDER BY rowid')
        .all(accountId, screen) as { card_json: string }[]
    ).map((r) => JSON.parse(r.card_json) as StoredCard);
    return [...shown, ...stale].sort((a, b) => a.createdAt - b.createdAt);
  }

  /**
   * Removes the buyer's card as `screen` does it; answers the card as it was, or undefined when it is
   * not this buyer's (the screen answers 404).
   */
  removeCard(screen: CardScreen, accountId: string, cardId: string): StoredCard | undefined {
    const card = this.cards.find(accountId, cardId);
    if (!card) return undefined;
    if (this.faults.has('remove-noop')) return card;
    if (this.faults.has('remove-partial')) {
      this.db
        .prepare('INSERT OR IGNORE INTO card_hidden (card_id, screen) VALUES (?, ?)')
        .run(cardId, screen);
      return card;
    }
    this.cards.remove(accountId, cardId);
    if (this.faults.has('remove-keeps-mobile-site'))
      this.db
        .prepare('INSERT INTO card_stale (account_id, screen, card_json) VALUES (?, ?, ?)')
        .run(accountId, 'mobile-site', JSON.stringify(card));
    return card;
  }

  reset(): void {
    this.db.exec('DELETE FROM card_hidden; DELETE FROM card_stale;');
  }
}
