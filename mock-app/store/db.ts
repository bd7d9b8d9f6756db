import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

const MIGRATIONS: string[] = [
  `CREATE TABLE accounts (
     id TEXT PRIMARY KEY,
     email TEXT NOT NULL UNIQUE,
     password_hash TEXT NOT NULL,
     name TEXT NOT NULL,
     country TEXT NOT NULL DEFAULT 'ID',
     locale TEXT,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE cards (
     id TEXT PRIMARY KEY,
     account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
     brand TEXT NOT NULL,
     last4 TEXT NOT NULL,
     exp_month INTEGER NOT NULL,
     exp_year INTEGER NOT NULL,
     holder TEXT NOT NULL,
     fingerprint TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     UNIQUE (account_id, fingerprint)
   );
   CREATE TABLE orders (
     id TEXT PRIMARY KEY,
     account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
     product_id TEXT NOT NULL,
     amount_cents INTEGER NOT NULL,
     method TEXT NOT NULL,
     card_brand TEXT,
     card_last4 TEXT,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // Cards a screen pretends to have removed (fault remove-partial); the card itself stays stored.
  `CREATE TABLE card_hidden (
     card_id TEXT NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
     screen TEXT NOT NULL,
     PRIMARY KEY (card_id, screen)
   );`,
  // Shop: the card an order was paid with (keyed fingerprint, for F4 refunds), disputes, the wallet
  // balance as a ledger (F4: spendable in the shop only) and support tickets (F10).
  `ALTER TABLE orders ADD COLUMN card_fingerprint TEXT;
   CREATE TABLE disputes (
     id TEXT PRIMARY KEY,
     account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
     order_id TEXT NOT NULL UNIQUE REFERENCES orders(id) ON DELETE CASCADE,
     reason TEXT NOT NULL,
     status TEXT NOT NULL DEFAULT 'open',
     refund_to TEXT,
     created_at INTEGER NOT NULL,
     resolved_at INTEGER
   );
   CREATE TABLE balance_entries (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
     cents INTEGER NOT NULL,
     reason TEXT NOT NULL,
     ref TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE support_tickets (
     id TEXT PRIMARY KEY,
     account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
     category TEXT NOT NULL,
     description TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );`,
  // Wallet accounts (R2), their 24-hour confirmation links (hash only), captchas, card verification
  // (F8) and History (first written by triggers, now by the domain: see the migration below).
  `CREATE TABLE wallet_accounts (
     account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
     email TEXT NOT NULL,
     status TEXT NOT NULL,
     payment_password_hash TEXT,
     security_json TEXT,
     identity_json TEXT,
     phone TEXT,
     extra_identity_json TEXT,
     created_at INTEGER NOT NULL,
     activated_at INTEGER
   );
   CREATE TABLE wallet_confirmations (
     token_hash TEXT PRIMARY KEY,
     account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
     email TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE wallet_captchas (id TEXT PRIMARY KEY, answer TEXT NOT NULL, created_at INTEGER NOT NULL);
   CREATE TABLE wallet_card_checks (
     card_id TEXT PRIMARY KEY REFERENCES cards(id) ON DELETE CASCADE,
     verified_at INTEGER NOT NULL
   );
   CREATE TABLE wallet_history (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     account_id TEXT NOT NULL,
     kind TEXT NOT NULL,
     brand TEXT NOT NULL,
     last4 TEXT NOT NULL,
     at INTEGER NOT NULL
   );
   CREATE TRIGGER wallet_history_added AFTER INSERT ON cards BEGIN
     INSERT INTO wallet_history (account_id, kind, brand, last4, at)
     VALUES (NEW.account_id, 'added', NEW.brand, NEW.last4, NEW.created_at);
   END;
   CREATE TRIGGER wallet_history_removed AFTER DELETE ON cards BEGIN
     INSERT INTO wallet_history (account_id, kind, brand, last4, at)
     VALUES (OLD.account_id, 'removed', OLD.brand, OLD.last4,
       CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
       + COALESCE((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'clock_offset_ms'), 0));
   END;`,
  // History is written by the domain (wallet/history.ts) with the buyer's own clock; the triggers above
  // re-implemented the clock in SQL and missed the per-buyer offset.
  `DROP TRIGGER wallet_history_added;
   DROP TRIGGER wallet_history_removed;`,
  // Fault remove-keeps-mobile-site: the mobile site's stale list keeps showing a removed card (a copy
  // of its brand, last 4 and expiry; never the number).
  `CREATE TABLE card_stale (
     account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
     screen TEXT NOT NULL,
     card_json TEXT NOT NULL
   );`,
];

/** Opens (and migrates) the store. ':memory:' for tests; a file under data/ otherwise. */
export function openDb(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
  const current = row?.version ?? 0;
  db.transaction(() => {
    for (let v = current; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]!);
    if (!row) db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(MIGRATIONS.length);
    else db.prepare('UPDATE schema_version SET version = ?').run(MIGRATIONS.length);
  })();
  return db;
}
