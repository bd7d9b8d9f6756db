import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { serveStatic } from '../../scripts/lib/serve-static.ts';

describe('report server', () => {
  it('serves the folder on 127.0.0.1 and nothing outside it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cw-static-'));
    await writeFile(join(dir, 'index.html'), '<h1>report</h1>');
    const server = await serveStatic(dir, 0);
    try {
      const { address, port } = server.address() as AddressInfo;
      assert.equal(address, '127.0.0.1');
      const index = await fetch(`http://127.0.0.1:${port}/`);
      assert.equal(index.status, 200);
      assert.match(index.headers.get('content-type') ?? '', /text\/html/);
      assert.equal(await index.text(), '<h1>report</h1>');
      assert.equal((await fetch(`http://127.0.0.1:${port}/nope.js`)).status, 404);
      assert.equal((await fetch(`http://127.0.0.1:${port}/..%2f..%2fetc%2fpasswd`)).status, 403);
    } finally {
      server.close();
    }
  });
});
