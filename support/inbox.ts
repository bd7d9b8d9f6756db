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

/** Which REST API the inbox speaks (the profile's `inbox.flavour`). */
export type InboxFlavour = 'maildev3' | 'maildev2' | 'mailpit';

interface MailpitSummary {
  ID: string;
  Subject?: string;
  To?: { Address: string }[];
  Created: string;
}

interface MailpitMessage {
  Text?: string;
  HTML?: string;
}

/**
 * Reads the target's inbox over its REST API, polling with p-retry until the expected message is
 * there: no sleeps. Flavours: MailDev 3 (`GET /api/email?to.address=...`), MailDev 2 (`GET /email`,
 * filtered here), Mailpit (`GET /api/v1/search?query=to:...`, then `GET /api/v1/message/<ID>`).
 * SMS are mail to `<digits of the phone>@<smsDomain>`. Each message is handed out once (`next`), so
 * "the email" of a step is always the one its action sent.
 */
export class Inbox {
  private readonly handedOut = new Set<string>();

  constructor(
    private readonly options: { api: string; smsDomain: string; flavour?: InboxFlavour; timeoutMs?: number },
  ) {}

  smsAddress(phone: string): string {
    return `${phone.replace(/\D/g, '')}@${this.options.smsDomain}`;
  }

  /** Every message to `address`, oldest first. */
  async messagesTo(address: string): Promise<InboxMessage[]> {
    const to = address.toLowerCase();
    const flavour = this.options.flavour ?? 'maildev3';
    const list =
      flavour === 'mailpit'
        ? await this.mailpit(to)
        : (
            await this.getJson<MailDevEmail[]>(
              flavour === 'maildev3' ? '/api/email' : '/email',
              flavour === 'maildev3' ? { 'to.address': to } : {},
            )
          )
            .map((m) => ({
              id: m.id,
              subject: m.subject ?? '',
              text: m.text ?? '',
              html: m.html ?? '',
              to: (m.to ?? []).map((t) => t.address),
              time: m.time,
            }))
            .filter((m) => m.to.some((t) => t.toLowerCase() === to));
    return list.sort((a, b) => a.time.localeCompare(b.time));
  }

  private async mailpit(to: string): Promise<InboxMessage[]> {
    const found = await this.getJson<{ messages?: MailpitSummary[] }>('/api/v1/search', {
      query: `to:"${to}"`,
    });
    const out: InboxMessage[] = [];
    for (const m of found.messages ?? []) {
      const recipients = (m.To ?? []).map((t) => t.Address);
      if (!recipients.some((t) => t.toLowerCase() === to)) continue;
      const full = this.handedOut.has(m.ID)
        ? {}
        : await this.getJson<MailpitMessage>(`/api/v1/message/${m.ID}`);
      out.push({
        id: m.ID,
        subject: m.Subject ?? '',
        text: full.Text ?? '',
        html: full.HTML ?? '',
        to: recipients,
        time: m.Created,
      });
    }
    return out;
  }

  private async getJson<T>(path: string, query: Record<string, string> = {}): Promise<T> {
    const url = new URL(path, this.options.api);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const res = await fetch(url);
    if (res.status === 404 || res.status === 401 || res.status === 403)
      throw new AbortError(
        `the inbox at ${url.origin} answered ${res.status} for ${url.pathname}: is inbox.flavour "${this.options.flavour ?? 'maildev3'}" right (maildev3, maildev2, mailpit)?`,
      );
    if (!res.ok) throw new Error(`the inbox answered ${res.status}`);
    return (await res.json()) as T;
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
