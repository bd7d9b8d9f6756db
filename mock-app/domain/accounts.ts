import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Db } from '../store/db.ts';
import type { Clock } from './clock.ts';
import { newId } from './ids.ts';

export interface Account {
  id: string;
  email: string;
  name: string;
  country: string;
  locale: string | null;
}

function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${scryptSync(password, salt, 32).toString('hex')}`;
}

function passwordMatches(password: string, stored: string): boolean {
  const [saltHex, hashHex] = stored.split(':');
  const expected = Buffer.from(hashHex ?? '', 'hex');
  const actual = scryptSync(password, Buffer.from(saltHex ?? '', 'hex'), 32);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export class Accounts {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  create(input: {
    email: string;
    password: string;
    name: string;
    country?: string;
    locale?: string;
  }): Account {
    const id = newId('acct');
    this.db
      .prepare(
        'INSERT INTO accounts (id, email, password_hash, name, country, locale, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        id,
        input.email.toLowerCase(),
        hashPassword(input.password),
        input.name,
        input.country ?? 'ID',
        input.locale ?? null,
        this.clock.now(),
      );
    return this.get(id)!;
  }

  get(id: string): Account | undefined {
    return this.db.prepare('SELECT id, email, name, country, locale FROM accounts WHERE id = ?').get(id) as
      | Account
      | undefined;
  }

  emailTaken(email: string): boolean {
    return (
      this.db.prepare('SELECT 1 FROM accounts WHERE email = ?').get(email.trim().toLowerCase()) !== undefined
    );
  }

  authenticate(email: string, password: string): Account | undefined {
    const row = this.db
      .prepare('SELECT id, password_hash FROM accounts WHERE email = ?')
      .get(email.trim().toLowerCase()) as { id: string; password_hash: string } | undefined;
    if (!row || !passwordMatches(password, row.password_hash)) return undefined;
    return this.get(row.id);
  }

  openSession(accountId: string): string {
    const sid = randomBytes(24).toString('base64url');
    this.db
      .prepare('INSERT INTO sessions (id, account_id, created_at) VALUES (?, ?, ?)')
      .run(sid, accountId, this.clock.now());
    return sid;
  }

  closeSession(sid: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id = ?').run(sid);
  }

  bySession(sid: string): Account | undefined {
    const row = this.db.prepare('SELECT account_id FROM sessions WHERE id = ?').get(sid) as
      | { account_id: string }
      | undefined;
    return row ? this.get(row.account_id) : undefined;
  }
}
