import { html } from 'hono/html';
import { cardLabel, type ValidCard } from '../../domain/card-input.ts';
import type { StoredCard } from '../../domain/cards.ts';
import { smsAddress } from '../../domain/mail.ts';
import type { Platform } from '../../domain/platform.ts';
import { CHECK_DEBIT_CENTS, moneyText } from '../../domain/wallet.ts';
import type { MockContext } from '../../http/origin.ts';
import { WALLET_TEST_KEYS } from '../../public.ts';
import { fill } from './texts.ts';
import { PAY } from './texts-wallet.ts';

const PIN_TTL_MS = 15 * 60_000;

/**
 * Skin B asks the payment PIN and the security questions on two pages, while the domain sets both at
 * once (`wallet.setSecurity`). The PIN waits here, in memory only, for at most 15 minutes: never
 * stored, never put back into a page.
 */
export class PinHolder {
  private readonly held = new Map<string, { pin: string; until: number }>();

  constructor(private readonly platform: Platform) {}

  hold(accountId: string, pin: string): void {
    const now = this.platform.clock.now();
    for (const [key, h] of this.held) if (h.until < now) this.held.delete(key);
    this.held.set(accountId, { pin, until: now + PIN_TTL_MS });
  }

  peek(accountId: string): string | undefined {
    const h = this.held.get(accountId);
    return h && h.until >= this.platform.clock.now() ? h.pin : undefined;
  }

  has(accountId: string): boolean {
    return this.peek(accountId) !== undefined;
  }

  drop(accountId: string): void {
    this.held.delete(accountId);
  }
}

/** R2: records the opening and mails the verification link (fault mail-not-sent: nothing goes out). */
export async function sendVerificationMail(
  mock: MockContext,
  accountId: string,
  email: string,
): Promise<void> {
  const { platform } = mock;
  const token = platform.wallet.startOpening(accountId, email);
  if (platform.faults.has('mail-not-sent')) return;
  const link = `${mock.urls.wallet}/wallet/verify-email?code=${token}`;
  await platform.mailer.send({
    to: email,
    subject: PAY.mail.subject,
    text: fill(PAY.mail.text, { link }),
    html: String(await html`<p>${PAY.mail.intro}</p><p><a href="${link}">${PAY.mail.link}</a></p>`),
  });
}

export type WalletLink =
  | { kind: 'linked'; label: string; replaced?: StoredCard; amountShown: string }
  | { kind: 'refused'; reason: 'limit' | 'duplicate' }
  | { kind: 'notYours' };

/**
 * L2/F8/F9: links a card in the wallet (in place of `replaces`): pending verification for 24 hours and
 * a text about the check debit to the wallet's phone (fault sms-amount: 100 times the amount).
 */
export async function linkCardInWallet(
  mock: MockContext,
  accountId: string,
  card: ValidCard,
  replaces?: string,
): Promise<WalletLink> {
  const { platform } = mock;
  const old = replaces ? platform.cards.find(accountId, replaces) : undefined;
  if (replaces && !old) return { kind: 'notYours' };
  if (old) platform.removeCard('wallet-home', accountId, old.id);
  const result = platform.cards.link(accountId, card);
  if (!result.linked) return { kind: 'refused', reason: result.reason };
  platform.wallet.startVerification(accountId, result.card.id);
  const label = cardLabel(result.card);
  const phone = platform.wallet.account(accountId)?.phone;
  if (phone) {
    const amount = moneyText(platform.faults.has('sms-amount') ? 100 * CHECK_DEBIT_CENTS : CHECK_DEBIT_CENTS);
    const text = fill(PAY.mail.sms, { amount, card: label });
    await platform.mailer.send({
      to: smsAddress(phone, WALLET_TEST_KEYS.smsGatewayDomain),
      subject: text,
      text,
    });
  }
  return { kind: 'linked', label, replaced: old, amountShown: moneyText(CHECK_DEBIT_CENTS) };
}
