// The monitor's own cost, outside the test run: per cycle, the Allure report (with 100 runs of history),
// the state update, the alerts and the pruning; and the daemon's idle memory.
//   npx tsx monitor/bench.ts [cycles]        (or import { benchMonitor } for npm run bench)
// The suite itself is replaced by a runner that copies a prepared allure-results folder, so only the
// monitor's overhead is timed; alternating pass/fail fixtures make every cycle post an alert.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROCEDURES } from '../support/procedures.ts';
import { loadMonitorConfig } from './config.ts';
import { runCycle, statePathOf } from './cycle.ts';
import { emptyState, recordRun, saveState } from './state.ts';

export interface MonitorBench {
  historyRuns: number;
  scenarios: number;
  cycles: number;
  /** Medians over the cycles, in milliseconds. */
  reportMs: number;
  stateMs: number;
  alertsMs: number;
  pruneMs: number;
  overheadMs: number;
  idleRssMiB: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

/** allure-results as the suite writes them: one result per scenario, procedure labels from tags. */
async function writeFixture(dir: string, failing: boolean): Promise<number> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const ids = Object.keys(PROCEDURES);
  const start = Date.now();
  let n = 0;
  for (const [i, id] of ids.entries()) {
    for (const variant of ['main path', 'second session']) {
      const name = `${id} ${variant}`;
      const fail = failing && id === 'R3' && variant === 'main path';
      const tags = id.startsWith('F') ? [`fact:${id}`] : [`proc:${id}`];
      const result = {
        uuid: randomUUID(),
        name,
        fullName: `features/x/${id}.feature.spec.js › ${name}`,
        historyId: `${id}-${variant}`,
        testCaseId: `${id}-${variant}`,
        status: fail ? 'failed' : 'passed',
        statusDetails: fail
          ? { message: 'Error: VISA •••• 4242 is still shown on the wallet direct page' }
          : {},
        stage: 'finished',
        labels: [
          { name: 'epic', value: 'Wallet' },
          { name: 'feature', value: id },
          ...tags.map((value) => ({ name: 'tag', value })),
          { name: 'procedure', value: id },
          { name: 'story', value: `${id} · ${PROCEDURES[id as keyof typeof PROCEDURES]}` },
        ],
        parameters: [{ name: 'Project', value: 'desktop' }],
        steps: [
          { name: 'Given a signed-in buyer', status: 'passed', start, stop: start + 500, steps: [] },
          {
            name: 'Then the card is removed everywhere',
            status: fail ? 'failed' : 'passed',
            start: start + 500,
            stop: start + 3000,
            steps: [],
          },
        ],
        attachments: [],
        start: start + i * 4000,
        stop: start + i * 4000 + 3000,
      };
      await writeFile(join(dir, `${result.uuid}-result.json`), JSON.stringify(result));
      n++;
    }
  }
  return n;
}

async function idleRss(env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'monitor/main.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((ok, fail) => {
      let out = '';
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('status on http')) ok();
      });
      child.once('exit', () => fail(new Error(`daemon exited early:\n${out}`)));
    });
    await fetch(`http://127.0.0.1:${env.MONITOR_PORT}/`);
    await fetch(`http://127.0.0.1:${env.MONITOR_PORT}/metrics`);
    await new Promise((ok) => setTimeout(ok, 3000)); // let start-up garbage be collected
    const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } finally {
    child.kill('SIGTERM');
  }
}

export async function benchMonitor(
  opts: { cycles?: number; dir?: string; port?: number } = {},
): Promise<MonitorBench> {
  const cycles = opts.cycles ?? 5;
  const reportsDir = opts.dir ?? '/tmp/cw-monitor/bench';
  const port = opts.port ?? 5790;
  const historyRuns = 100;
  await rm(reportsDir, { recursive: true, force: true });
  await mkdir(reportsDir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    REPORTS_DIR: reportsDir,
    ALLURE_HISTORY_LIMIT: String(historyRuns),
    MONITOR_KEEP_RUNS: '10',
    MONITOR_PORT: String(port),
    MONITOR_CRON: '0 2 * * *',
    // every cycle decides and alternation never reads as flapping: each cycle posts one message
    MONITOR_CHANGE_QUORUM: '1',
    MONITOR_CHANGE_WINDOW: '1',
    MONITOR_FLAP_WINDOW: '50',
  };
  delete env.MONITOR_WEBHOOK_URL;
  const cfg = loadMonitorConfig(env);
  const passing = join(reportsDir, 'fixture-pass');
  const failing = join(reportsDir, 'fixture-fail');
  const scenarios = await writeFixture(passing, false);
  await writeFixture(failing, true);

  // 100 runs of history: one real report, its history line repeated with fresh ids and times.
  const seed = await runCycle({
    cfg,
    log: () => {},
    runner: async (run) => {
      await cp(passing, join(run.runDir, 'allure-results'), { recursive: true });
      return { exitCode: 0, timedOut: false };
    },
  });
  if (seed.result !== 'passed') throw new Error(`bench seed cycle: ${seed.result}`);
  const line = (await readFile(join(reportsDir, 'history.jsonl'), 'utf8')).trim();
  const lines: string[] = [];
  const state = emptyState();
  for (let i = 0; i < historyRuns; i++) {
    const t = Date.now() - (historyRuns - i) * 3_600_000;
    lines.push(
      line
        .replace(/"uuid":"[^"]+"/, `"uuid":"${randomUUID()}"`)
        .replace(/"timestamp":\d+/, `"timestamp":${t}`),
    );
    recordRun(
      state,
      {
        id: new Date(t).toISOString().replace(/[:.]/g, '-'),
        startedAt: new Date(t).toISOString(),
        finishedAt: new Date(t + 60_000).toISOString(),
        durationMs: 60_000,
        result: 'passed',
        exitCode: 0,
        procedures: Object.fromEntries(Object.keys(PROCEDURES).map((id) => [id, 'passed'])),
      },
      historyRuns,
    );
  }
  await writeFile(join(reportsDir, 'history.jsonl'), `${lines.join('\n')}\n`);
  const before = JSON.parse(await readFile(statePathOf(reportsDir), 'utf8'));
  await saveState(statePathOf(reportsDir), { ...state, procedures: before.procedures });

  // Alerts go to a local receiver so delivery is timed too.
  const { createServer } = await import('node:http');
  const hook = createServer((req, res) => req.resume().on('end', () => res.end('ok')));
  await new Promise<void>((ok) => hook.listen(0, '127.0.0.1', ok));
  const hookUrl = `http://127.0.0.1:${(hook.address() as { port: number }).port}/`;
  const timings: { reportMs: number; stateMs: number; alertsMs: number; pruneMs: number }[] = [];
  try {
    for (let i = 0; i < cycles; i++) {
      const fixture = i % 2 === 0 ? failing : passing;
      const r = await runCycle({
        cfg: { ...cfg, MONITOR_WEBHOOK_URL: hookUrl },
        log: () => {},
        runner: async (run) => {
          await cp(fixture, join(run.runDir, 'allure-results'), { recursive: true });
          return { exitCode: 0, timedOut: false };
        },
      });
      if (r.changes.length !== 1)
        throw new Error(`bench cycle ${i}: expected 1 change, got ${r.changes.length}`);
      timings.push(r.timings!);
    }
  } finally {
    hook.close();
  }
  const pick = (k: keyof (typeof timings)[number]) => median(timings.map((t) => t[k]));
  const result = {
    historyRuns,
    scenarios,
    cycles,
    reportMs: pick('reportMs'),
    stateMs: pick('stateMs'),
    alertsMs: pick('alertsMs'),
    pruneMs: pick('pruneMs'),
    overheadMs: median(timings.map((t) => t.reportMs + t.stateMs + t.alertsMs + t.pruneMs)),
    idleRssMiB: await idleRss(env),
  };
  return result;
}

if (process.argv[1]?.endsWith('bench.ts') && import.meta.url.endsWith('/monitor/bench.ts')) {
  const r = await benchMonitor({ cycles: Number(process.argv[2] ?? 5) });
  const f = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
  console.log(
    `[bench] monitor overhead per cycle (median of ${r.cycles}, ${r.scenarios} scenarios, ${r.historyRuns} runs of history): ` +
      `${f(r.overheadMs)} = report ${f(r.reportMs)} + state ${f(r.stateMs)} + alerts ${f(r.alertsMs)} + prune ${f(r.pruneMs)}`,
  );
  console.log(`[bench] daemon idle RSS: ${r.idleRssMiB.toFixed(1)} MiB`);
}
