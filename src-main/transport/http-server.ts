import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Dispatcher } from '../app/dispatch.js';
import { buildCsp } from './csp.js';
import { contentTypeOf } from './mime.js';

export const TOKEN_COOKIE = 'koprogo_launch';
export const TOKEN_HEADER = 'x-koprogo-token';
export const SESSION_HEADER = 'x-koprogo-session';
const MAX_BODY = 25 * 1024 * 1024;


export interface BrowserServer {
  /** The address to open, with the launch token. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export interface BrowserServerOptions {
  dispatcher: Dispatcher;
  /** The built renderer (dist/renderer); null serves the API only. */
  staticDir: string | null;
  port?: number;
  token?: string;
}

function safeEqual(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a), y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

function securityHeaders(res: ServerResponse, port: number) {
  res.setHeader('Content-Security-Policy', buildCsp({ connect: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`] }));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-store');
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'Content-Type': type });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Browser mode: the same handlers over HTTP and WebSocket, on 127.0.0.1 only. Every
 * request needs the per-launch token (cookie set by the launch link, or header), the
 * Host must be this machine (no DNS rebinding) and a cross-site Origin is refused.
 */
export async function startBrowserServer(opts: BrowserServerOptions): Promise<BrowserServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const hostOk = (req: IncomingMessage) => req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`;
  const originOk = (req: IncomingMessage) => !req.headers.origin || req.headers.origin === `http://127.0.0.1:${port}` || req.headers.origin === `http://localhost:${port}`;
  const authorized = (req: IncomingMessage) => safeEqual(cookie(req, TOKEN_COOKIE), token) || safeEqual(req.headers[TOKEN_HEADER] as string | undefined, token);

  const server = createServer(async (req, res) => {
    try {
      securityHeaders(res, port);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (!hostOk(req) || !originOk(req)) return send(res, 403, 'Forbidden: KoproGo only answers this computer.');
      const launch = url.searchParams.get('token');
      if (req.method === 'GET' && launch !== null) {
        if (!safeEqual(launch, token)) return send(res, 401, 'This launch link is not valid: use the one KoproGo printed when it started.');
        url.searchParams.delete('token');
        res.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`);
        res.writeHead(302, { Location: url.pathname + (url.search || '') });
        return res.end();
      }
      if (!authorized(req)) return send(res, 401, 'Unauthorized: open KoproGo with the launch link it printed when it started.');

      if (url.pathname === '/api/call') {
        if (req.method !== 'POST') return send(res, 405, 'POST only');
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'JSON only');
        let payload: { op?: unknown; input?: unknown };
        try {
          payload = JSON.parse(await readBody(req)) as typeof payload;
        } catch {
          return send(res, 400, JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: 'The request is not valid JSON' } }), 'application/json');
        }
        const result = await opts.dispatcher.call(String(payload.op ?? ''), payload.input, { sessionToken: req.headers[SESSION_HEADER] as string | undefined });
        return send(res, 200, JSON.stringify(result), 'application/json');
      }
      if (url.pathname.startsWith('/api/')) return send(res, 404, 'Not found');
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
      return serveStatic(opts.staticDir, url.pathname, res);
    } catch {
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.end();
    }
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const clients = new Set<WebSocket>();
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/api/events' || !hostOk(req) || !originOk(req) || !authorized(req)) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      ws.on('close', () => clients.delete(ws));
    });
  });
  const unsubscribe = opts.dispatcher.services.events.subscribe((event, payload) => {
    const msg = JSON.stringify({ event, payload });
    for (const ws of clients) if (ws.readyState === ws.OPEN) ws.send(msg);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      unsubscribe();
      for (const ws of clients) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function serveStatic(dir: string | null, pathname: string, res: ServerResponse) {
  if (!dir) return send(res, 404, 'No renderer built: run npm run build');
  let rel: string;
  try {
    rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  } catch {
    return send(res, 400, 'Bad path');
  }
  let file = join(dir, rel);
  if (!file.startsWith(dir + sep) && file !== dir) return send(res, 403, 'Forbidden');
  // Single-page app: unknown routes (e.g. /projector) serve index.html; a missing asset is a 404.
  if (!existsSync(file) || statSync(file).isDirectory()) {
    if (extname(rel) !== '') return send(res, 404, 'Not found');
    file = join(dir, 'index.html');
  }
  if (!existsSync(file)) return send(res, 404, 'No renderer built: run npm run build');
  res.writeHead(200, { 'Content-Type': contentTypeOf(file) });
  createReadStream(file).pipe(res);
}
