import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './ApiError.js';
import { call, onUnauthenticated, setTransport } from './client.js';
import { invalidateForEvent } from './hooks.js';
import { httpTransport, SESSION_HEADER } from './http-transport.js';

afterEach(() => {
  vi.unstubAllGlobals();
  setTransport(null);
});

describe('call over HTTP (browser mode)', () => {
  it('posts {op, input} with the session header and resolves with the value', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: [] }), { headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchMock);
    const transport = httpTransport();
    transport.setSessionToken('s3ss10n');
    setTransport(transport);
    await expect(call('buildings.list', { search: 'Gent' })).resolves.toEqual([]);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/call');
    expect(JSON.parse(String(init.body))).toEqual({ op: 'buildings.list', input: { search: 'Gent' } });
    expect((init.headers as Record<string, string>)[SESSION_HEADER]).toBe('s3ss10n');
    expect(sessionStorage.getItem('koprogo.session')).toBe('s3ss10n');
  });

  it('throws an ApiError with code and problems on {ok:false}, and tells listeners when the session is gone', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Sign in first' } }), { headers: { 'content-type': 'application/json' } })));
    setTransport(httpTransport());
    const gone = vi.fn();
    const off = onUnauthenticated(gone);
    const error = await call('buildings.list', {}).catch((e: unknown) => e);
    off();
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('UNAUTHENTICATED');
    expect(gone).toHaveBeenCalledOnce();
  });

  it('turns a 401 without launch token into LAUNCH_TOKEN, and a dead server into NETWORK', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('Unauthorized', { status: 401 })));
    setTransport(httpTransport());
    await expect(call('system.info', {})).rejects.toMatchObject({ code: 'LAUNCH_TOKEN' });
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(call('system.info', {})).rejects.toMatchObject({ code: 'NETWORK' });
  });
});

describe('data-changed events', () => {
  it('refetch the queries of the entity that changed, not the others', async () => {
    const client = new QueryClient();
    client.setQueryData(['buildings.get', { id: 1 }], {});
    client.setQueryData(['users.list', {}], []);
    client.setQueryData(['system.info', {}], {});
    invalidateForEvent(client, 'data-changed', { entity: 'building', ids: [1] });
    expect(client.getQueryState(['buildings.get', { id: 1 }])?.isInvalidated).toBe(true);
    expect(client.getQueryState(['users.list', {}])?.isInvalidated).toBe(false);
    invalidateForEvent(client, 'data-changed', { entity: 'something-new', ids: [] });
    expect(client.getQueryState(['users.list', {}])?.isInvalidated).toBe(true);
    expect(client.getQueryState(['system.info', {}])?.isInvalidated).toBe(false);
  });

  it('tally-updated refetches the meeting and its projector only', () => {
    const client = new QueryClient();
    client.setQueryData(['ag.get', { id: 7 }], {});
    client.setQueryData(['ag.projector', { assemblyId: 7, key: 'k' }], {});
    client.setQueryData(['users.list', {}], []);
    invalidateForEvent(client, 'tally-updated', { assemblyId: 7, itemId: 12 });
    expect(client.getQueryState(['ag.get', { id: 7 }])?.isInvalidated).toBe(true);
    expect(client.getQueryState(['ag.projector', { assemblyId: 7, key: 'k' }])?.isInvalidated).toBe(true);
    expect(client.getQueryState(['users.list', {}])?.isInvalidated).toBe(false);
  });
});
