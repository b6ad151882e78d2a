import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { CommandHandlers } from '../../src-main/host/dispatch';
import { startBrowserHost, type BrowserHost } from '../../src-main/host/http';
import type { EventListener } from '../../src-main/station';
import { tempDir } from '../helpers/tmp';

/** A raw request, so tests can set Host and Origin headers the way an attacker could. */
function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the browser host', () => {
  const tmp = tempDir();
  let host: BrowserHost;
  let emit: EventListener = () => undefined;
  const handlers = {
    'scan.submit': async ({ code }: { code: string }) => ({ id: 'scan-1', code }),
  } as unknown as CommandHandlers;

  beforeAll(async () => {
    fs.writeFileSync(path.join(tmp.dir, 'index.html'), '<!doctype html><title>Packdesk</title>');
    host = await startBrowserHost(
      {
        handlers,
        subscribe: (listener) => {
          emit = listener;
          return () => undefined;
        },
      },
      { staticDir: tmp.dir },
    );
  });
  afterAll(async () => {
    await host.close();
    tmp.cleanup();
  });

  const cookie = () => `packdesk_token=${host.token}`;
  const json = { 'content-type': 'application/json' };

  it('listens on 127.0.0.1 only and prints a URL with a strong token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('trades the URL token for an HttpOnly SameSite cookie', async () => {
    const res = await request(host.url);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(res.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await request(`${host.origin}/`, { headers: { cookie: cookie() } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Packdesk');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('refuses every request without the token, including static files', async () => {
    expect((await request(`${host.origin}/`)).status).toBe(401);
    expect((await request(`${host.origin}/index.html`)).status).toBe(401);
    expect((await request(`${host.origin}/?token=wrong`)).status).toBe(401);
    const command = await request(`${host.origin}/api/commands/scan.submit`, {
      method: 'POST',
      headers: json,
      body: '{"code":"PD-1"}',
    });
    expect(command.status).toBe(401);
  });

  it('runs commands with the token and validates their input', async () => {
    const ok = await request(`${host.origin}/api/commands/scan.submit`, {
      method: 'POST',
      headers: { ...json, cookie: cookie() },
      body: '{"code":" PD-1 "}',
    });
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: { id: 'scan-1', code: 'PD-1' } });
    const bad = await request(`${host.origin}/api/commands/scan.submit`, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${host.token}` },
      body: '{"code":""}',
    });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const unknown = await request(`${host.origin}/api/commands/db.exec`, {
      method: 'POST',
      headers: { ...json, cookie: cookie() },
      body: '{}',
    });
    expect(JSON.parse(unknown.body)).toMatchObject({
      ok: false,
      error: { code: 'unknown-command' },
    });
  });

  it('refuses other origins, rebinding hosts and form posts', async () => {
    const fromElsewhere = await request(`${host.origin}/api/commands/scan.submit`, {
      method: 'POST',
      headers: { ...json, cookie: cookie(), origin: 'https://evil.example' },
      body: '{"code":"PD-1"}',
    });
    expect(fromElsewhere.status).toBe(403);
    const rebound = await request(`${host.origin}/`, {
      headers: { cookie: cookie(), host: 'evil.example' },
    });
    expect(rebound.status).toBe(403);
    const form = await request(`${host.origin}/api/commands/scan.submit`, {
      method: 'POST',
      headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'code=PD-1',
    });
    expect(form.status).toBe(415);
  });

  it('streams events over a WebSocket that needs the token and our origin', async () => {
    const wsUrl = host.origin.replace('http', 'ws') + '/api/events';
    const refused = await new Promise<string>((resolve) => {
      const ws = new WebSocket(wsUrl, { headers: { origin: host.origin } });
      ws.on('open', () => resolve('open'));
      ws.on('error', () => resolve('refused'));
    });
    expect(refused).toBe('refused');
    const wrongOrigin = await new Promise<string>((resolve) => {
      const ws = new WebSocket(wsUrl, {
        headers: { origin: 'https://evil.example', cookie: cookie() },
      });
      ws.on('open', () => resolve('open'));
      ws.on('error', () => resolve('refused'));
    });
    expect(wrongOrigin).toBe('refused');

    const ws = new WebSocket(wsUrl, { headers: { origin: host.origin, cookie: cookie() } });
    await new Promise((resolve, reject) => {
      ws.on('open', resolve);
      ws.on('error', reject);
    });
    const message = new Promise<string>((resolve) =>
      ws.once('message', (data) => resolve(String(data))),
    );
    emit('scan.updated', { id: 'scan-9' } as never);
    expect(JSON.parse(await message)).toEqual({ event: 'scan.updated', payload: { id: 'scan-9' } });
    ws.close();
  });
});
