import type { Clock } from '../../domain/clock.ts';

const PIN_TTL_MS = 15 * 60_000;

/**
 * Skin B asks the payment PIN and the security questions on two pages, while the domain sets both at
 * once (`onboarding.setSecurity`). The PIN waits here, in memory only, for at most 15 minutes: never
 * stored, never put back into a page.
 */
export class PinHolder {
  private readonly held = new Map<string, { pin: string; until: number }>();

  constructor(private readonly clock: Clock) {}

  hold(accountId: string, pin: string): void {
    const now = this.clock.now();
    for (const [key, h] of this.held) if (h.until < now) this.held.delete(key);
    this.held.set(accountId, { pin, until: now + PIN_TTL_MS });
  }

  peek(accountId: string): string | undefined {
    const h = this.held.get(accountId);
    return h && h.until >= this.clock.now() ? h.pin : undefined;
  }

  has(accountId: string): boolean {
    return this.peek(accountId) !== undefined;
  }

  drop(accountId: string): void {
    this.held.delete(accountId);
  }
}
