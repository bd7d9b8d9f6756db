// bddgen runs once for unchanged features and steps, again when the generated folder is gone.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { bddgenIfChanged } from '../../scripts/lib/bddgen.ts';

it('skips bddgen when its inputs are unchanged', async () => {
  const out = join(tmpdir(), `cw-bddgen-${process.pid}`);
  rmSync(out, { recursive: true, force: true });
  let calls = 0;
  const fake = async () => {
    calls++;
    mkdirSync(out, { recursive: true });
    return 0;
  };
  assert.equal(await bddgenIfChanged(out, process.env, fake), 0);
  assert.equal(await bddgenIfChanged(out, process.env, fake), 0);
  assert.equal(calls, 1, 'the second run reuses the generated specs');
  rmSync(out, { recursive: true, force: true });
  await bddgenIfChanged(out, process.env, fake);
  assert.equal(calls, 2, 'a missing output folder is generated again');
  rmSync(out, { recursive: true, force: true });
});
