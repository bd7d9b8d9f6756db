// Static files for `npm run report` and the monitor's report pages, from sirv (MIME types, ranges,
// ETags, no path outside the folder). Bad input is answered, never thrown: a malformed URL gets 400,
// a missing file 404, only GET/HEAD are served (405), and the server keeps serving.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import sirv from 'sirv';

const text = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(body);

/** The URL's path, decoded; undefined when it is not valid percent-encoding (e.g. `/%E0%A4%A`). */
export function decodedPath(url = '/'): string | undefined {
  try {
    return decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return undefined;
  }
}

/**
 * Answers `req` with the file at `rel` (a decoded path; "" or ending in "/" = its index.html) under
 * `root`, or a 4xx. `rel` is what follows the route's prefix, e.g. "/runs/<id>/report/" + rel.
 */
export function sendStatic(req: IncomingMessage, res: ServerResponse, root: string, rel: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return void text(res, 405, 'method not allowed', { allow: 'GET, HEAD' });
  const path = `/${rel.replace(/^\/+/, '')}`;
  const files = sirv(root, {
    dev: true,
    etag: true,
    dotfiles: false,
    extensions: [],
    // logs and notes (suite.log, error-context.md) read as text in the browser
    setHeaders: (out, file) => {
      if (/\.(log|md|txt)$/.test(file)) out.setHeader('content-type', 'text/plain; charset=utf-8');
    },
  });
  const original = req.url;
  // sirv reads req.url (and decodes it again): hand it the file's path, encoded
  req.url = encodeURI(path.endsWith('/') ? `${path}index.html` : path);
  files(req as never, res as never, () => void text(res, 404, 'not found'));
  req.url = original;
}

/** Serves a folder read-only on 127.0.0.1 (allure open listens on every interface). */
export function serveStatic(dir: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodedPath(req.url);
    if (path === undefined) text(res, 400, 'bad request: malformed URL');
    else sendStatic(req, res, dir, path);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}
