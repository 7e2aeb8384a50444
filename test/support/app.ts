import { startApp, type AppInstance } from '../../src-main/app/bootstrap.js';
import { memorySettings } from '../../src-main/app/local-settings.js';
import type { OpInput, OpOutput, OperationName } from '../../src-shared/contract/index.js';
import type { Result } from '../../src-shared/result.js';
import { freshTarget, type DriverName } from './drivers.js';

export interface TestApp extends AppInstance {
  /** Calls as the command line (admin). */
  admin<N extends OperationName>(name: N, input: OpInput<N>): Promise<OpOutput<N>>;
  /** Calls with a session token; returns the envelope. */
  as<N extends OperationName>(token: string | undefined, name: N, input: OpInput<N> | unknown): Promise<Result<OpOutput<N>>>;
  /** Creates a user with one role and signs in; returns the session token. */
  signedIn(role: 'admin' | 'syndic' | 'accountant' | 'council' | 'owner', scope?: { buildingId?: number; ownerId?: number }): Promise<string>;
}

let userSeq = 0;

export async function testApp(driver: DriverName, now?: () => Date): Promise<TestApp> {
  const app = await startApp({ target: await freshTarget(driver), door: 'test', localSettings: memorySettings(), ...(now ? { now } : {}) });
  const t: TestApp = {
    ...app,
    async admin(name, input) {
      const r = await app.dispatcher.call(name, input, { cli: true });
      if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.details ?? {})}`);
      return r.value as never;
    },
    as: (token, name, input) => app.dispatcher.call(name, input, { sessionToken: token }) as never,
    async signedIn(role, scope = {}) {
      const email = `${role}${++userSeq}@test.koprogo.be`;
      await t.admin('users.create', { email, displayName: `${role} ${userSeq}`, password: 'correct horse battery', roles: [{ role, buildingId: scope.buildingId ?? null, ownerId: scope.ownerId ?? null }] });
      const r = await app.dispatcher.call('auth.signIn', { email, password: 'correct horse battery' });
      if (!r.ok) throw new Error(r.error.message);
      return (r.value as { sessionToken: string }).sessionToken;
    },
  };
  return t;
}
