// scripts/drift-cost.ts: the cw.driftMs labels summed against the scenarios' time, final attempts only.
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { driftCost } from '../../scripts/drift-cost.ts';

const DIR = '/tmp/cw-unit/drift-cost';

const result = (name: string, start: number, ms: number, labels: Record<string, string>) => ({
  uuid: `${name}-${start}`,
  name,
  fullName: `features/x.feature.spec.js › ${name}`,
  status: 'passed',
  labels: Object.entries(labels).map(([n, value]) => ({ name: n, value })),
  parameters: [{ name: 'Project', value: 'desktop' }],
  start,
  stop: start + ms,
});

describe('drift cost', () => {
  it("sums cw.driftMs of each scenario's final attempt against its duration and step time", async () => {
    await rm(DIR, { recursive: true, force: true });
    await mkdir(DIR, { recursive: true });
    const results = [
      result('a', 0, 4000, { 'cw.driftMs': '999', 'cw.procedureMs': '3000' }), // retried: not counted
      result('a', 5000, 4000, { 'cw.driftMs': '200', 'cw.procedureMs': '3000' }),
      result('b', 10_000, 6000, { 'cw.driftMs': '100', 'cw.procedureMs': '5000' }),
      result('c', 20_000, 1000, {}), // DRIFT=off: left out
    ];
    for (const r of results) await writeFile(join(DIR, `${r.uuid}-result.json`), JSON.stringify(r));
    const c = await driftCost([DIR]);
    assert.equal(c.scenarios, 2);
    assert.equal(c.driftMs, 300);
    assert.equal(c.durationMs, 10_000);
    assert.equal(c.procedureMs, 8000);
    assert.equal(c.percentOfDuration, 3);
    assert.equal(c.percentOfProcedure, 3.8);
    assert.equal(c.maxMs, 200);
  });
});
