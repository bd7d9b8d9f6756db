// The self-test's verdicts on synthetic results: a missed or unimplemented fault never passes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AllureResult, categoryOf, groupScenarios } from '../../scripts/lib/allure-results.ts';
import type { FaultExpectation } from '../../selftest/expectations.ts';
import { judge, type Scenario } from '../../selftest/judge.ts';

const scenarios: Scenario[] = [
  { key: 'r3 [desktop]', title: 'remove on R3', tags: ['@proc:R3', '@fact:F5'], location: 'a:1' },
  { key: 'l1 [desktop]', title: 'link at L1', tags: ['@proc:L1', '@fact:F3'], location: 'b:1' },
];

let t = 1_000;
function result(
  key: string,
  status: AllureResult['status'],
  extra: Partial<AllureResult> = {},
): AllureResult {
  t += 10_000;
  const start = t;
  return {
    uuid: `${key}-${start}`,
    name: key,
    fullName: key.replace(/ \[desktop\]$/, ''),
    status,
    labels: [{ name: 'procedure', value: key.startsWith('r3') ? 'R3' : 'L1' }],
    parameters: [{ name: 'Project', value: 'desktop' }],
    steps: [],
    start,
    stop: start + 2_000,
    ...extra,
  };
}
const failedOracle = (key: string, message = 'VISA •••• 4242 is still shown on the wallet direct page') =>
  result(key, 'failed', {
    statusDetails: { message },
    steps: [{ name: 'Then the card is removed everywhere', status: 'failed', statusDetails: { message } }],
  });

const removeNoop: FaultExpectation = {
  fault: 'remove-noop',
  breaks: 'x',
  caughtBy: '@proc:R3',
  outcome: 'fails',
  category: 'product',
  unaffected: '@proc:L1',
};
const opts = { implemented: true, degradedMs: 8_000 };

describe('selftest verdicts', () => {
  it('caught: the expected scenario fails in the expected category, naming procedure and step', () => {
    const v = judge(
      removeNoop,
      scenarios,
      groupScenarios([failedOracle('r3 [desktop]'), result('l1 [desktop]', 'passed')]),
      opts,
    );
    assert.equal(v.verdict, 'caught');
    assert.ok(v.ok);
    assert.deepEqual(v.caughtBy, ['R3 › Then the card is removed everywhere']);
    assert.deepEqual(v.categories, ['product']);
  });

  it('not implemented and no scenario are failures, never silent passes', () => {
    assert.equal(judge(removeNoop, scenarios, [], { ...opts, implemented: false }).ok, false);
    const none = judge({ ...removeNoop, caughtBy: '@proc:R5' }, scenarios, [], opts);
    assert.deepEqual([none.ok, none.verdict], [false, 'no scenario']);
  });

  it('missed: the scenario stays green with the fault on', () => {
    const v = judge(
      removeNoop,
      scenarios,
      groupScenarios([result('r3 [desktop]', 'passed'), result('l1 [desktop]', 'passed')]),
      opts,
    );
    assert.deepEqual([v.ok, v.verdict], [false, 'missed']);
  });

  it('collateral: an unaffected scenario goes red', () => {
    const v = judge(
      removeNoop,
      scenarios,
      groupScenarios([failedOracle('r3 [desktop]'), failedOracle('l1 [desktop]')]),
      opts,
    );
    assert.deepEqual([v.ok, v.verdict], [false, 'collateral']);
  });

  it('wrong report: right scenario, wrong category or no procedure label', () => {
    const infra = judge(
      removeNoop,
      scenarios,
      groupScenarios([
        failedOracle('r3 [desktop]', 'page answered HTTP 500'),
        result('l1 [desktop]', 'passed'),
      ]),
      opts,
    );
    assert.deepEqual(
      [infra.ok, infra.verdict, infra.categories],
      [false, 'wrong report', ['target-error']],
    );
    const bare = failedOracle('r3 [desktop]');
    bare.labels = [];
    const unlabelled = judge(
      removeNoop,
      scenarios,
      groupScenarios([bare, result('l1 [desktop]', 'passed')]),
      opts,
    );
    assert.equal(unlabelled.ok, false);
    assert.match(unlabelled.problems.join('\n'), /no procedure label/);
  });

  it('degraded: passed but slower than the threshold; fast is missed', () => {
    const slow = {
      ...removeNoop,
      fault: 'slow-wallet' as const,
      outcome: 'degraded' as const,
      category: 'degraded' as const,
      unaffected: '',
    };
    const r = result('r3 [desktop]', 'passed');
    r.stop = r.start + 9_000;
    assert.equal(judge(slow, scenarios, groupScenarios([r]), opts).verdict, 'degraded');
    assert.equal(
      judge(slow, scenarios, groupScenarios([result('r3 [desktop]', 'passed')]), opts).verdict,
      'missed',
    );
  });

  it('flaky: failed once, passed on the retry and marked flaky', () => {
    const transient = {
      ...removeNoop,
      fault: 'transient-503' as const,
      outcome: 'flaky' as const,
      category: 'flaky' as const,
      unaffected: '',
    };
    const first = failedOracle('r3 [desktop]', 'the wallet direct page answered HTTP 503');
    const retry = result('r3 [desktop]', 'passed', { statusDetails: { flaky: true } });
    const v = judge(transient, scenarios, groupScenarios([first, retry]), opts);
    assert.deepEqual([v.ok, v.verdict], [true, 'flaky']);
    assert.equal(categoryOf(first), 'target-error');
    const unmarked = judge(
      transient,
      scenarios,
      groupScenarios([first, result('r3 [desktop]', 'passed')]),
      opts,
    );
    assert.equal(unmarked.ok, false);
  });
});
