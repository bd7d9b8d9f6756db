import type { Db } from '../store/db.ts';
import { Accounts } from './accounts.ts';
import { Balance } from './balance.ts';
import { type CardScreen, CardScreens } from './card-screens.ts';
import { Cards, type StoredCard } from './cards.ts';
import { Checkout } from './checkout.ts';
import { Clock } from './clock.ts';
import { Disputes } from './disputes.ts';
import { type FaultName, Faults } from './faults.ts';
import { type Mailer, MemoryMailer } from './mail.ts';
import { Orders } from './orders.ts';
import { SupportTickets } from './tickets.ts';
import { Wallet } from './wallet.ts';
import { WalletHistory } from './wallet/history.ts';

export type { CardScreen } from './card-screens.ts';

/** The mock's whole domain over one store: every origin reads and writes through this. */
export class Platform {
  readonly clock: Clock;
  readonly faults: Faults;
  readonly accounts: Accounts;
  readonly cards: Cards;
  readonly screens: CardScreens;
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
    this.mailer = options.mailer ?? new MemoryMailer();
    const maxCards = () => (this.faults.has('card-limit') ? 6 : 5);
    const history = new WalletHistory(db, this.clock);
    this.accounts = new Accounts(db, this.clock);
    this.cards = new Cards(db, this.clock, options.secret, history, maxCards);
    this.screens = new CardScreens(db, this.cards, this.faults);
    this.orders = new Orders(db, this.clock);
    const { clock, faults, mailer, cards, screens } = this;
    this.wallet = new Wallet({ db, clock, faults, mailer, cards, screens }, history);
    this.balance = new Balance(db, this.clock);
    this.disputes = new Disputes(db, this.clock, this.orders, this.balance);
    this.tickets = new SupportTickets(db, this.clock);
    this.checkout = new Checkout(db, this.clock, this.cards, this.orders, this.balance, maxCards);
  }

  /** The cards a screen shows (CardScreens.cardsOn). */
  cardsOn(screen: CardScreen, accountId: string): StoredCard[] {
    return this.screens.cardsOn(screen, accountId);
  }

  /** Removal as every screen does it: the card as it was, or undefined when it is not this buyer's (404). */
  removeCard(screen: CardScreen, accountId: string, cardId: string): StoredCard | undefined {
    return this.screens.removeCard(screen, accountId, cardId);
  }

  /** Empties every table but the schema: a clean platform for a new run. */
  reset(): void {
    this.screens.reset();
    this.db.exec(
      'DELETE FROM disputes; DELETE FROM balance_entries; DELETE FROM support_tickets; DELETE FROM orders; DELETE FROM cards; DELETE FROM sessions; DELETE FROM accounts; DELETE FROM settings;',
    );
    this.wallet.reset();
  }
}
