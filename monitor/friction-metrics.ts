// /metrics series of the friction state (prom-client gauges on the monitor's registry), set from the
// state at each scrape like the monitor's other series.
import { Gauge, type Registry } from 'prom-client';
import type { Impact } from '../support/friction/record.ts';
import type { FrictionState } from './friction.ts';

const IMPACTS: Impact[] = ['critical', 'serious', 'moderate', 'minor'];

/** Registers the friction gauges on `registry`; the answer sets them from a state (absent = none). */
export function frictionMetrics(registry: Registry): (state: FrictionState | undefined) => void {
  const gauge = (name: string, help: string, labelNames = ['procedure']) =>
    new Gauge({ name, help, labelNames, registers: [registry] });
  const actions = gauge(
    'cardwatch_friction_actions',
    'Buyer actions the procedure asked in its last measured run.',
  );
  const screens = gauge('cardwatch_friction_screens', 'Distinct screens the procedure went through.');
  const personal = gauge(
    'cardwatch_friction_personal_data_fields',
    'Personal-data fields the procedure demanded.',
  );
  const confirms = gauge('cardwatch_friction_confirm_steps', 'Confirm steps the procedure asked.');
  const seconds = gauge(
    'cardwatch_friction_seconds',
    "The procedure's own steps, in seconds (setup and checks excluded).",
  );
  const violations = gauge(
    'cardwatch_friction_a11y_violations',
    'axe-core WCAG 2.1 A/AA violations on the screens the procedure visited, by impact.',
    ['procedure', 'impact'],
  );
  const harder = gauge('cardwatch_friction_harder', '1 while the removal way is harder than its baseline.');
  const all = [actions, screens, personal, confirms, seconds, violations, harder];
  return (state) => {
    for (const g of all) g.reset();
    for (const [procedure, p] of Object.entries(state?.procedures ?? {})) {
      const l = { procedure };
      harder.set(l, p.state === 'harder' ? 1 : 0);
      const last = p.last;
      if (!last) continue;
      actions.set(l, last.actions);
      screens.set(l, last.screens);
      personal.set(l, last.personalData);
      confirms.set(l, last.confirmSteps);
      seconds.set(l, last.seconds);
      if (last.a11y) for (const impact of IMPACTS) violations.set({ procedure, impact }, last.a11y[impact]);
    }
  };
}
