import type { TestCard } from './test-cards.ts';

export interface ProvisionedBuyer {
  id: string;
  email: string;
  password: string;
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

  createBuyer(input: { country?: string; locale?: string } = {}): Promise<ProvisionedBuyer> {
    return this.call('POST', '/buyers', input);
  }

  openSession(buyerId: string): Promise<{ name: string; value: string }> {
    return this.call('POST', `/buyers/${buyerId}/session`);
  }

  linkCard(buyerId: string, card: TestCard): Promise<StoredCardTruth> {
    const { number, expiry, cvc, holder } = card;
    return this.call('POST', `/buyers/${buyerId}/cards`, { number, expiry, cvc, holder });
  }

  storedCards(buyerId: string): Promise<StoredCardTruth[]> {
    return this.call('GET', `/buyers/${buyerId}/cards`);
  }
}
