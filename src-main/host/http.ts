import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { msg, type EventEnvelope } from '../../src-shared';
import { createLogger } from '../log';
import type { Station } from '../station';
import { dispatch } from './dispatch';

export interface BrowserHostOptions {
  /** 0 picks a free port. */
  port?: number;
  /** The built renderer (`out/renderer`). */
  staticDir: string;
  /** Tests may fix the token; a real start always draws a new random one. */
  token?: string;
}

export interface BrowserHost {
  /** The full URL to open, with its access token. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  close(): Promise<void>;
}

const COOKIE = 'packdesk_token';
const MAX_BODY = 64 * 1024;
const log = createLogger('browser-host');

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

/**
 * The station for a browser: the contract over HTTP (commands) and a WebSocket (events), on
 * 127.0.0.1 only. Every request needs the per-start token, given once in the URL and then
 * kept in an HttpOnly, SameSite=Strict cookie; requests from any other origin or host are refused.
 */
export async function startBrowserHost(
  station: Pick<Station, 'handlers' | 'subscribe'>,
  options: BrowserHostOptions,
): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const staticDir = path.resolve(options.staticDir);
  let allowedHosts = new Set<string>();

  const tokenMatches = (candidate: string | undefined | null): boolean => {
    if (!candidate) return false;
    const bytes = Buffer.from(candidate);
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes);
  };

  const presentedToken = (req: http.IncomingMessage): string | undefined => {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) return auth.slice(7);
    const cookies = req.headers.cookie?.split(';') ?? [];
    for (const cookie of cookies) {
      const [name, ...value] = cookie.trim().split('=');
      if (name === COOKIE) return value.join('=');
    }
    return undefined;
  };

  /** Host and Origin checks: stop DNS rebinding and cross-site pages reaching the station. */
  const sameSite = (req: http.IncomingMessage, requireOrigin: boolean): boolean => {
    if (!req.headers.host || !allowedHosts.has(req.headers.host)) return false;
    const requestOrigin = req.headers.origin;
    if (requestOrigin === undefined) return !requireOrigin;
    return (
      allowedHosts.has(requestOrigin.replace(/^http:\/\//, '')) &&
      requestOrigin.startsWith('http://')
    );
  };

  const securityHeaders = (wsOrigin: string): Record<string, string> => ({
    'content-security-policy':
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
      `connect-src 'self' ${wsOrigin}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'`,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  });

  const send = (
    res: http.ServerResponse,
    status: number,
    body: string | Buffer,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'cache-control': 'no-store', ...headers });
    res.end(body);
  };

  const readBody = (req: http.IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY) {
          reject(new Error('too large'));
          req.destroy();
        } else chunks.push(chunk);
      });
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });

  const handleCommand = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    name: string,
  ) => {
    if (req.method !== 'POST') return send(res, 405, 'Use POST.', { allow: 'POST' });
    // A JSON content type cannot be sent cross-site without a preflight, which we never answer.
    if (!req.headers['content-type']?.startsWith('application/json')) {
      return send(res, 415, 'Commands are JSON.');
    }
    let input: unknown;
    try {
      const text = await readBody(req);
      input = text ? JSON.parse(text) : {};
    } catch {
      const result = {
        ok: false,
        error: { code: 'invalid-input', ...msg('error.notJson') },
      };
      return send(res, 400, JSON.stringify(result), { 'content-type': 'application/json' });
    }
    const result = await dispatch(station.handlers, name, input);
    send(res, 200, JSON.stringify(result), { 'content-type': 'application/json' });
  };

  const serveStatic = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.');
    const relative = decodeURIComponent(pathname).replace(/^\/+/, '') || 'index.html';
    let file = path.resolve(staticDir, relative);
    if (!file.startsWith(staticDir + path.sep)) return send(res, 404, 'Not found.');
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      // The renderer is one page; unknown paths without an extension get it.
      if (path.extname(relative)) return send(res, 404, 'Not found.');
      file = path.join(staticDir, 'index.html');
    }
    const type = contentTypes[path.extname(file)] ?? 'application/octet-stream';
    const body = fs.readFileSync(file);
    send(res, 200, req.method === 'HEAD' ? '' : body, {
      'content-type': type,
      ...securityHeaders(`ws://${req.headers.host ?? ''}`),
    });
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://placeholder');
      if (!sameSite(req, false)) return send(res, 403, 'Forbidden: wrong host or origin.');

      const queryToken = url.searchParams.get('token');
      if (queryToken !== null) {
        if (!tokenMatches(queryToken)) return send(res, 401, 'This access token is not valid.');
        // Trade the token in the URL for a cookie, and drop it from the address bar.
        url.searchParams.delete('token');
        return send(res, 303, '', {
          location: url.pathname + url.search,
          'set-cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        });
      }
      if (!tokenMatches(presentedToken(req))) {
        return send(
          res,
          401,
          'Packdesk needs its access token. Open the full URL that `npm run start:web` printed.',
          { 'content-type': 'text/plain; charset=utf-8' },
        );
      }
      const commandPrefix = '/api/commands/';
      if (url.pathname.startsWith(commandPrefix)) {
        return handleCommand(req, res, url.pathname.slice(commandPrefix.length));
      }
      if (url.pathname.startsWith('/api/')) return send(res, 404, 'Not found.');
      return serveStatic(req, res, url.pathname);
    })().catch((error: unknown) => {
      log.error('request failed', { error });
      if (!res.headersSent) send(res, 500, 'Internal error.');
    });
  });

  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  server.on('upgrade', (req, socket: net.Socket, head) => {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    const authorised =
      url.pathname === '/api/events' &&
      sameSite(req, true) &&
      (tokenMatches(presentedToken(req)) || tokenMatches(url.searchParams.get('token')));
    if (!authorised) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('error', () => sockets.delete(ws));
    });
  });

  const unsubscribe = station.subscribe((event, payload) => {
    const message = JSON.stringify({ event, payload } satisfies EventEnvelope);
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(message);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
