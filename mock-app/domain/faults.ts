/** Named ways to break the mock on purpose, so that the suite can prove it notices (docs/faults.md). */
export const FAULT_NAMES = [
  'remove-noop',
  'remove-partial',
  'help-500',
  'direct-needs-registration',
  'edit-cards-missing',
  'mobile-label-drift',
  'sms-amount',
  'mail-not-sent',
  'confirm-expired',
  'link-unticked',
  'card-limit',
  'sso-broken',
  'slow-wallet',
  'transient-503',
] as const;

export type FaultName = (typeof FAULT_NAMES)[number];

export function parseFaults(list: string): FaultName[] {
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(FAULT_NAMES as readonly string[]).includes(n));
  if (unknown.length)
    throw new Error(`MOCK_FAULTS: unknown fault(s) ${unknown.join(', ')}; known: ${FAULT_NAMES.join(', ')}`);
  return names as FaultName[];
}

export class Faults {
  private active: Set<FaultName>;

  constructor(initial: FaultName[] = []) {
    this.active = new Set(initial);
  }

  has(name: FaultName): boolean {
    return this.active.has(name);
  }

  set(names: FaultName[]): void {
    this.active = new Set(names);
  }

  list(): FaultName[] {
    return [...this.active];
  }
}
