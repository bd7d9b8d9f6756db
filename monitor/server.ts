// The daemon's HTTP face, on 127.0.0.1 only: status page, /metrics, /healthz, /state.json,
// the latest Allure report (/report/) and each kept run's report and log (/runs/<id>/...).
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { decodedPath, sendStatic } from '../scripts/lib/serve-static.ts';
import { statePathOf } from './cycle.ts';
import { createMetrics } from './metrics.ts';
import { pending } from './outbox.ts';
import { latestReportRun, RUNS } from './report.ts';
import { loadState } from './state.ts';
import { renderStatusPage } from './status-page.ts';

export interface ServeOptions {
  reportsDir: string;
  port: number;
  schedule: string;
  /** True while this process runs a cycle. */
  running: () => boolean;
}

export function startServer(opts: ServeOptions): Promise<Server> {
  const statePath = statePathOf(opts.reportsDir);
  const runsDir = join(opts.reportsDir, RUNS);
  const metrics = createMetrics();
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      const path = decodedPath(req.url);
      if (path === undefined) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request: malformed URL');
        return;
      }
      if (path === '/healthz') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true, running: opts.running(), pid: process.pid }));
        return;
      }
      if (path === '/metrics') {
        const state = await loadState(statePath);
        const body = await metrics.render(
          state,
          opts.running() || !!state.current,
          (await pending(opts.reportsDir)).length,
        );
        res.writeHead(200, { 'content-type': metrics.contentType });
        res.end(body);
        return;
      }
      if (path === '/state.json') {
        const state = await loadState(statePath);
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(state, null, 2));
        return;
      }
      if (path === '/' || path === '/status') {
        const state = await loadState(statePath);
        const latestReport = await latestReportRun(opts.reportsDir);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        const pendingAlerts = (await pending(opts.reportsDir)).length;
        res.end(renderStatusPage(state, { latestReport, schedule: opts.schedule, pendingAlerts }));
        return;
      }
      if (path === '/report' || path.startsWith('/report/')) {
        const latest = await latestReportRun(opts.reportsDir);
        if (!latest) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('no report yet');
          return;
        }
        if (path === '/report') {
          res.writeHead(302, { location: '/report/' }).end();
          return;
        }
        sendStatic(req, res, join(runsDir, latest, 'allure-report'), path.slice('/report/'.length));
        return;
      }
      const run = /^\/runs\/([0-9TZ-]+)\/(report\/.*|report|suite\.log|summary\.json|CUT)$/.exec(path);
      if (run) {
        const [, id, rest] = run as unknown as [string, string, string];
        if (rest === 'report') {
          res.writeHead(302, { location: `/runs/${id}/report/` }).end();
          return;
        }
        if (rest.startsWith('report/'))
          sendStatic(req, res, join(runsDir, id, 'allure-report'), rest.slice('report/'.length));
        else sendStatic(req, res, join(runsDir, id), rest);
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`error: ${(error as Error).message}`);
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, '127.0.0.1', () => ok(server));
  });
}
