// When a procedure's state changes, from the marks of its last measured cycles (pure functions):
// K of the last N cycles for every change (down, degraded, back up), Nagios-style flap detection
// (weighted share of changes over a window, start/stop thresholds), and the failure rate outside
// outages already alerted. docs/monitoring.md ("States and alerts") gives the rules and defaults.

/** One measured cycle: Passed, Slow, Failed (soft: not part of an alerted outage), Down (failed inside one). */
export type Mark = 'P' | 'S' | 'F' | 'D';
export type ProcedureState = 'up' | 'degraded' | 'down';

export interface Policy {
  /** N: cycles a change is decided on. */
  changeWindow: number;
  /** K: cycles of N that must show the new state. */
  changeQuorum: number;
  flapWindow: number;
  /** Percent of weighted changes at which flapping starts / below which it ends. */
  flapHighPercent: number;
  flapLowPercent: number;
  rateWindow: number;
  /** Percent of the rate window failed (softly) at which "failing often" starts; cleared below half. */
  rateAlertPercent: number;
}

const stateOf = (m: Mark): ProcedureState => (m === 'P' ? 'up' : m === 'S' ? 'degraded' : 'down');

/** Marks kept per procedure: enough for every window. */
export const marksKept = (p: Policy) => Math.max(p.changeWindow, p.flapWindow, p.rateWindow);

/**
 * The state after the newest mark: the worst state that has K of the last N marks; with no quorum
 * the current state stays (so alternating results never flip it when K > N/2).
 */
export function quorumState(marks: Mark[], current: ProcedureState, p: Policy): ProcedureState {
  const last = marks.slice(-p.changeWindow);
  for (const s of ['down', 'degraded', 'up'] as const)
    if (last.filter((m) => stateOf(m) === s).length >= p.changeQuorum) return s;
  return current;
}

/**
 * Nagios' percent state change: over the last `window` marks, each change between consecutive marks
 * weighs from 0.8 (oldest) to 1.2 (newest); slots not yet filled count as "no change", so a young
 * history cannot look like flapping from two results. Changes into and out of an alerted outage
 * (marks D) do not count: they were paged as DOWN and RECOVERED.
 */
export function flapPercent(marks: Mark[], window: number): number {
  const last = marks.slice(-window);
  const transitions = window - 1;
  const offset = transitions - (last.length - 1); // unfilled transitions come first
  let weighted = 0;
  for (let i = 1; i < last.length; i++) {
    if (stateOf(last[i]!) === stateOf(last[i - 1]!)) continue;
    // The edges of an outage already paged (DOWN, then RECOVERED) are not instability on top of it.
    if (last[i] === 'D' || last[i - 1] === 'D') continue;
    const slot = offset + i - 1; // 0 = oldest transition of the full window
    weighted += 0.8 + (0.4 * slot) / Math.max(1, transitions - 1);
  }
  return (100 * weighted) / transitions;
}

/** Failures outside an alerted outage in the last `window` cycles, and the percent they make of it. */
export function softFailureRate(marks: Mark[], window: number): { failed: number; percent: number } {
  const failed = marks.slice(-window).filter((m) => m === 'F').length;
  return { failed, percent: (100 * failed) / window };
}

/** On going down: the soft failures inside the change window belong to the outage now. */
export function markOutage(marks: Mark[], p: Policy): Mark[] {
  const from = Math.max(0, marks.length - p.changeWindow);
  return marks.map((m, i) => (i >= from && m === 'F' ? 'D' : m));
}
