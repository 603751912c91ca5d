/**
 * Issue 10, item 9: the server listened on 0.0.0.0 with a JWT secret published in the
 * source; a PARTNER could read a manager's id, sign `{ sub, ver: 0 }` with that secret and
 * become MANAGER; production accepted a 32-letter secret of one repeated letter; tokens
 * without `exp` were accepted; re-activating a user revived old tokens.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { JWT_SECRET_FILE, jwtSecret } from '../../src/auth/jwt-secret';
import { ConfigError, loadConfig } from '../../src/config';
import { codeOf, startTestApp, type TestApp } from '../helpers/test-app';

/** The development default the old source published. */
const PUBLISHED = 'shiftcast-development-secret-change-me-0123456789';
const ME = '{ me { username roles } }';

describe('item 9: safe defaults', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('listens on 127.0.0.1 unless HOST says otherwise', () => {
    expect(loadConfig({}).HOST).toBe('127.0.0.1');
  });

  it('generates a random secret at first start into the data dir, mode 0600, and reuses it', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shiftcast-secret-'));
    try {
      const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir });
      const first = jwtSecret(config);
      const file = path.join(dataDir, JWT_SECRET_FILE);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(first.length).toBeGreaterThanOrEqual(64);
      expect(jwtSecret(config)).toBe(first);
      expect(jwtSecret(loadConfig({ NODE_ENV: 'test' }))).not.toBe(
        jwtSecret(loadConfig({ NODE_ENV: 'test' })),
      );
      expect(jwtSecret(loadConfig({ JWT_SECRET: 'given-secret', DATA_DIR: dataDir }))).toBe('given-secret');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a low-entropy secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a'.repeat(32) })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: PUBLISHED })).not.toThrow();
  });

  it('refuses a MANAGER token a PARTNER forged with the once-published secret', async () => {
    const manager = await t.services.users.findByUsername('manager');
    const forged = await new SignJWT({ ver: manager!.tokenVersion })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(manager!._id)
      .setIssuer('shiftcast')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(PUBLISHED));
    const res = await t.gql(ME, {}, forged);
    expect([res.status, codeOf(res), res.errors?.[0]?.message]).toEqual([
      401,
      'UNAUTHENTICATED',
      'Invalid token',
    ]);
  });

  it('refuses a correctly signed token without exp', async () => {
    const secret = 'known-secret-for-this-test-kQ3v9ZpL2mX7tR8w';
    const app = await startTestApp({ env: { JWT_SECRET: secret } });
    try {
      const manager = await app.services.users.findByUsername('manager');
      const noExp = await new SignJWT({ ver: manager!.tokenVersion })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(manager!._id)
        .setIssuer('shiftcast')
        .setIssuedAt()
        .sign(new TextEncoder().encode(secret));
      expect(codeOf(await app.gql(ME, {}, noExp))).toBe('UNAUTHENTICATED');
      expect((await app.gql(ME, {}, await app.login('manager'))).data).toEqual({
        me: { username: 'manager', roles: ['MANAGER'] },
      });
    } finally {
      await app.close();
    }
  });

  it('does not revive old tokens when a user is re-activated', async () => {
    const admin = await t.login('admin');
    const old = await t.login('agent');
    const agent = await t.services.users.findByUsername('agent');
    const setActive = (active: boolean) =>
      t.gql(
        'mutation($id: ID!, $a: Boolean!) { updateUser(id: $id, input: { active: $a }) { active } }',
        { id: agent!._id, a: active },
        admin,
      );
    await setActive(false);
    await setActive(true);
    expect(codeOf(await t.gql(ME, {}, old))).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, {}, await t.login('agent'))).data).toEqual({
      me: { username: 'agent', roles: ['AGENT'] },
    });
  });
});
