// npm run selftest [-- fault ...] [--within '<tag expression>']: proves the suite notices each fault of the mock (selftest/expectations.ts).
// Prints fault -> caught by -> category -> verdict; exits 1 if any fault is missed, not implemented or
// reported wrongly. Each fault gets its own mock (MOCK_FAULTS, own ports) and results folder.
// MOCK_SKIN=b runs it on skin B through its profile (targets/skin-b-sandbox.ts); scenarios that profile
// cannot run are listed as not judged, with why.
import type { Skin } from '../mock-app/domain/faults.ts';
import { loadConfig } from '../support/config.ts';
import { ConfigError } from '../support/env.ts';
import { type FaultRun, runSelftest } from '../selftest/run.ts';
import { runMain } from './lib/main.ts';

function table(runs: FaultRun[]): string {
  const rows = runs.map(({ verdict: v, seconds }) => [
    v.fault,
    v.caughtBy.join('; ') || '-',
    v.categories.join(', ') || '-',
    `${v.ok ? 'ok' : 'FAIL'}: ${v.verdict}`,
    seconds ? `${seconds.toFixed(0)} s` : '',
  ]);
  const head = ['fault', 'caught by', 'category', 'verdict', 'time'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function main(): Promise<number> {
  const cfg = loadConfig();
  const args = process.argv.slice(2);
  const w = args.indexOf('--within');
  const within = w >= 0 ? args.splice(w, 2)[1] : undefined;
  const only = args.flatMap((a) => a.split(',')).filter(Boolean);
  const skin = (process.env.MOCK_SKIN || 'a') as Skin;
  if (skin !== 'a' && skin !== 'b') throw new ConfigError([`MOCK_SKIN: expected "a" or "b" (got "${skin}")`]);
  const started = Date.now();
  console.log(
    `[selftest] skin ${skin}; one suite run per fault; degraded above ${cfg.MONITOR_DEGRADED_MS} ms; results in ${cfg.REPORTS_DIR}/selftest/<fault>`,
  );
  const runs = await runSelftest(cfg, {
    only: only.length ? only : undefined,
    within,
    skin,
    onFault: ({ verdict: v, seconds }) =>
      console.log(
        `[selftest] ${v.fault}: ${v.ok ? 'ok' : 'FAIL'} (${v.verdict})${seconds ? ` in ${seconds.toFixed(0)} s` : ''}`,
      ),
  });
  console.log(`\n${table(runs)}\n`);
  for (const { verdict: v } of runs.filter((r) => !r.verdict.ok || r.verdict.verdict.startsWith('not on')))
    for (const p of v.problems) console.log(`[selftest] ${v.fault}: ${p}`);
  for (const { verdict: v, notJudged } of runs)
    for (const n of notJudged) console.log(`[selftest] ${v.fault}: not judged on skin ${skin}: ${n}`);
  const failed = runs.filter((r) => !r.verdict.ok).length;
  console.log(
    `\n[selftest] ${runs.length - failed} of ${runs.length} faults caught as expected in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  return failed ? 1 : 0;
}

runMain(main);
