import type { Db } from '../store/db.ts';
import { Accounts } from './accounts.ts';
import { Cards, type StoredCard } from './cards.ts';
import { Clock } from './clock.ts';
import { Faults, type FaultName } from './faults.ts';
import { type Mailer, MemoryMailer } from './mail.ts';
import { Orders } from './orders.ts';
import { RISKY_CARD_PREFIX, Wallet } from './wallet.ts';
import { Balance } from './balance.ts';
import { Checkout } from './checkout.ts';
import { Disputes } from './disputes.ts';
import { SupportTickets } from './tickets.ts';

/** Every screen that lists a buyer's cards. */
export type CardScreen = 'checkout' | 'wallet-direct' | 'wallet-home' | 'help' | 'mobile-app' | 'mobile-site';

/** The mock's whole domain over one store: every origin reads and writes through this. */
export class Platform {
  readonly clock: Clock;
  readonly faults: Faults;
  readonly accounts: Accounts;
  readonly cards: Cards;
  readonly orders: Orders;
  readonly wallet: Wallet;
  /** Where mail and SMS go: SMTP into the mail catcher when the mock runs, memory in HTTP tests. */
  readonly mailer: Mailer;
  readonly balance: Balance;
  readonly checkout: Checkout;
  readonly disputes: Disputes;
  readonly tickets: SupportTickets;

  constructor(
    readonly db: Db,
    options: { secret: string; faults?: FaultName[]; mailer?: Mailer },
  ) {
    this.clock = new Clock(db);
    this.faults = new Faults(options.faults);
    this.accounts = new Accounts(db, this.clock);
    this.cards = new Cards(db, this.clock, options.secret, () => (this.faults.has('card-limit') ? 6 : 5));
    this.orders = new Orders(db, this.clock);
    this.wallet = new Wallet(db, this.clock, this.faults, RISKY_CARD_PREFIX);
    this.mailer = options.mailer ?? new MemoryMailer();
    this.balance = new Balance(db, this.clock);
    this.disputes = new Disputes(db, this.clock, this.orders, this.balance);
    this.tickets = new SupportTickets(db, this.clock);
    this.checkout = new Checkout(db, this.clock, this.cards, this.orders, this.balance, () =>
      this.faults.has('card-limit') ? 6 : 5,
    );
  }

  /** The cards a screen shows: all stored cards but those this screen only pretended to remove. */
  cardsOn(screen: CardScreen, accountId: string): StoredCard[] {
    const hidden = new Set(
      (
        this.db.prepare('SELECT card_id FROM card_hidden WHERE screen = ?').all(screen) as {
          card_id: string;
        }[]
      ).map((r) => r.card_id),
    );
    return this.cards.list(accountId).filter((c) => !hidden.has(c.id));
  }

  /**
   * Removal as every screen does it. False when the card is not this buyer's (answer 404).
   * The faults live here, once: remove-noop keeps the card, remove-partial hides it from `screen` only.
   */
  removeCard(screen: CardScreen, accountId: string, cardId: string): boolean {
    if (!this.cards.find(accountId, cardId)) return false;
    if (this.faults.has('remove-noop')) return true;
    if (this.faults.has('remove-partial')) {
      this.db
        .prepare('INSERT OR IGNORE INTO card_hidden (card_id, screen) VALUES (?, ?)')
        .run(cardId, screen);
      return true;
    }
    return this.cards.remove(accountId, cardId);
  }

  /** Empties every table but the schema: a clean platform for a new run. */
  reset(): void {
    this.db.exec(
      'DELETE FROM card_hidden; DELETE FROM disputes; DELETE FROM balance_entries; DELETE FROM support_tickets; DELETE FROM orders; DELETE FROM cards; DELETE FROM sessions; DELETE FROM accounts; DELETE FROM settings;',
    );
    this.wallet.reset();
  }
}
