import type { TestCard } from './test-cards.ts';

export interface ProvisionedBuyer {
  id: string;
  email: string;
  password: string;
  /** Present when created with `walletAccount: true`: the wallet's payment password and SMS phone. */
  wallet?: { paymentPassword: string; phone: string };
}

export interface StoredCardTruth {
  id: string;
  brand: string;
  last4: string;
}

/** Client of the mock's control API. Only fixtures use it, and only when the profile grants `control`. */
export class MockControl {
  constructor(private readonly baseUrl: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok)
      throw new Error(`mock control ${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }

  createBuyer(
    input: { country?: string; locale?: string; walletAccount?: boolean } = {},
  ): Promise<ProvisionedBuyer> {
    return this.call('POST', '/buyers', input);
  }

  openSession(buyerId: string): Promise<{ name: string; value: string }> {
    return this.call('POST', `/buyers/${buyerId}/session`);
  }

  /** Seeds a linked card; an expired one too (F9 needs it: checkout must mark and refuse it). */
  linkCard(buyerId: string, card: TestCard): Promise<StoredCardTruth> {
    const { number, expiry, cvc, holder } = card;
    return this.call('POST', `/buyers/${buyerId}/cards`, { number, expiry, cvc, holder, allowExpired: true });
  }

  disputes(buyerId: string): Promise<{ id: string; status: string; orderId: string }[]> {
    return this.call('GET', `/buyers/${buyerId}/disputes`);
  }

  /** F4: the seller's side of a dispute, which a real buyer only waits for. */
  resolveDispute(disputeId: string, outcome: 'won' | 'lost'): Promise<{ refundTo: string | null }> {
    return this.call('POST', `/disputes/${disputeId}/resolve`, { outcome });
  }

  /**
   * Moves the mock's "now" forward (24-hour rules: confirmation links, card verification); with
   * `buyerId`, only as that buyer's wallet sees it, so scenarios running in parallel stay independent.
   */
  advanceClock(hours: number, buyerId?: string): Promise<{ now: number }> {
    return this.call('POST', '/clock', { advanceHours: hours, buyerId });
  }

  storedCards(buyerId: string): Promise<StoredCardTruth[]> {
    return this.call('GET', `/buyers/${buyerId}/cards`);
  }
}
