// A scenario's friction record in its Allure result: a small table (text/markdown) a reader sees,
// the record as JSON (what `npm run friction` and the monitor read back), labels to group or filter by.
import { baselineOf, baselinesFor, type FrictionBaseline, harderThan, readBaselineFile } from './compare.ts';
import { type FrictionRecord, IMPACTS } from './record.ts';

/** The attachment names the readers look for. */
export const FRICTION_JSON = 'friction.json';
export const FRICTION_TABLE = 'friction';

export function frictionTable(r: FrictionRecord, base?: FrictionBaseline): string {
  const b = r.breakdown;
  const impacts = IMPACTS.map((i) => r.a11y.byImpact[i]).join(' / ');
  const row = (what: string, now: string | number, then?: string | number) =>
    `| ${what} | ${now} |${base ? ` ${then ?? '—'} |` : ''}`;
  const personal = r.fields.filter((f) => f.personal);
  const lines = [
    `**${r.procedure}** friction (${r.passed === false ? 'scenario failed: counted up to the failure' : 'procedure steps only'})`,
    '',
    `| measure | this run |${base ? ' baseline |' : ''}`,
    `| --- | --- |${base ? ' --- |' : ''}`,
    row(
      'actions (presses · typed · chosen · addresses opened)',
      `${r.actions} (${b.presses} · ${b.typed} · ${b.selected} · ${b.addressesOpened})`,
      base?.actions,
    ),
    row('navigations', r.navigations, base?.navigations),
    row('distinct screens', r.screens.length, base?.screens.length),
    row('form fields demanded', r.fields.length, base?.fields),
    row('personal-data fields', r.personalDataFields, base?.personalData.length),
    row('confirm steps', r.confirmSteps, base?.confirmSteps),
    row('seconds', r.seconds.toFixed(1), base?.seconds.toFixed(1)),
    row(
      'a11y violations (critical / serious / moderate / minor)',
      r.a11y.skipped === 'AXE=off' ? 'not scanned (AXE=off)' : impacts,
      base?.seriousA11y ? `${base.seriousA11y.length} serious/critical` : undefined,
    ),
    '',
  ];
  if (base) {
    const harder = harderThan(baselineOf(r), base);
    lines.push(
      harder.length
        ? `**Harder than the baseline:** ${harder.map((c) => c.detail).join('; ')}`
        : 'Not harder than the baseline.',
      '',
    );
  }
  lines.push(`Screens: ${r.screens.map((s) => `\`${s.key}\``).join(' → ') || 'none'}`, '');
  if (personal.length)
    lines.push(
      `Personal data demanded: ${personal.map((f) => `${f.label} (${f.class}${f.submitted === false ? '; required by a form on the way, not submitted' : ''})`).join(', ')}`,
      '',
    );
  const unclassified = r.fields.filter((f) => !f.key);
  if (unclassified.length)
    lines.push(
      `Fields whose label matches no profile key: ${unclassified.map((f) => `"${f.label}"`).join(', ')}`,
      '',
    );
  for (const s of r.a11y.screens)
    for (const v of s.violations)
      lines.push(
        `- a11y \`${v.rule}\` (${v.impact}, ${v.nodes} element${v.nodes === 1 ? '' : 's'}) on \`${s.screen}\`: ${v.help}`,
      );
  if (r.a11y.skipped && r.a11y.skipped !== 'AXE=off') lines.push('', `a11y: ${r.a11y.skipped}`);
  return `${lines.join('\n')}\n`;
}

/** A file for the scenario's result, written through the runner (Playwright testInfo.attach, cucumber attach). */
export type AttachFile = (name: string, body: Buffer, contentType: string) => Promise<void>;

/**
 * Writes the record to the scenario's result through `attach` (the table, and the JSON the readers
 * take back) and answers its labels for the runner's adapter to write with the scenario's other labels.
 */
export async function writeFriction(
  r: FrictionRecord,
  attach: AttachFile,
  /** The target's profile name: only its own committed baseline is shown (none without it). */
  target?: string,
): Promise<{ name: string; value: string }[]> {
  let base: FrictionBaseline | undefined;
  try {
    base = target ? baselinesFor(readBaselineFile(), target)[r.key] : undefined;
  } catch (error) {
    console.warn(`[friction] baseline ignored: ${(error as Error).message}`);
  }
  await attach(FRICTION_TABLE, Buffer.from(frictionTable(r, base)), 'text/markdown');
  await attach(FRICTION_JSON, Buffer.from(JSON.stringify(r, null, 2)), 'application/json');
  const serious = r.a11y.byImpact.critical + r.a11y.byImpact.serious;
  return [
    { name: 'friction.actions', value: String(r.actions) },
    { name: 'friction.screens', value: String(r.screens.length) },
    { name: 'friction.personalData', value: String(r.personalDataFields) },
    { name: 'friction.confirmSteps', value: String(r.confirmSteps) },
    { name: 'friction.seconds', value: r.seconds.toFixed(1) },
    {
      name: 'friction.a11ySeriousCritical',
      value: r.a11y.skipped === 'AXE=off' ? 'not scanned' : String(serious),
    },
  ];
}
