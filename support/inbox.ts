import pRetry, { AbortError } from 'p-retry';

/** One message in the mail catcher (mail, or an SMS delivered through the SMS-to-email gateway). */
export interface InboxMessage {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: string[];
  time: string;
}

interface MailDevEmail {
  id: string;
  subject?: string;
  text?: string;
  html?: string;
  time: string;
  to?: { address: string }[];
}

export class InboxTimeout extends Error {}

/**
 * Reads a MailDev-compatible REST API (`GET /api/email?to.address=...`), polling with p-retry until
 * the expected message is there: no sleeps. SMS are mail to `<digits of the phone>@<smsDomain>`.
 * Each message is handed out once (`next`), so "the email" of a step is always the one its action sent.
 */
export class Inbox {
  private readonly handedOut = new Set<string>();

  constructor(private readonly options: { api: string; smsDomain: string; timeoutMs?: number }) {}

  smsAddress(phone: string): string {
    return `${phone.replace(/\D/g, '')}@${this.options.smsDomain}`;
  }

  /** Every message to `address`, oldest first. */
  async messagesTo(address: string): Promise<InboxMessage[]> {
    const url = new URL('/api/email', this.options.api);
    url.searchParams.set('to.address', address.toLowerCase());
    const res = await fetch(url);
    if (res.status === 404 || res.status === 401 || res.status === 403)
      throw new AbortError(`the inbox at ${url.origin} answered ${res.status}: is it a MailDev 3 API?`);
    if (!res.ok) throw new Error(`the inbox answered ${res.status}`);
    const list = (await res.json()) as MailDevEmail[];
    return list
      .map((m) => ({
        id: m.id,
        subject: m.subject ?? '',
        text: m.text ?? '',
        html: m.html ?? '',
        to: (m.to ?? []).map((t) => t.address),
        time: m.time,
      }))
      .sort((a, b) => a.time.localeCompare(b.time));
  }

  /** The oldest message to `address` not handed out yet; waits (polling) until one arrives. */
  async next(address: string, what = 'a message'): Promise<InboxMessage> {
    const timeoutMs = this.options.timeoutMs ?? 10_000;
    const started = Date.now();
    try {
      const message = await pRetry(
        async () => {
          const fresh = (await this.messagesTo(address)).find((m) => !this.handedOut.has(m.id));
          if (!fresh) throw new InboxTimeout(`no ${what} to ${address}`);
          return fresh;
        },
        { retries: 100, minTimeout: 100, maxTimeout: 500, factor: 1.5, maxRetryTime: timeoutMs },
      );
      this.handedOut.add(message.id);
      return message;
    } catch (error) {
      if (error instanceof InboxTimeout)
        throw new InboxTimeout(
          `${error.message} arrived within ${Math.round((Date.now() - started) / 1000)} s`,
        );
      throw error;
    }
  }

  nextSms(phone: string): Promise<InboxMessage> {
    return this.next(this.smsAddress(phone), 'SMS');
  }
}

/** The address of the link whose text is `linkText` in a message's HTML, or undefined. */
export function linkIn(message: InboxMessage, linkText: string): string | undefined {
  for (const m of message.html.matchAll(/<a\s[^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/gi)) {
    const label = m[2]!.replace(/<[^>]+>/g, '').trim();
    if (label === linkText) return m[1]!.replace(/&amp;/g, '&');
  }
  return undefined;
}
