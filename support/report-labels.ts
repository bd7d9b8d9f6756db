import { isProcedureId, PROCEDURES, type ProcedureId } from './procedures.ts';

export interface ScenarioFacts {
  /** Tags of the scenario and its feature, with the leading "@". */
  tags: readonly string[];
  featureName: string;
  /** The feature file's path, relative to features/ (e.g. "wallet/remove-direct-link.feature"). */
  featureFile: string;
}

export interface ReportLabel {
  name: string;
  value: string;
}

const AREAS: Record<string, string> = {
  checkout: 'Checkout',
  wallet: 'Wallet',
  help: 'Help',
  mobile: 'Mobile',
  account: 'Account',
};
const SEVERITIES = ['blocker', 'critical', 'normal', 'minor', 'trivial'];

/**
 * Tags -> Allure labels, for both runners: epic = area (the feature's folder), feature = the
 * Feature's name, story = the procedure, severity from @severity:, and one `procedure` label per ID.
 */
export function reportLabels(facts: ScenarioFacts): ReportLabel[] {
  const labels: ReportLabel[] = [];
  const folder = facts.featureFile.replace(/\\/g, '/').split('/')[0] ?? '';
  labels.push({ name: 'epic', value: AREAS[folder] ?? folder });
  labels.push({ name: 'feature', value: facts.featureName });
  const procs = new Set<ProcedureId>();
  const factIds = new Set<ProcedureId>();
  for (const tag of facts.tags) {
    const [key, value] = tag.replace(/^@/, '').split(':');
    if (!value) continue;
    if (key === 'proc' || key === 'fact') {
      if (!isProcedureId(value)) throw new Error(`unknown procedure ID in tag ${tag}`);
      (key === 'proc' ? procs : factIds).add(value);
    }
    if (key === 'severity') {
      if (!SEVERITIES.includes(value))
        throw new Error(`unknown severity in tag ${tag}: use ${SEVERITIES.join(', ')}`);
      labels.push({ name: 'severity', value });
    }
  }
  for (const id of [...procs, ...factIds]) labels.push({ name: 'procedure', value: id });
  // The story is what the scenario walks through: its procedure, or the fact it checks when it has none.
  for (const id of procs.size ? procs : factIds)
    labels.push({ name: 'story', value: `${id} · ${PROCEDURES[id]}` });
  return labels;
}

/** The device a scenario ran on: the Playwright device profile's name, and whether it is a phone. */
export interface DeviceFacts {
  name: string;
  isMobile: boolean;
}

export interface ScenarioReportFacts extends ScenarioFacts {
  device: DeviceFacts;
  /** The language of the pass when the runner chose one (Playwright `desktop-id`, cucumber `-p id`). */
  locale?: string;
}

/**
 * Everything both runners write about a scenario before it runs: the labels of `reportLabels`, a
 * `device` label, and the parameters `device` (phones only) and `locale` (a language pass only).
 * `runnerWritesFeatureLabel`: allure-cucumberjs writes `feature` itself (a second copy would count the
 * test twice in the tree).
 */
export function scenarioReport(
  facts: ScenarioReportFacts,
  options: { runnerWritesFeatureLabel?: boolean } = {},
): { labels: ReportLabel[]; parameters: ReportLabel[] } {
  const labels = reportLabels(facts).filter(
    (l) => !(options.runnerWritesFeatureLabel && l.name === 'feature' && l.value === facts.featureName),
  );
  labels.push({ name: 'device', value: facts.device.name });
  const parameters: ReportLabel[] = [];
  if (facts.device.isMobile) parameters.push({ name: 'device', value: facts.device.name });
  if (facts.locale) parameters.push({ name: 'locale', value: facts.locale });
  return { labels, parameters };
}

/**
 * Allure label names of a scenario's measured phases (milliseconds, integers written as strings), read by
 * the monitor: only `procedure` says whether a procedure is slow.
 *   setup      session open, buyers signed in, the janitor's clean-up before
 *   procedure  the scenario's steps, the oracle's checks excluded
 *   oracle     "the card is removed everywhere" (World.phase('oracle'))
 *   instrument cardwatch's own work after each step (friction flush, axe scans, drift snapshots;
 *              World.phase('instrumentation')): left out of `procedure`, so a cold axe cache or a
 *              slow snapshot never reads as a slow platform
 *   janitor    the janitor's clean-up after the scenario
 */
export const PHASE_LABELS = {
  setupMs: 'cw.setupMs',
  procedureMs: 'cw.procedureMs',
  oracleMs: 'cw.oracleMs',
  instrumentMs: 'cw.instrumentMs',
  janitorMs: 'cw.janitorMs',
} as const;

/** One label per failed clean-up of a pre-made account: "<before|after>, <account>: <first line of the error>". */
export const JANITOR_WARNING_LABEL = 'cw.janitorWarning';

export type PhaseTimes = Record<keyof typeof PHASE_LABELS, number>;

export interface JanitorWarning {
  when: 'before' | 'after';
  account: string;
  error: string;
}

/** The phase labels of one scenario (rounded to whole ms, never negative) and its janitor warnings. */
export function phaseLabels(times: PhaseTimes, warnings: readonly JanitorWarning[] = []): ReportLabel[] {
  const labels: ReportLabel[] = (Object.keys(PHASE_LABELS) as (keyof PhaseTimes)[]).map((key) => ({
    name: PHASE_LABELS[key],
    value: String(Math.max(0, Math.round(times[key]))),
  }));
  for (const w of warnings)
    labels.push({
      name: JANITOR_WARNING_LABEL,
      value: `${w.when}, ${w.account}: ${w.error.split('\n')[0]}`,
    });
  return labels;
}
