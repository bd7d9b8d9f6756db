// Friction baselines are per target (new user's finding 1): a target the committed file does not list
// takes its first green run as its baseline (kept in REPORTS_DIR beside state.json), so it never starts
// HARDER for differing from the mock; HARDER is relative to the target's own baseline and clears when
// that baseline is reset or the procedure is back at it. Real monitor cycles with a stand-in suite.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import { loadMonitorConfig } from '../../monitor/config.ts';
import { type CycleResult, runCycle } from '../../monitor/cycle.ts';
import { scriptedResults } from '../../monitor/standin.ts';
import type { SuiteRunner } from '../../monitor/suite.ts';
import { BASELINE_FILE, readBaselineFile } from '../../support/friction/compare.ts';
import type { FrictionRecord } from '../../support/friction/record.ts';

// The committed mock-en baseline of R3 (baselines/friction.json): 3 actions, 1 screen, 1 confirm step.
const R3 = 'Delete a card from the direct page without a wallet account';
const home = { key: 'walletDirect/ · My wallet account', url: 'http://w/', h1: 'My wallet account' };
const unlink = {
  key: 'walletDirect/:id/unlink · Unlink this card?',
  url: 'http://w/1/unlink',
  h1: 'Unlink this card?',
};
const sure = { key: 'walletDirect/:id/sure · Are you sure?', url: 'http://w/1/sure', h1: 'Are you sure?' };

function r3(screens: FrictionRecord['screens']): FrictionRecord {
  return {
    version: 1,
    procedure: 'R3',
    scenario: R3,
    key: `R3 | ${R3}`,
    actions: screens.length + 2,
    breakdown: { presses: screens.length + 1, typed: 0, selected: 0, addressesOpened: 1 },
    navigations: screens.length + 1,
    screens,
    fields: [],
    personalDataFields: 0,
    confirmSteps: screens.length,
    seconds: 1,
    a11y: { screens: [], byImpact: { critical: 0, serious: 0, moderate: 0, minor: 0 } },
    passed: true,
  };
}

/** A suite writing one passed R3 result per cycle, its friction.json as allure-playwright puts it. */
function runner(screensOf: (cycle: number) => FrictionRecord['screens']): SuiteRunner {
  let cycle = 0;
  return async (run) => {
    cycle++;
    const dir = join(run.runDir, 'allure-results');
    await mkdir(dir, { recursive: true });
    await writeFile(join(run.runDir, 'suite.log'), `friction stand-in, cycle ${cycle}\n`);
    const r = r3(screensOf(cycle));
    const [result] = scriptedResults(
      { name: R3, tags: ['proc:R3'], attempts: [{ status: 'passed' }] },
      Date.now(),
    );
    const source = `${result!.uuid}-attachment.json`;
    await writeFile(join(dir, source), JSON.stringify(r));
    (result as unknown as { steps: unknown[] }).steps.push({
      name: 'After Hooks',
      steps: [
        { name: 'friction.json', attachments: [{ name: 'friction.json', source, type: 'application/json' }] },
      ],
    });
    await writeFile(join(dir, `${result!.uuid}-result.json`), JSON.stringify(result));
    return { exitCode: 0, timedOut: false };
  };
}

async function monitor(
  name: string,
  env: Record<string, string>,
  screensOf: (n: number) => FrictionRecord['screens'],
) {
  const reportsDir = join(tmpdir(), `cw-friction-target-${name}`);
  await rm(reportsDir, { recursive: true, force: true });
  const cfg = loadMonitorConfig({
    REPORTS_DIR: reportsDir,
    MOCK_PORT_BASE: '4650',
    MONITOR_PORT: '9476',
    MONITOR_PUBLIC_URL: 'http://monitor.example:9476',
    ...env,
  });
  const lines: string[] = [];
  const run = runner(screensOf);
  return {
    reportsDir,
    lines,
    cycle: () => runCycle({ cfg, log: (l) => lines.push(l), runner: run }),
  };
}

const kinds = (r: CycleResult) => (r.alert?.items ?? []).map((i) => `${i.kind} ${i.procedure}`);
const localFile = (dir: string) => join(dir, 'friction-baselines.json');

describe('friction baselines per target (real monitor cycles, stand-in suite)', { timeout: 120_000 }, () => {
  it('a target without a committed baseline takes its first green run, HARDER only against it, cleared by a clean cycle', async () => {
    // mock-id: not in baselines/friction.json. Its R3 has 2 screens where mock-en's baseline has 1.
    const m = await monitor('unknown', { MOCK_LOCALE: 'id' }, (n) =>
      n === 2 ? [home, sure, unlink] : [home, unlink],
    );
    const first = await m.cycle();
    assert.deepEqual(kinds(first), [], "no HARDER on a new target's first night");
    const stored = readBaselineFile(localFile(m.reportsDir));
    assert.deepEqual(Object.keys(stored?.targets ?? {}), ['mock-id']);
    assert.equal(stored?.targets['mock-id']?.baselines[`R3 | ${R3}`]?.actions, 4);
    assert.ok(
      m.lines.some((l) => /friction baseline of mock-id taken from this green run for 1 scenario/.test(l)),
    );

    const second = await m.cycle();
    assert.deepEqual(kinds(second), ['harder R3']);
    assert.equal(
      second.alert!.items[0]!.line,
      'R3 HARDER: actions 4 → 5 (+1; new screen "walletDirect/:id/sure · Are you sure?"; confirm steps 2 → 3)',
    );
    const third = await m.cycle();
    assert.deepEqual(kinds(third), ['harder-cleared R3']);
  });

  it('a target with a committed baseline is compared with it from the first cycle, and takes no first-green baseline', async () => {
    const m = await monitor('committed', { MOCK_LOCALE: 'en' }, () => [home, unlink]);
    const first = await m.cycle();
    assert.deepEqual(kinds(first), ['harder R3']);
    assert.match(
      first.alert!.items[0]!.line,
      /^R3 HARDER: actions 3 → 4 \(\+1; new screen "walletDirect\/:id\/unlink · Unlink this card\?"/,
    );
    assert.equal(readBaselineFile(localFile(m.reportsDir)), undefined);
  });

  it('npm run friction -- --reset-baseline forgets the first-green baseline: a stale HARDER clears, the next green run is the baseline', async () => {
    const m = await monitor('reset', { MOCK_LOCALE: 'id' }, (n) => (n === 1 ? [home] : [home, sure, unlink]));
    await m.cycle();
    assert.deepEqual(kinds(await m.cycle()), ['harder R3']);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/friction.ts', '--reset-baseline', '--target', 'mock-id'],
      { env: { ...process.env, REPORTS_DIR: m.reportsDir, MOCK_PORT_BASE: '4650' } },
    );
    assert.match(stdout, /forgot 1 first-green baseline\(s\) of mock-id/);
    // The same (accepted) figures again: judged against no baseline any more, HARDER is stale and clears.
    const after = await m.cycle();
    assert.deepEqual(kinds(after), ['harder-cleared R3']);
    assert.equal(
      readBaselineFile(localFile(m.reportsDir))?.targets['mock-id']?.baselines[`R3 | ${R3}`]?.actions,
      5,
    );
  });

  it('an old (version 1) baseline file is refused with how to move it under its target', async () => {
    const file = join(tmpdir(), 'cw-friction-v1.json');
    await writeFile(file, JSON.stringify({ version: 1, written: 'x', source: 'x', baselines: {} }));
    assert.throws(
      () => readBaselineFile(file),
      /old \(version 1\) friction baseline file.*keys baselines by target/,
    );
    // The committed file is version 2 and holds the mock's baselines under its profile name.
    const committed = JSON.parse(await readFile(BASELINE_FILE, 'utf8'));
    assert.equal(committed.version, 2);
    assert.ok(committed.targets['mock-en'].baselines[`R3 | ${R3}`]);
  });
});
