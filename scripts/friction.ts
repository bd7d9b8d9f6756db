// npm run friction: how hard is each way of removing a card, compared with linking one (L1), from the
// friction records of the last run's allure-results. `-- --write-baseline` accepts that run's
// figures as the current target's baselines the monitor's HARDER alert compares against
// (baselines/friction.json, keyed by target); `-- --reset-baseline` drops the target's first-green
// baselines the monitor keeps (REPORTS_DIR/friction-baselines.json) so its next green run is the baseline.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../support/config.ts';
import { ConfigError } from '../support/env.ts';
import {
  BASELINE_FILE,
  baselineOf,
  baselinesFor,
  type FrictionBaseline,
  harderThan,
  isRemovalWay,
  localBaselineFileOf,
  readBaselineFile,
  withBaselines,
  withoutTarget,
  writeBaselineFile,
} from '../support/friction/compare.ts';
import { loadTarget } from '../support/load-target.ts';
import type { FrictionRecord } from '../support/friction/record.ts';
import { readFrictionRecords, representative } from '../support/friction/results.ts';
import { PROCEDURES } from '../support/procedures.ts';
import { groupScenarios, readResults } from './lib/allure-results.ts';

const WAYS = ['L1', 'R1', 'R2', 'R3', 'R4', 'R5', 'R6'] as const;
const USAGE = `usage: npm run friction -- [--results DIR] [--write-baseline | --reset-baseline] [--baseline FILE] [--target NAME]
  --results DIR      allure-results of the run to read (default REPORTS_DIR/allure-results)
  --write-baseline   accept this run's passed scenarios as the target's baselines (merged into FILE under the target)
  --reset-baseline   forget the target's first-green baselines the monitor keeps in REPORTS_DIR/friction-baselines.json:
                     its next green run becomes the baseline, and a HARDER judged against the old one clears
  --baseline FILE    the committed baseline file (default baselines/friction.json)
  --target NAME      the target's profile name (default: the one TARGET / TARGET_PROFILE load)`;

const seriousOf = (r: FrictionRecord) =>
  r.a11y.skipped === 'AXE=off' ? '—' : `${r.a11y.byImpact.critical}/${r.a11y.byImpact.serious}`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function versus(r: FrictionRecord, link: FrictionRecord | undefined): string {
  if (!link || r.procedure === 'L1') return '';
  const d = r.actions - link.actions;
  const p = r.personalDataFields - link.personalDataFields;
  const parts = [`${d >= 0 ? '+' : ''}${d} actions`];
  if (p) parts.push(`${p > 0 ? '+' : ''}${p} personal data`);
  return parts.join(', ');
}

/** Harder-than-baseline, or "=" / "easier", or "no baseline" without the target's entry. */
function versusBaseline(r: FrictionRecord, baselines: Record<string, FrictionBaseline>): string {
  const base = baselines[r.key];
  if (!base) return 'no baseline';
  const harder = harderThan(baselineOf(r), base);
  if (harder.length) return `HARDER: ${harder.map((c) => c.detail).join('; ')}`;
  return r.actions < base.actions || r.personalDataFields < base.personalData.length ? 'easier' : '=';
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      results: { type: 'string' },
      'write-baseline': { type: 'boolean', default: false },
      'reset-baseline': { type: 'boolean', default: false },
      baseline: { type: 'string' },
      target: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const cfg = loadConfig();
  const resultsDir = values.results ?? join(cfg.REPORTS_DIR, 'allure-results');
  const baselineFile = values.baseline ?? BASELINE_FILE;
  const target = values.target ?? (await loadTarget(cfg)).name;
  const localFile = localBaselineFileOf(cfg.REPORTS_DIR);
  if (values['reset-baseline']) {
    const local = readBaselineFile(localFile);
    const n = Object.keys(baselinesFor(local, target)).length;
    if (n) await writeBaselineFile(localFile, withoutTarget(local, target));
    console.log(
      n
        ? `[friction] forgot ${n} first-green baseline(s) of ${target} in ${localFile}: the monitor's next green run is the new baseline`
        : `[friction] ${localFile} holds no first-green baseline of ${target}: nothing to reset`,
    );
    const committed = Object.keys(baselinesFor(readBaselineFile(baselineFile), target)).length;
    if (committed)
      console.log(
        `[friction] ${relative(process.cwd(), baselineFile)} still holds ${committed} committed baseline(s) of ${target}, which win over first-green runs: replace them from a green run with --write-baseline`,
      );
    return 0;
  }
  if (!existsSync(resultsDir)) {
    console.error(`[friction] no results at ${resultsDir}: run "npm run e2e" first, or pass --results DIR`);
    return 2;
  }
  const scenarios = await readFrictionRecords(resultsDir);
  if (scenarios.length === 0) {
    console.error(
      `[friction] ${resultsDir} holds no friction records: the run had no removal or linking scenario, or ran with FRICTION=off`,
    );
    return 2;
  }
  const records = scenarios.map((s) => s.record);
  const committed = readBaselineFile(baselineFile);
  // The target's own baselines: committed ones first, else the monitor's first green run.
  const baselines = {
    ...baselinesFor(readBaselineFile(localFile), target),
    ...baselinesFor(committed, target),
  };
  const chosen = new Map(WAYS.map((w) => [w, representative(records, w)] as const));
  const link = chosen.get('L1');

  const rows = [
    [
      'way',
      'procedure',
      'actions',
      'screens',
      'fields',
      'personal data',
      'confirms',
      'seconds',
      'a11y crit/ser',
      'vs L1',
      'vs baseline',
    ],
  ];
  for (const way of WAYS) {
    const r = chosen.get(way);
    const title = PROCEDURES[way];
    if (!r) {
      const failed = records.some((x) => x.procedure === way);
      rows.push([way, title, failed ? '(failed: not measured)' : '(not run)']);
      continue;
    }
    rows.push([
      way,
      title,
      String(r.actions),
      String(r.screens.length),
      String(r.fields.length),
      String(r.personalDataFields),
      String(r.confirmSteps),
      r.seconds.toFixed(1),
      seriousOf(r),
      versus(r, link),
      versusBaseline(r, baselines),
    ]);
  }
  console.log(`Friction of each way to remove a card, against linking one at checkout (L1)`);
  console.log(
    `from ${relative(process.cwd(), resultsDir) || resultsDir}; procedure steps only (setup and checks excluded); baselines of target ${target}\n`,
  );
  console.log(table(rows));

  const removals = WAYS.filter(isRemovalWay)
    .map((w) => chosen.get(w))
    .filter((r): r is FrictionRecord => !!r);
  if (removals.length) {
    const score = (r: FrictionRecord) => [r.personalDataFields, r.actions, r.screens.length, r.seconds];
    const cmp = (a: FrictionRecord, b: FrictionRecord) => {
      const [x, y] = [score(a), score(b)];
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
      return 0;
    };
    const sorted = [...removals].sort(cmp);
    const summarise = (r: FrictionRecord) =>
      `${r.procedure} (${PROCEDURES[r.procedure as keyof typeof PROCEDURES]}): ${r.actions} actions, ${r.screens.length} screens, ${r.personalDataFields} personal-data fields, ${r.seconds.toFixed(1)} s`;
    console.log(`\nEasiest removal: ${summarise(sorted[0]!)}`);
    console.log(`Hardest removal: ${summarise(sorted.at(-1)!)}`);
    const personal = sorted.at(-1)!.fields.filter((f) => f.personal);
    if (personal.length)
      console.log(`  personal data it demands: ${personal.map((f) => `${f.label} (${f.class})`).join(', ')}`);
  }
  // What the recording cost in this run, against all its scenarios' time (the recorder times itself).
  const results = groupScenarios((await readResults(resultsDir)).map((r) => r.result));
  const suiteMs = results.reduce((sum, r) => sum + Math.max(0, r.final.stop - r.final.start), 0);
  const costOf = (k: 'recorderMs' | 'axeMs') => records.reduce((sum, r) => sum + (r.cost?.[k] ?? 0), 0);
  if (suiteMs > 0) {
    const share = (ms: number) => `${(ms / 1000).toFixed(1)} s = ${((ms / suiteMs) * 100).toFixed(1)} %`;
    console.log(
      `\nRecording cost in this run (${results.length} scenarios, ${(suiteMs / 1000).toFixed(1)} s of scenario time): ` +
        `recorder ${share(costOf('recorderMs'))}, axe-core scans ${share(costOf('axeMs'))}`,
    );
  }
  const a11y = records.flatMap((r) =>
    r.a11y.screens.flatMap((s) => s.violations.map((v) => `${v.rule} (${v.impact}) on ${s.screen}`)),
  );
  if (a11y.length)
    console.log(`\nAccessibility violations seen:\n${[...new Set(a11y)].map((v) => `  - ${v}`).join('\n')}`);

  if (values['write-baseline']) {
    const passed = records.filter((r) => r.passed !== false);
    const source = relative(process.cwd(), resultsDir) || resultsDir;
    const taken = Object.fromEntries(passed.map((r) => [r.key, baselineOf(r)]));
    await writeBaselineFile(baselineFile, withBaselines(committed, target, taken, source));
    const failed = records.length - passed.length;
    console.log(
      `\n[friction] wrote ${passed.length} baseline(s) of ${target} to ${relative(process.cwd(), baselineFile)}` +
        (failed ? ` (${failed} failed scenario(s) left as they were)` : ''),
    );
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(2);
  },
);
