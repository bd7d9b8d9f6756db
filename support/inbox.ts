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

export interface InboxOptions {
  /** The mail catcher's base URL (the profile's `inbox.api`). */
  api: string;
  /** SMS arrive as mail to `<digits>@<smsDomain>`. */
  smsDomain: string;
  flavour?: InboxFlavour;
  /** How long `next` waits for a new message, ms (default 10 000). */
  timeoutMs?: number;
  /**
   * The scenario's start: messages stamped before it are never handed out (a code or link left by an
   * earlier run or scenario on the same account). The stamp is the catcher's: Mailpit's receive time;
   * MailDev's is the mail's `Date` header (the sending server's clock, whole seconds), so a message
   * stamped in the very second the scenario started counts. A catcher clock more than 2 s off this
   * machine's (its HTTP `Date` header) is corrected for.
   */
  since: Date;
}

/** A catcher clock within this of ours is taken as ours (the `Date` header has a resolution of 1 s). */
const CLOCK_TOLERANCE_MS = 2000;

/**
 * Reads the target's inbox over its REST API, polling with p-retry until the expected message is
 * there: no sleeps. Flavours: MailDev 3 (`GET /api/email?to.address=...`), MailDev 2 (`GET /email`,
 * filtered here), Mailpit (`GET /api/v1/search?query=to:...`, then `GET /api/v1/message/<ID>`).
 * SMS are mail to `<digits of the phone>@<smsDomain>`. Only messages to that exact address received
 * after `since` (the scenario's start) count, and each is handed out once (`next`), so "the email" of
 * a step is always one the scenario's own action sent; none yet = wait for it.
 */
export class Inbox {
  private readonly handedOut = new Set<string>();
  /** The catcher's clock minus ours, ms, once a response told it (0 within CLOCK_TOLERANCE_MS). */
  private clockOffsetMs?: number;
  /** Messages to the address last read that arrived before `since` (named in the timeout message). */
  private ignoredOld = 0;

  constructor(private readonly options: InboxOptions) {}

  smsAddress(phone: string): string {
    return `${phone.replace(/\D/g, '')}@${this.options.smsDomain}`;
  }

  /** Every message to `address` received since the scenario's start (`options.since`), oldest first. */
  async messagesTo(address: string): Promise<InboxMessage[]> {
    const all = await this.allMessagesTo(address);
    const since = this.sinceOnCatcherClock();
    const fresh = all.filter((m) => Date.parse(m.time) >= since);
    this.ignoredOld = all.length - fresh.length;
    return fresh;
  }

  /** `since` on the catcher's clock, down to its whole second (MailDev stamps whole seconds). */
  private sinceOnCatcherClock(): number {
    const at = this.options.since.getTime() + (this.clockOffsetMs ?? 0);
    return at - (at % 1000);
  }

  /** Every message to `address` the catcher holds, however old, oldest first. */
  private async allMessagesTo(address: string): Promise<InboxMessage[]> {
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
      const old = Date.parse(m.Created) < this.sinceOnCatcherClock();
      const full =
        this.handedOut.has(m.ID) || old ? {} : await this.getJson<MailpitMessage>(`/api/v1/message/${m.ID}`);
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
    this.clockOffsetMs ??= clockOffset(res.headers.get('date'));
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
          `${error.message} arrived within ${Math.round((Date.now() - started) / 1000)} s` +
            (this.ignoredOld
              ? ` (${this.ignoredOld} older message(s) to it, from before the scenario started at ${this.options.since.toISOString()}, were not used)`
              : ''),
        );
      throw error;
    }
  }

  nextSms(phone: string): Promise<InboxMessage> {
    return this.next(this.smsAddress(phone), 'SMS');
  }
}

/** The catcher's clock minus ours from its `Date` header, ms; 0 when within the header's resolution or unknown. */
function clockOffset(date: string | null): number {
  const theirs = date ? Date.parse(date) : Number.NaN;
  if (Number.isNaN(theirs)) return 0;
  const offset = theirs - Date.now();
  return Math.abs(offset) > CLOCK_TOLERANCE_MS ? offset : 0;
}

/** The address of the link whose text is `linkText` in a message's HTML, or undefined. */
export function linkIn(message: InboxMessage, linkText: string): string | undefined {
  for (const m of message.html.matchAll(/<a\s[^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/gi)) {
    const label = m[2]!.replace(/<[^>]+>/g, '').trim();
    if (label === linkText) return m[1]!.replace(/&amp;/g, '&');
  }
  return undefined;
}
