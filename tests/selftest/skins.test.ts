// The self-test per skin, without a browser: which target each skin runs against, and which scenarios
// it leaves out there (the profile's capabilities say so) instead of judging a skip as a miss.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import { EXPECTATIONS } from '../../selftest/expectations.ts';
import { freePortBase, notOnTarget, runFault, suiteEnv } from '../../selftest/run.ts';
import type { Scenario } from '../../selftest/judge.ts';
import { loadConfig } from '../../support/config.ts';

const cfg = loadConfig({ MOCK_PORT_BASE: '4510' });
const env = (skin: 'a' | 'b') =>
  suiteEnv(cfg, { faults: 'link-unticked', portBase: 4520, reportsDir: '/tmp/unused', skin });

const scenarios: Scenario[] = [
  { key: 'r3 [desktop]', title: 'R3', tags: ['@proc:R3', '@fact:F5'], location: 'a:1' },
  {
    key: 'f1 [desktop]',
    title: 'F1',
    tags: ['@fact:F1', '@needs:fresh-buyer', '@needs:signup-country'],
    location: 'b:1',
  },
  { key: 'clock [desktop]', title: 'F9', tags: ['@fact:F9', '@needs:clock'], location: 'c:1' },
];

describe('the self-test per skin', () => {
  it('skin A runs against the mock profile, skin B against its sandbox profile with the fault and its own store', () => {
    const a = env('a');
    const b = env('b');
    assert.equal(a.TARGET, 'mock');
    assert.equal(a.SANDBOX_PASSWORD, process.env.SANDBOX_PASSWORD);
    assert.equal(b.TARGET, 'sandbox');
    assert.equal(b.TARGET_PROFILE, 'targets/skin-b-sandbox.ts');
    assert.equal(b.MOCK_FAULTS, 'link-unticked');
    assert.equal(b.MOCK_DB, ':memory:');
    assert.ok((b.SANDBOX_PASSWORD ?? '').length >= 16, 'a password made for the run');
  });

  it('leaves out, with the reason, the scenarios the skin B profile cannot run; none on skin A', async () => {
    const onA = await notOnTarget(env('a'), scenarios);
    assert.deepEqual([...onA.keys()], []);
    const onB = await notOnTarget(env('b'), scenarios);
    assert.equal(onB.has('r3 [desktop]'), false, 'R3 runs on skin B');
    assert.match(onB.get('f1 [desktop]') ?? '', /sign-up form that asks the country/);
    assert.match(onB.get('clock [desktop]') ?? '', /clock/);
  });

  it("says when a skin's target cannot judge the unaffected scenarios (remove-noop on skin B), and not on skin A", async () => {
    const noop = EXPECTATIONS.find((e) => e.fault === 'remove-noop')!;
    const run = (skin: 'a' | 'b') =>
      runFault(noop, scenarios, cfg, { implemented: false, portBase: 4520, reportsDir: '/tmp/unused', skin });
    const [onB] = (await run('b')).notJudged;
    assert.match(
      onB ?? '',
      /^unaffected "@fact:F3 and not @removes": skin B's profile cleans its pre-made accounts/,
    );
    assert.deepEqual((await run('a')).notJudged, []);
  });

  it("moves a fault's mock off a block where something already listens, and says which ports were busy", async () => {
    const base = Number(process.env.SELFTEST_PORT_TEST_BASE ?? 6850);
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(base + 3, '127.0.0.1', resolve));
    try {
      const moved = await freePortBase(base, { step: 20 });
      assert.ok(moved.busy.includes(base + 3), 'the busy port is named');
      assert.notEqual(moved.base, base, 'not the busy block');
      assert.ok(moved.base > base + 3 || moved.base + 9 < base + 3);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
    assert.deepEqual((await freePortBase(base, { step: 20 })).busy, [], 'free again once it is gone');
  });
});
