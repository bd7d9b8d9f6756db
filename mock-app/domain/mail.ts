/** Outgoing mail (and SMS, which go out as mail through an SMS-to-email gateway: see smsAddress). */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** Keeps sent mail in memory: the default when no SMTP server is configured (HTTP tests read `sent`). */
export class MemoryMailer implements Mailer {
  readonly sent: Mail[] = [];

  async send(mail: Mail): Promise<void> {
    this.sent.push(mail);
  }
}

/** The sender the wallet's mail comes from. */
export const WALLET_SENDER = 'wallet@wallet.cardwatch.test';

/** The domain SMS go to as mail (published as WALLET_TEST_KEYS.smsGatewayDomain). */
export const SMS_GATEWAY_DOMAIN = 'sms.cardwatch.test';

/**
 * SMS convention of the mock: a text to phone +62 812 3456 7890 is a mail to
 * `6281234567890@<gateway domain>` (the digits of the number, nothing else), like the
 * SMS-to-email gateways of real carriers. The same mail catcher receives both.
 */
export function smsAddress(phone: string, gatewayDomain: string): string {
  return `${phone.replace(/\D/g, '')}@${gatewayDomain}`;
}
