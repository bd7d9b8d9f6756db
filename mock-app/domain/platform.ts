import type { Db } from '../store/db.ts';
import { Accounts } from './accounts.ts';
import { Cards } from './cards.ts';
import { Clock } from './clock.ts';
import { Faults, type FaultName } from './faults.ts';
import { Orders } from './orders.ts';

/** The mock's whole domain over one store: every origin reads and writes through this. */
export class Platform {
  readonly clock: Clock;
  readonly faults: Faults;
  readonly accounts: Accounts;
  readonly cards: Cards;
  readonly orders: Orders;

  constructor(
    readonly db: Db,
    options: { secret: string; faults?: FaultName[] },
  ) {
    this.clock = new Clock(db);
    this.faults = new Faults(options.faults);
    this.accounts = new Accounts(db, this.clock);
    this.cards = new Cards(db, this.clock, options.secret, () => (this.faults.has('card-limit') ? 6 : 5));
    this.orders = new Orders(db, this.clock);
  }

  /** Empties every table but the schema: a clean platform for a new run. */
  reset(): void {
    this.db.exec(
      'DELETE FROM orders; DELETE FROM cards; DELETE FROM sessions; DELETE FROM accounts; DELETE FROM settings;',
    );
  }
}
