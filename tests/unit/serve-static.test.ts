// The report server (npm run report) and the monitor's report pages share scripts/lib/serve-static.ts.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startServer } from '../../monitor/server.ts';
import { serveStatic } from '../../scripts/lib/serve-static.ts';

/** A request with the path sent exactly as written (fetch would normalise it; curl --path-as-is). */
function rawGet(port: number, path: string, method = 'GET'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('report server', () => {
  it('serves the folder on 127.0.0.1 and nothing outside it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cw-static-'));
    await writeFile(join(dir, 'index.html'), '<h1>report</h1>');
    await mkdir(join(dir, 'data'));
    await writeFile(join(dir, 'data', 'a b.json'), '{"ok":true}');
    const server = await serveStatic(join(dir, 'data', '..'), 0);
    try {
      const { address, port } = server.address() as AddressInfo;
      assert.equal(address, '127.0.0.1');
      const index = await fetch(`http://127.0.0.1:${port}/`);
      assert.equal(index.status, 200);
      assert.match(index.headers.get('content-type') ?? '', /text\/html/);
      assert.equal(await index.text(), '<h1>report</h1>');
      const json = await fetch(`http://127.0.0.1:${port}/data/a%20b.json`);
      assert.equal(json.status, 200);
      assert.match(json.headers.get('content-type') ?? '', /application\/json/);
      assert.equal((await fetch(`http://127.0.0.1:${port}/nope.js`)).status, 404);
      for (const path of ['/..%2f..%2fetc%2fpasswd', '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd'])
        assert.equal((await rawGet(port, path)).status, 404, path);
      assert.equal((await rawGet(port, '/', 'POST')).status, 405);
    } finally {
      server.close();
    }
  });

  it('answers a malformed URL with 400 and keeps serving', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cw-static-'));
    await writeFile(join(dir, 'index.html'), '<h1>report</h1>');
    const server = await serveStatic(dir, 0);
    try {
      const { port } = server.address() as AddressInfo;
      for (const path of ['/%E0%A4%A', '/%', '/index.html%ZZ']) {
        const bad = await rawGet(port, path);
        assert.equal(bad.status, 400, `${path}: ${bad.body}`);
        assert.match(bad.body, /malformed URL/);
      }
      assert.equal((await rawGet(port, '/')).status, 200, 'still serving');
    } finally {
      server.close();
    }
  });
});

describe("the monitor's server, same static files", () => {
  it("serves a run's report and log, answers malformed and outside paths with 4xx, keeps serving", async () => {
    const reportsDir = await mkdtemp(join(tmpdir(), 'cw-monitor-static-'));
    const run = join(reportsDir, 'runs', '2026-11-30T02-00-00-000Z');
    await mkdir(join(run, 'allure-report'), { recursive: true });
    await writeFile(join(run, 'allure-report', 'index.html'), '<h1>run report</h1>');
    await writeFile(join(run, 'suite.log'), 'the suite said hello\n');
    const server = await startServer({ reportsDir, port: 0, schedule: '0 2 * * *', running: () => false });
    try {
      const { port } = server.address() as AddressInfo;
      const report = await rawGet(port, '/report/');
      assert.deepEqual([report.status, report.body], [200, '<h1>run report</h1>']);
      const log = await fetch(`http://127.0.0.1:${port}/runs/2026-11-30T02-00-00-000Z/suite.log`);
      assert.equal(log.status, 200);
      assert.match(log.headers.get('content-type') ?? '', /^text\/plain/);
      for (const path of ['/%E0%A4%A', '/report/%E0%A4%A', '/runs/2026-11-30T02-00-00-000Z/report/%']) {
        const bad = await rawGet(port, path);
        assert.equal(bad.status, 400, `${path}: ${bad.status} ${bad.body}`);
      }
      for (const path of ['/report/..%2f..%2fsuite.log', '/report/../../../etc/passwd', '/report/nope.js'])
        assert.ok([403, 404].includes((await rawGet(port, path)).status), path);
      assert.equal((await rawGet(port, '/healthz')).status, 200, 'still serving');
    } finally {
      server.close();
    }
  });
});
