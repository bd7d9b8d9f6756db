import { createHash, randomBytes, scryptSync } from 'node:crypto';
import type { Db } from '../../store/db.ts';
import type { Clock } from '../clock.ts';
import type { Faults } from '../faults.ts';
import type { Mailer } from '../mail.ts';
import { nameKey } from '../names.ts';
import type { Captchas } from './captchas.ts';
import {
  type ExtraIdentity,
  type Identity,
  type IdentityField,
  SECURITY_QUESTIONS,
  type SecurityField,
  type SecurityInput,
  validateIdentity,
  validateSecurity,
  validEmail,
} from './forms.ts';
import type { WalletNotices } from './notices.ts';

const HOUR = 3_600_000;
/** A confirmation link works for 24 hours after it was sent (R2). */
export const CONFIRM_LINK_MS = 24 * HOUR;

/** none -> email-sent -> confirmed (email) -> secured (password, questions) -> active (identity). */
export type WalletStatus = 'email-sent' | 'confirmed' | 'secured' | 'active';
export type ConfirmResult = 'confirmed' | 'expired' | 'unknown';

export interface WalletAccount {
  accountId: string;
  email: string;
  status: WalletStatus;
  phone: string | null;
  extraIdentity: boolean;
}

function hashSecret(secret: string): string {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${scryptSync(secret, salt, 32).toString('hex')}`;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Opening a wallet account (R2): email + captcha -> a confirmation mail whose link works for 24 hours
 * of the buyer's clock -> payment password and security questions -> identity. A buyer has none until then.
 */
export class WalletOnboarding {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly faults: Faults,
    private readonly captchas: Captchas,
    private readonly mailer: Mailer,
  ) {}

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

  /** Where the buyer stands: 'none' before the first confirmation mail. */
  statusOf(accountId: string): WalletStatus | 'none' {
    return this.account(accountId)?.status ?? 'none';
  }

  /**
   * "Send confirmation email": the address must look like one and the captcha must be solved (one try).
   * Then the mail goes out (fault mail-not-sent: it does not). Errors name the fields.
   */
  async requestOpening(
    accountId: string,
    form: { email: string; captchaId: string; captcha: string },
    notices: WalletNotices,
  ): Promise<{ errors: ('email' | 'captcha')[] }> {
    const email = validEmail(form.email);
    const errors: ('email' | 'captcha')[] = [];
    if (!email) errors.push('email');
    if (!this.captchas.solve(form.captchaId.slice(0, 40), form.captcha.slice(0, 64))) errors.push('captcha');
    if (errors.length || !email) return { errors };
    await this.sendConfirmation(accountId, email, notices);
    return { errors };
  }

  /** "Send the email again" to the pending address; false when nothing is pending (open already, or never asked). */
  async resendConfirmation(accountId: string, notices: WalletNotices): Promise<boolean> {
    const email = this.pendingEmail(accountId);
    if (!email) return false;
    await this.sendConfirmation(accountId, email, notices);
    return true;
  }

  private async sendConfirmation(accountId: string, email: string, notices: WalletNotices): Promise<void> {
    const token = this.startOpening(accountId, email);
    if (this.faults.has('mail-not-sent')) return;
    await this.mailer.send({ to: email, ...(await notices.confirmation(token)) });
  }

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

  /** The "Confirm" link (fault confirm-expired: every link is expired). */
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

  /** "Next" on the security step: a 6-digit password twice and three questions; errors name the fields. */
  secure(accountId: string, form: Record<string, string | undefined>): { errors: SecurityField[] } {
    const { value, errors } = validateSecurity(form);
    if (value) this.setSecurity(accountId, value);
    return { errors };
  }

  /** "Verify my identity": the wallet opens when every field is right (18 or older by the buyer's clock). */
  identify(accountId: string, form: Record<string, string | undefined>): { errors: IdentityField[] } {
    const { value, errors } = validateIdentity(form, this.clock.now(accountId));
    if (value) this.setIdentity(accountId, value);
    return { errors };
  }

  /** Security answers are kept hashed, by their name key (NFC, case-insensitive). */
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

  setExtraIdentity(accountId: string, extra: ExtraIdentity): void {
    this.db
      .prepare('UPDATE wallet_accounts SET extra_identity_json = ? WHERE account_id = ?')
      .run(JSON.stringify(extra), accountId);
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
}
