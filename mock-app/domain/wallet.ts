import { createHash, randomBytes, scryptSync } from 'node:crypto';
import type { Db } from '../store/db.ts';
import { captchaAnswer } from './captcha.ts';
import type { ValidCard } from './card-input.ts';
import type { StoredCard } from './cards.ts';
import type { Clock } from './clock.ts';
import type { Faults } from './faults.ts';
import { newId } from './ids.ts';
import { nameKey } from './names.ts';

const HOUR = 3_600_000;
/** A confirmation link works for 24 hours after it was sent (R2). */
export const CONFIRM_LINK_MS = 24 * HOUR;
/** A card added in the wallet is verified 24 hours after it was linked (F8). */
export const VERIFY_MS = 24 * HOUR;
/** The amount the wallet debits to check a new card, in cents (F8: $0.01). */
export const CHECK_DEBIT_CENTS = 1;
const CAPTCHA_TTL_MS = 15 * 60_000;
const HELD_CARD_TTL_MS = 10 * 60_000;

export const SECURITY_QUESTIONS = [
  'firstPet',
  'birthCity',
  'firstSchool',
  'childhoodFriend',
  'firstCar',
] as const;
export const DOCUMENT_TYPES = ['passport', 'nationalId', 'insurancePolicy'] as const;
export const CITIZENSHIPS = ['ID', 'MY', 'SG', 'PH', 'RU', 'US', 'GB', 'DE'] as const;

export type WalletStatus = 'email-sent' | 'confirmed' | 'secured' | 'active';
export type CardState = 'pending' | 'verified' | 'expired';

export interface Identity {
  fullName: string;
  birthDate: string;
  citizenship: string;
  documentType: string;
  documentNumber: string;
  address: string;
  phone: string;
}

export interface WalletAccount {
  accountId: string;
  email: string;
  status: WalletStatus;
  phone: string | null;
  extraIdentity: boolean;
}

export interface HistoryEntry {
  kind: 'added' | 'removed';
  brand: string;
  last4: string;
  at: number;
}

export type ConfirmResult = 'confirmed' | 'expired' | 'unknown';

function hashSecret(secret: string): string {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${scryptSync(secret, salt, 32).toString('hex')}`;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * A buyer's wallet account (none until opened: R2) and the wallet's own rules around cards:
 * captcha, 24-hour confirmation links, payment password and security questions, identity,
 * card verification (F8), the extra identity check for risky cards (F11), History.
 */
export class Wallet {
  /** Risky cards waiting for extra identity data, in memory only and briefly: never stored. */
  private readonly held = new Map<
    string,
    { accountId: string; card: ValidCard; replaces?: string; until: number }
  >();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly faults: Faults,
    readonly riskyPrefix: string,
  ) {}

  /** The captcha answer always accepted (the mock's test key); empty = none. */
  captchaTestAnswer = CAPTCHA_TEST_ANSWER;

  account(accountId: string): WalletAccount | undefined {
    const row = this.db
      .prepare(
        'SELECT account_id AS accountId, email, status, phone, extra_identity_json AS extra FROM wallet_accounts WHERE account_id = ?',
      )
      .get(accountId) as (Omit<WalletAccount, 'extraIdentity'> & { extra: string | null }) | undefined;
    if (!row) return undefined;
    const { extra, ...rest } = row;
    return { ...rest, extraIdentity: extra !== null };
  }

  isOpen(accountId: string): boolean {
    return this.account(accountId)?.status === 'active';
  }

  // --- captcha -------------------------------------------------------------------------------

  newCaptcha(): string {
    const id = newId('cap');
    this.db
      .prepare('DELETE FROM wallet_captchas WHERE created_at < ?')
      .run(this.clock.now() - CAPTCHA_TTL_MS);
    this.db
      .prepare('INSERT INTO wallet_captchas (id, answer, created_at) VALUES (?, ?, ?)')
      .run(id, captchaAnswer(), this.clock.now());
    return id;
  }

  captchaText(id: string): string | undefined {
    const row = this.db.prepare('SELECT answer FROM wallet_captchas WHERE id = ?').get(id) as
      | { answer: string }
      | undefined;
    return row?.answer;
  }

  /** One try per captcha: right or wrong, it is used up. The test answer is always accepted. */
  solveCaptcha(id: string, answer: string): boolean {
    const testAnswer = this.captchaTestAnswer;
    const expected = this.captchaText(id);
    this.db.prepare('DELETE FROM wallet_captchas WHERE id = ?').run(id);
    const given = answer.trim();
    if (testAnswer && given === testAnswer) return true;
    return expected !== undefined && given === expected;
  }

  // --- opening the wallet (R2) ----------------------------------------------------------------

  /** Records a confirmation email to send; returns the link token (only its hash is stored). */
  startOpening(accountId: string, email: string): string {
    if (this.isOpen(accountId)) throw new Error('wallet already open');
    const now = this.clock.now(accountId);
    this.db
      .prepare(
        `INSERT INTO wallet_accounts (account_id, email, status, created_at) VALUES (?, ?, 'email-sent', ?)
         ON CONFLICT(account_id) DO UPDATE SET email = excluded.email`,
      )
      .run(accountId, email, now);
    const token = randomBytes(24).toString('base64url');
    this.db
      .prepare(
        'INSERT INTO wallet_confirmations (token_hash, account_id, email, created_at) VALUES (?, ?, ?, ?)',
      )
      .run(sha256(token), accountId, email, now);
    return token;
  }

  /** The address of the last confirmation email, for "send it again". */
  pendingEmail(accountId: string): string | undefined {
    const account = this.account(accountId);
    return account && account.status !== 'active' ? account.email : undefined;
  }

  confirm(accountId: string, token: string): ConfirmResult {
    const row = this.db
      .prepare(
        'SELECT created_at AS createdAt FROM wallet_confirmations WHERE token_hash = ? AND account_id = ?',
      )
      .get(sha256(token), accountId) as { createdAt: number } | undefined;
    if (!row) return 'unknown';
    if (this.faults.has('confirm-expired') || this.clock.now(accountId) - row.createdAt > CONFIRM_LINK_MS)
      return 'expired';
    this.db
      .prepare(
        "UPDATE wallet_accounts SET status = 'confirmed' WHERE account_id = ? AND status IN ('email-sent', 'confirmed')",
      )
      .run(accountId);
    return 'confirmed';
  }

  setSecurity(accountId: string, security: SecurityInput): void {
    this.db
      .prepare(
        "UPDATE wallet_accounts SET payment_password_hash = ?, security_json = ?, status = 'secured' WHERE account_id = ?",
      )
      .run(
        hashSecret(security.password),
        JSON.stringify(security.questions.map((q) => ({ q: q.question, a: hashSecret(nameKey(q.answer)) }))),
        accountId,
      );
  }

  setIdentity(accountId: string, identity: Identity): void {
    this.db
      .prepare(
        "UPDATE wallet_accounts SET identity_json = ?, phone = ?, status = 'active', activated_at = ? WHERE account_id = ?",
      )
      .run(JSON.stringify(identity), identity.phone, this.clock.now(accountId), accountId);
  }

  /** Control API: a wallet account opened earlier, in one step. */
  openDirectly(
    accountId: string,
    input: { email: string; paymentPassword: string; identity: Identity },
  ): void {
    this.startOpening(accountId, input.email);
    this.db.prepare("UPDATE wallet_accounts SET status = 'confirmed' WHERE account_id = ?").run(accountId);
    this.setSecurity(accountId, {
      password: input.paymentPassword,
      questions: SECURITY_QUESTIONS.slice(0, 3).map((question) => ({ question, answer: 'cardwatch' })),
    });
    this.setIdentity(accountId, input.identity);
  }

  // --- cards in the wallet (F8, F9, F11) -------------------------------------------------------

  /** A card linked in the wallet stays "pending verification" for 24 hours. */
  startVerification(accountId: string, cardId: string): void {
    this.db
      .prepare('INSERT OR REPLACE INTO wallet_card_checks (card_id, verified_at) VALUES (?, ?)')
      .run(cardId, this.clock.now(accountId) + VERIFY_MS);
  }

  /** As the buyer's clock sees it (expired, pending verification, verified). */
  stateOf(accountId: string, card: StoredCard): CardState {
    const now = this.clock.now(accountId);
    if (Date.UTC(card.expYear, card.expMonth, 1) <= now) return 'expired';
    const check = this.db
      .prepare('SELECT verified_at AS at FROM wallet_card_checks WHERE card_id = ?')
      .get(card.id) as { at: number } | undefined;
    return check && check.at > now ? 'pending' : 'verified';
  }

  isRisky(card: ValidCard): boolean {
    return card.pan.startsWith(this.riskyPrefix);
  }

  /** Keeps a risky card in memory until the buyer gives the extra identity data (F11). */
  hold(accountId: string, card: ValidCard, replaces?: string): string {
    const now = this.clock.now();
    for (const [key, h] of this.held) if (h.until < now) this.held.delete(key);
    const token = randomBytes(18).toString('base64url');
    this.held.set(token, { accountId, card, replaces, until: now + HELD_CARD_TTL_MS });
    return token;
  }

  peek(accountId: string, token: string): { card: ValidCard } | undefined {
    const h = this.held.get(token);
    return h && h.accountId === accountId && h.until >= this.clock.now() ? { card: h.card } : undefined;
  }

  release(accountId: string, token: string): { card: ValidCard; replaces?: string } | undefined {
    const h = this.held.get(token);
    if (!h || h.accountId !== accountId || h.until < this.clock.now()) return undefined;
    this.held.delete(token);
    return { card: h.card, replaces: h.replaces };
  }

  setExtraIdentity(accountId: string, extra: ExtraIdentity): void {
    this.db
      .prepare('UPDATE wallet_accounts SET extra_identity_json = ? WHERE account_id = ?')
      .run(JSON.stringify(extra), accountId);
  }

  /** Every addition and removal of the buyer's cards, newest first (recorded by store triggers). */
  history(accountId: string): HistoryEntry[] {
    return this.db
      .prepare(
        'SELECT kind, brand, last4, at FROM wallet_history WHERE account_id = ? ORDER BY at DESC, id DESC',
      )
      .all(accountId) as HistoryEntry[];
  }

  reset(): void {
    this.held.clear();
    this.db.exec('DELETE FROM wallet_captchas; DELETE FROM wallet_history;');
  }
}

// --- form validation -----------------------------------------------------------------------------

export interface SecurityInput {
  password: string;
  questions: { question: string; answer: string }[];
}

export type SecurityField =
  | 'password'
  | 'passwordRepeat'
  | 'question1'
  | 'question2'
  | 'question3'
  | 'answer1'
  | 'answer2'
  | 'answer3';

export function validateSecurity(form: Record<string, string | undefined>): {
  value?: SecurityInput;
  errors: SecurityField[];
} {
  const errors: SecurityField[] = [];
  const password = form.password ?? '';
  if (!/^\d{6}$/.test(password)) errors.push('password');
  else if (password !== form.passwordRepeat) errors.push('passwordRepeat');
  const questions: SecurityInput['questions'] = [];
  const seen = new Set<string>();
  for (const n of [1, 2, 3] as const) {
    const question = form[`question${n}`] ?? '';
    const answer = (form[`answer${n}`] ?? '').trim();
    if (!(SECURITY_QUESTIONS as readonly string[]).includes(question) || seen.has(question))
      errors.push(`question${n}`);
    seen.add(question);
    if (answer.length < 1 || answer.length > 100) errors.push(`answer${n}`);
    questions.push({ question, answer });
  }
  return errors.length ? { errors } : { value: { password, questions }, errors };
}

export type IdentityField = keyof Identity;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function validateIdentity(
  form: Record<string, string | undefined>,
  now: number,
): { value?: Identity; errors: IdentityField[] } {
  const errors: IdentityField[] = [];
  const v = (k: IdentityField) => (form[k] ?? '').trim();
  const identity: Identity = {
    fullName: v('fullName'),
    birthDate: v('birthDate'),
    citizenship: v('citizenship'),
    documentType: v('documentType'),
    documentNumber: v('documentNumber'),
    address: v('address'),
    phone: v('phone'),
  };
  if (identity.fullName.length < 2 || identity.fullName.length > 80) errors.push('fullName');
  const m = ISO_DATE.exec(identity.birthDate);
  const born = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  const valid = m && new Date(born).getUTCDate() === Number(m[3]);
  const adult = born <= now - 18 * 365.25 * 24 * HOUR;
  if (!valid || !adult || Number(m[1]) < 1900) errors.push('birthDate');
  if (!(CITIZENSHIPS as readonly string[]).includes(identity.citizenship)) errors.push('citizenship');
  if (!(DOCUMENT_TYPES as readonly string[]).includes(identity.documentType)) errors.push('documentType');
  if (!/^[A-Za-z0-9 -]{0,30}$/.test(identity.documentNumber)) errors.push('documentNumber');
  if (identity.address.length < 5 || identity.address.length > 200) errors.push('address');
  const digits = identity.phone.replace(/[\s()-]/g, '');
  if (!/^\+?\d{7,15}$/.test(digits)) errors.push('phone');
  return errors.length ? { errors } : { value: identity, errors };
}

export interface ExtraIdentity {
  documentNumber: string;
  placeOfBirth: string;
}

export function validateExtraIdentity(form: Record<string, string | undefined>): {
  value?: ExtraIdentity;
  errors: (keyof ExtraIdentity)[];
} {
  const documentNumber = (form.documentNumber ?? '').trim();
  const placeOfBirth = (form.placeOfBirth ?? '').trim();
  const errors: (keyof ExtraIdentity)[] = [];
  if (!/^[A-Za-z0-9 -]{4,30}$/.test(documentNumber)) errors.push('documentNumber');
  if (placeOfBirth.length < 2 || placeOfBirth.length > 80) errors.push('placeOfBirth');
  return errors.length ? { errors } : { value: { documentNumber, placeOfBirth }, errors };
}

export function moneyText(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}

/** Card numbers starting with this BIN are "risky" to the mock's wallet: linking asks for extra identity (F11). */
export const RISKY_CARD_PREFIX = '400066';
/** The captcha answer always accepted, like a sandbox's captcha test key (MOCK_CAPTCHA_TEST_ANSWER overrides it). */
export const CAPTCHA_TEST_ANSWER = 'cardwatch-captcha-ok';
