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
