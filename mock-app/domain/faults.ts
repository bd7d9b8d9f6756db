/** Switching the mock's faults on and off; the faults themselves are rows of fault-table.ts. */
import { FAULT_NAMES, type FaultName } from './fault-table.ts';

export {
  FAULT_NAMES,
  FAULT_TABLE,
  type FaultName,
  type FaultPlace,
  type FaultRow,
  faultPlace,
  faultRow,
  faultsOn,
  type NotOnSkin,
  type Skin,
} from './fault-table.ts';

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
