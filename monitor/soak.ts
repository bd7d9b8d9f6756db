// The soak of the daemon (issue #13, "done when"): the real daemon (monitor/daemon.ts: croner
// schedule, cycles, Allure report with history, state, outbox, HTTP face) for 30 cycles every 20 s,
// with a stand-in suite (the cycle's runner seam) replaying a scripted target: every page request
// blips (HTTP 503) with 5 % probability, each scenario attempt makes 3 page requests, Playwright-style
// retries = MONITOR_RETRIES (1); one real outage of R3 in the middle (cycles 11-18, every attempt fails).
// A local webhook answers 429 with Retry-After: 5 to the first attempt of every third message
// (the 1st, 4th, 7th...: with the two messages a good soak sends, the DOWN meets it).
// Pass = exactly one DOWN and one RECOVERED, both for R3, nothing else, 0 messages lost.
//   npx tsx monitor/soak.ts [--cycles 30] [--every 20] [--seed 13]      (exit 0 pass, 1 fail)
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { SlackPayload } from './alerts.ts';
import { loadMonitorConfig } from './config.ts';
import type { CycleResult } from './cycle.ts';
import { startDaemon } from './daemon.ts';
import { pending } from './outbox.ts';
import { type Attempt, type Scripted, standInRunner } from './standin.ts';

const { values } = parseArgs({
  options: {
    cycles: { type: 'string', default: '30' },
    every: { type: 'string', default: '20' },
    seed: { type: 'string', default: '13' },
    'reports-dir': { type: 'string', default: '/tmp/cw-d/soak' },
    port: { type: 'string', default: '9474' },
  },
});
const CYCLES = Number(values.cycles);
const EVERY = Number(values.every);
const OUTAGE = { from: Math.round(CYCLES * 0.35), to: Math.round(CYCLES * 0.6) };
const BLIP = 0.05;
const REQUESTS_PER_ATTEMPT = 3;
const RETRIES = 1;
const RETRY_AFTER_S = 5;

/** mulberry32: a small seeded PRNG, so a soak can be replayed exactly. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(Number(values.seed));

const SCENARIOS: { id: string; name: string; tags: string[]; screen: string }[] = [
  {
    id: 'R1',
    name: 'Remove a card in the wallet account',
    tags: ['proc:R1', 'fact:F2'],
    screen: 'wallet home page',
  },
  {
    id: 'R2',
    name: 'Open a wallet account, then remove',
    tags: ['proc:R2', 'fact:F5'],
    screen: 'manage cards page',
  },
  {
    id: 'R3',
    name: 'Delete a card from the direct page without a wallet account',
    tags: ['proc:R3', 'fact:F5'],
    screen: 'wallet direct page',
  },
  { id: 'R4', name: 'Remove a card via the help page', tags: ['proc:R4', 'fact:F5'], screen: 'help centre' },
  { id: 'R5', name: 'Remove in the mobile app', tags: ['proc:R5'], screen: 'bank cards screen' },
  { id: 'R6', name: 'Remove via the mobile site', tags: ['proc:R6'], screen: 'mobile site cards page' },
  { id: 'L1', name: 'Link the card at checkout', tags: ['proc:L1', 'fact:F3'], screen: 'checkout page' },
  { id: 'L2', name: 'Link a card in the wallet', tags: ['proc:L2', 'fact:F8'], screen: 'edit cards page' },
  {
    id: 'L3',
    name: 'A reissued card is linked by paying',
    tags: ['proc:L3', 'fact:F9'],
    screen: 'checkout page',
  },
];

interface CycleLog {
  cycle: number;
  at: string;
  blips: number;
  flaky: string[];
  failed: string[];
  r3: string;
  items: string[];
  sent: number;
  waiting: number;
}
const timeline: CycleLog[] = [];
let blipsThisCycle = 0;

function attempt(s: (typeof SCENARIOS)[number], cycle: number): Attempt {
  if (s.id === 'R3' && cycle >= OUTAGE.from && cycle <= OUTAGE.to)
    return {
      status: 'failed',
      message: 'Error: VISA •••• 2223 is still shown on the wallet direct page (this session)',
    };
  for (let r = 0; r < REQUESTS_PER_ATTEMPT; r++)
    if (random() < BLIP) {
      blipsThisCycle++;
      return {
        status: 'failed',
        message: `Error: the ${s.screen} answered HTTP 503 (/blip)`,
        step: 'When the buyer removes the card',
      };
    }
  return { status: 'passed', ms: 2500 + Math.round(random() * 1500) };
}

function plan(cycle: number): { scenarios: Scripted[] } {
  blipsThisCycle = 0;
  return {
    scenarios: SCENARIOS.map((s) => {
      const attempts: Attempt[] = [attempt(s, cycle)];
      while (attempts.at(-1)!.status !== 'passed' && attempts.length <= RETRIES)
        attempts.push(attempt(s, cycle));
      return { name: s.name, tags: s.tags, attempts };
    }),
  };
}

async function main() {
  // The webhook: the first attempt of every third message (1st, 4th...) answers 429 with Retry-After.
  const received: SlackPayload[] = [];
  const seen = new Map<string, number>();
  let answered429 = 0;
  const retried = new Set<string>();
  const hook = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as SlackPayload;
      const id = body.cardwatch.id;
      if (!seen.has(id)) seen.set(id, seen.size + 1);
      const nth = seen.get(id)!;
      if (nth % 3 === 1 && !retried.has(id)) {
        retried.add(id);
        answered429++;
        res.writeHead(429, { 'retry-after': String(RETRY_AFTER_S) }).end('slow down');
        return;
      }
      received.push(body);
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((ok) => hook.listen(0, '127.0.0.1', ok));
  const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;

  const reportsDir = values['reports-dir']!;
  await rm(reportsDir, { recursive: true, force: true });
  const cfg = loadMonitorConfig({
    ...process.env,
    REPORTS_DIR: reportsDir,
    MOCK_PORT_BASE: '4700',
    MONITOR_PORT: values.port,
    MONITOR_CRON: `*/${EVERY} * * * * *`,
    MONITOR_RETRIES: String(RETRIES),
    MONITOR_WEBHOOK_URL: hookUrl,
    MONITOR_PUBLIC_URL: `http://127.0.0.1:${values.port}`,
    MONITOR_KEEP_RUNS: '5',
  });
  const queued: string[] = [];
  const log = (line: string) => {
    const m = /^\[alert\] message (\S+) queued/.exec(line);
    if (m) queued.push(m[1]!);
    if (/\[alert\]|\[monitor\] run .* (passed|failed|degraded|error|cut) in/.test(line))
      console.log(`${new Date().toISOString()} ${line}`);
  };
  let done: () => void;
  const finished = new Promise<void>((ok) => {
    done = ok;
  });
  const runner = standInRunner(plan);
  const startedAt = Date.now();
  const daemon = await startDaemon({
    cfg,
    log,
    runner,
    onCycle: (r: CycleResult) => {
      const obs = r.observation;
      timeline.push({
        cycle: runner.cycles(),
        at: new Date().toISOString().slice(11, 19),
        blips: blipsThisCycle,
        flaky: obs?.scenarios.filter((s) => s.flaky).map((s) => s.subjects[0]!) ?? [],
        failed: obs?.scenarios.filter((s) => s.outcome === 'failed').map((s) => s.subjects[0]!) ?? [],
        r3: obs?.procedures.R3?.outcome ?? '-',
        items: r.alert?.items.map((i) => `${i.kind} ${i.procedure ?? ''}`.trim()) ?? [],
        sent: r.alert?.delivery.sent ?? 0,
        waiting: r.alert?.delivery.left ?? 0,
      });
      if (runner.cycles() >= CYCLES) done();
    },
  });
  await finished;
  await daemon.stop('soak finished');
  const left = (await pending(reportsDir)).length;
  await new Promise<void>((ok) => hook.close(() => ok()));

  console.log(`\ncycle | time     | blips | flaky          | failed cycle   | R3     | message items`);
  for (const t of timeline)
    console.log(
      `${String(t.cycle).padStart(5)} | ${t.at} | ${String(t.blips).padStart(5)} | ${t.flaky.join(',').padEnd(14)} | ${t.failed.join(',').padEnd(14)} | ${t.r3.padEnd(6)} | ${t.items.join('; ')}`,
    );
  const items = received.flatMap((p) =>
    p.cardwatch.items.map((i) => `${i.kind} ${i.procedure ?? ''}`.trim()),
  );
  const receivedIds = new Set(received.map((p) => p.cardwatch.id));
  const lost = queued.filter((id) => !receivedIds.has(id));
  const checks: [string, boolean][] = [
    [
      `exactly one DOWN, for R3 (got: ${items.filter((i) => i.startsWith('down')).join(', ') || 'none'})`,
      items.filter((i) => i.startsWith('down')).join() === 'down R3',
    ],
    [
      `exactly one RECOVERED, for R3 (got: ${items.filter((i) => i.startsWith('recovered')).join(', ') || 'none'})`,
      items.filter((i) => i.startsWith('recovered')).join() === 'recovered R3',
    ],
    [`nothing else (blips page no one): ${items.join(', ')}`, items.join() === 'down R3,recovered R3'],
    [
      `0 lost: ${queued.length} queued, ${receivedIds.size} received, ${left} in the outbox`,
      lost.length === 0 && left === 0,
    ],
    [
      `the webhook answered 429 + Retry-After ${answered429} time(s)`,
      answered429 === Math.ceil(queued.length / 3),
    ],
  ];
  const blips = timeline.reduce((n, t) => n + t.blips, 0);
  console.log(
    `\nsoak: ${timeline.length} cycles every ${EVERY} s in ${((Date.now() - startedAt) / 1000).toFixed(0)} s, seed ${values.seed}; ` +
      `outage of R3 in cycles ${OUTAGE.from}-${OUTAGE.to}; ${blips} blips (HTTP 503), ` +
      `${timeline.reduce((n, t) => n + t.flaky.length, 0)} flaky passes, ` +
      `${timeline.reduce((n, t) => n + t.failed.length, 0)} failed scenario-cycles (outage included)`,
  );
  for (const [what, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'} ${what}`);
  process.exit(checks.every(([, ok]) => ok) ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
