// bddgen runs once for unchanged features and steps, again when the generated folder is gone or the
// files a run leaves out change.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { bddgenIfChanged } from '../../scripts/lib/bddgen.ts';
import { EXCLUDE_FEATURES_ENV } from '../../support/select.ts';

it('skips bddgen when its inputs are unchanged', async () => {
  const out = join(tmpdir(), `cw-bddgen-${process.pid}`);
  rmSync(out, { recursive: true, force: true });
  let calls = 0;
  const fake = async () => {
    calls++;
    mkdirSync(out, { recursive: true });
    return { code: 0, tail: '' };
  };
  assert.equal((await bddgenIfChanged(out, process.env, fake)).code, 0);
  assert.equal((await bddgenIfChanged(out, process.env, fake)).generated, false);
  assert.equal(calls, 1, 'the second run reuses the generated specs');
  await bddgenIfChanged(out, { ...process.env, [EXCLUDE_FEATURES_ENV]: 'features/a.feature' }, fake);
  assert.equal(calls, 2, 'leaving a file out generates again');
  rmSync(out, { recursive: true, force: true });
  await bddgenIfChanged(out, process.env, fake);
  assert.equal(calls, 3, 'a missing output folder is generated again');
  rmSync(out, { recursive: true, force: true });
});

it('hands back what a failing bddgen said', async () => {
  const out = join(tmpdir(), `cw-bddgen-fail-${process.pid}`);
  const failing = async () => ({ code: 1, tail: 'Missing step definitions: 1' });
  const gen = await bddgenIfChanged(out, process.env, failing);
  assert.deepEqual([gen.code, gen.output], [1, 'Missing step definitions: 1']);
  rmSync(out, { recursive: true, force: true });
});
