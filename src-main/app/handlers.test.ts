import { describe, expect, it } from 'vitest';
import { operationNames, operations } from '../../src-shared/contract/index.js';
import { PERMISSIONS } from '../../src-shared/permissions.js';
import { handlers } from './handlers.js';

describe('the contract and the handlers', () => {
  it('every declared operation has a handler', () => {
    const missing = operationNames.filter((n) => typeof (handlers as Record<string, unknown>)[n] !== 'function');
    expect(missing).toEqual([]);
  });
  it('every handler implements a declared operation', () => {
    const extra = Object.keys(handlers).filter((n) => !Object.hasOwn(operations, n));
    expect(extra).toEqual([]);
  });
  it('every operation names a known permission, and only sign-in and information are public', () => {
    for (const [name, def] of Object.entries(operations)) expect(PERMISSIONS, name).toContain(def.permission);
    const pub = Object.entries(operations).filter(([, d]) => d.permission === 'public').map(([n]) => n).sort();
    // ag.projector is public but needs the meeting's random projector key, and shows no personal data.
    expect(pub).toEqual(['ag.projector', 'auth.signIn', 'auth.signOut', 'system.info']);
  });
});
