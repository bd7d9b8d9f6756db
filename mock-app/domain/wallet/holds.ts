import { randomBytes } from 'node:crypto';
import type { ValidCard } from '../card-input.ts';
import type { Clock } from '../clock.ts';

const HELD_CARD_TTL_MS = 10 * 60_000;

/** Card numbers starting with this BIN are "risky" to the mock's wallet: linking asks for extra identity (F11). */
export const RISKY_CARD_PREFIX = '400066';

/**
 * F11: a risky card waits here, in memory only and briefly (never stored), until the buyer gives the
 * extra identity data; a token in the form names it.
 */
export class RiskyCardHolds {
  private readonly held = new Map<
    string,
    { accountId: string; card: ValidCard; replaces?: string; until: number }
  >();

  constructor(
    private readonly clock: Clock,
    readonly riskyPrefix = RISKY_CARD_PREFIX,
  ) {}

  isRisky(card: ValidCard): boolean {
    return card.pan.startsWith(this.riskyPrefix);
  }

  hold(accountId: string, card: ValidCard, replaces?: string): string {
    const now = this.clock.now();
    for (const [key, h] of this.held) if (h.until < now) this.held.delete(key);
    const token = randomBytes(18).toString('base64url');
    this.held.set(token, { accountId, card, replaces, until: now + HELD_CARD_TTL_MS });
    return token;
  }

  /** The held card, still held (to name it again after a form error). */
  peek(accountId: string, token: string): { card: ValidCard } | undefined {
    const h = this.held.get(token);
    return h && h.accountId === accountId && h.until >= this.clock.now() ? { card: h.card } : undefined;
  }

  release(accountId: string, token: string): { card: ValidCard; replaces?: string } | undefined {
    const h = this.peek(accountId, token) && this.held.get(token);
    if (!h) return undefined;
    this.held.delete(token);
    return { card: h.card, replaces: h.replaces };
  }

  reset(): void {
    this.held.clear();
  }
}
