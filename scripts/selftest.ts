// npm run selftest [-- fault ...] [--within '<tag expression>']: proves the suite notices each fault of the mock (selftest/expectations.ts).
// Prints fault -> caught by -> category -> verdict; exits 1 if any fault is missed, not implemented or
// reported wrongly. Each fault gets its own mock (MOCK_FAULTS, own ports) and results folder.
import { loadConfig } from '../support/config.ts';
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
  const started = Date.now();
  console.log(
    `[selftest] one suite run per fault; degraded above ${cfg.MONITOR_DEGRADED_MS} ms; results in ${cfg.REPORTS_DIR}/selftest/<fault>`,
  );
  const runs = await runSelftest(cfg, {
    only: only.length ? only : undefined,
    within,
    onFault: ({ verdict: v, seconds }) =>
      console.log(
        `[selftest] ${v.fault}: ${v.ok ? 'ok' : 'FAIL'} (${v.verdict})${seconds ? ` in ${seconds.toFixed(0)} s` : ''}`,
      ),
  });
  console.log(`\n${table(runs)}\n`);
  for (const { verdict: v } of runs.filter((r) => !r.verdict.ok))
    for (const p of v.problems) console.log(`[selftest] ${v.fault}: ${p}`);
  const failed = runs.filter((r) => !r.verdict.ok).length;
  console.log(
    `\n[selftest] ${runs.length - failed} of ${runs.length} faults caught as expected in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  return failed ? 1 : 0;
}

runMain(main);
