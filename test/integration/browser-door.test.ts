import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserServer, type BrowserServer } from '../../src-main/transport/http-server.js';
import { BuildingSchema } from '../../src-main/db/entities/index.js';
import { testApp, type TestApp } from '../support/app.js';

describe('browser mode door (HTTP + WebSocket on 127.0.0.1)', () => {
  let app: TestApp;
  let server: BrowserServer;
  let base: string;
  beforeAll(async () => {
    app = await testApp('sqlite');
    await app.admin('users.create', { email: 'syndic@test.be', displayName: 'Syndic', password: 'correct horse battery', roles: [{ role: 'syndic', buildingId: null, ownerId: null }] });
    server = await startBrowserServer({ dispatcher: app.dispatcher, staticDir: null });
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.close();
    await app?.close();
  });

  const call = (op: string, input: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/call`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ op, input }) });

  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
  });

  it('refuses a request without the launch token', async () => {
    const r = await call('system.info', {});
    expect(r.status).toBe(401);
    expect(await r.text()).toMatch(/launch link/);
  });

  it('refuses a wrong token and a foreign Host or Origin', async () => {
    expect((await call('system.info', {}, { 'x-koprogo-token': 'nope' })).status).toBe(401);
    expect((await call('system.info', {}, { 'x-koprogo-token': server.token, origin: 'http://evil.example' })).status).toBe(403);
  });

  it('the launch link sets a cookie that authorizes later requests', async () => {
    const r = await fetch(server.url, { redirect: 'manual' });
    expect(r.status).toBe(302);
    const cookie = r.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const info = await call('system.info', {}, { cookie: cookie.split(';')[0] as string });
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({ ok: true, value: { door: 'test', driver: 'sqlite', user: null } });
  });

  it('serves the handlers with the session header, and sets a strict CSP', async () => {
    const t = { 'x-koprogo-token': server.token };
    const signIn = (await (await call('auth.signIn', { email: 'syndic@test.be', password: 'correct horse battery' }, t)).json()) as { ok: boolean; value: { sessionToken: string } };
    expect(signIn.ok).toBe(true);
    const r = await call('buildings.list', {}, { ...t, 'x-koprogo-session': signIn.value.sessionToken });
    expect(r.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(await r.json()).toEqual({ ok: true, value: [] });
    const anonymous = await (await call('buildings.list', {}, t)).json();
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('malformed JSON is a validation error, not a crash', async () => {
    const r = await fetch(`${base}/api/call`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-koprogo-token': server.token }, body: '{"op":' });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses a WebSocket without the token and pushes events to one with it', async () => {
    const refused = new WebSocket(`ws://127.0.0.1:${server.port}/api/events`);
    const err = await new Promise<string>((resolve) => refused.on('error', (e) => resolve(e.message)));
    expect(err).toMatch(/401/);

    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/events`, { headers: { cookie: `koprogo_launch=${server.token}` } });
    await new Promise((resolve) => ws.on('open', resolve));
    const received = new Promise<unknown>((resolve) => ws.on('message', (m) => resolve(JSON.parse(String(m)))));
    const created = await app.admin('buildings.create', { name: 'Évent', address: { street: 'Rue 1', postalCode: '1000', city: 'Bruxelles', country: 'BE' }, bce: null, totalShares: 1000, bankAccounts: [] });
    expect(await received).toEqual({ event: 'data-changed', payload: { entity: 'building', ids: [created.id] } });
    ws.close();
    expect(await app.db.em().count(BuildingSchema, {})).toBe(1);
  });
});
