import type { Mail } from '../mail.ts';

/**
 * The words of what the wallet sends, in the buyer's language: the origin builds them (views know the
 * locale and the wallet's address), the domain decides when to send them and to whom.
 */
export interface WalletNotices {
  /** The mail asking to confirm an address; `token` belongs in its "Confirm" link. */
  confirmation(token: string): Promise<Omit<Mail, 'to'>>;
  /** The SMS after a card was linked: `amount` ("$0.01") was debited to check `card` ("VISA •••• 4242"). */
  checkDebit(p: { amount: string; card: string }): string;
}
