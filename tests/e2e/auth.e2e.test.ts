import { SignJWT } from 'jose';
import { expectOk } from '../helpers/expect-ok';
import { codeOf, DEMO_PASSWORD, startTestApp, type TestApp } from '../helpers/test-app';

const ME = '{ me { id username roles } }';
type Me = { me: { id: string; username: string; roles: string[] } };
const LOGIN =
  'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token user { id username } } }';

describe('authentication over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        MAX_LOGIN_ATTEMPTS: '3',
        LOCKOUT_MINUTES: '5',
        JWT_SECRET: 'e2e-auth-secret-kQ3v9ZpL2mX7tR8wB4nH6y',
      },
    });
  });
  afterAll(() => t.close());

  it('logs in and answers me', async () => {
    const token = await t.login('manager');
    const res = await t.gql<{ me: { username: string; roles: string[] } }>(ME, {}, token);
    expect(res.data?.me).toMatchObject({ username: 'manager', roles: ['MANAGER'] });
  });

  it('answers an unknown user and a wrong password with the same coded error', async () => {
    const unknown = await t.gql(LOGIN, { u: 'nobody', p: 'whatever-password' });
    const wrong = await t.gql(LOGIN, { u: 'partner', p: 'wrong-password-1' });
    expect(codeOf(unknown)).toBe('UNAUTHENTICATED');
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0].message).toBe(wrong.errors?.[0].message);
  });

  it('refuses anonymous calls to protected fields with UNAUTHENTICATED', async () => {
    const res = await t.gql(ME);
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
  });

  it('locks an account after MAX_LOGIN_ATTEMPTS failures, indistinguishably, until an admin resets it', async () => {
    const admin = await t.login('admin');
    await t.gql(
      'mutation { createUser(input: { username: "lockme", password: "first-password-1", roles: [AGENT] }) { id } }',
      {},
      admin,
    );
    for (let i = 0; i < 3; i++)
      expect(codeOf(await t.gql(LOGIN, { u: 'lockme', p: 'bad-password-99' }))).toBe('UNAUTHENTICATED');
    const locked = await t.gql(LOGIN, { u: 'lockme', p: 'first-password-1' });
    expect(codeOf(locked)).toBe('UNAUTHENTICATED');
    expect(locked.errors?.[0].message).toBe('Invalid username or password');

    const user = await t.services.users.findByUsername('lockme');
    expect(user?.lockedUntil?.getTime()).toBeGreaterThan(Date.now() + 4 * 60_000);
    const reset = await t.gql(
      'mutation($id: ID!) { resetPassword(id: $id, password: "second-password-2") { lockedUntil } }',
      { id: user!._id },
      admin,
    );
    expect(reset.data).toEqual({ resetPassword: { lockedUntil: null } });
    expect(
      expectOk(await t.gql<{ login: { token: string } }>(LOGIN, { u: 'lockme', p: 'second-password-2' }))
        .login.token,
    ).toEqual(expect.any(String));
  });

  it('revokes every earlier token on logout', async () => {
    const a = await t.login('provider');
    const b = await t.login('provider');
    expect((await t.gql('mutation { logout }', {}, a)).data).toEqual({ logout: true });
    for (const token of [a, b]) {
      const res = await t.gql(ME, {}, token);
      expect(res.status).toBe(401);
      expect(codeOf(res)).toBe('UNAUTHENTICATED');
      expect(res.errors?.[0].message).toBe('Token revoked');
    }
    expect(expectOk(await t.gql<Me>(ME, {}, await t.login('provider'))).me.username).toBe('provider');
  });

  it('changes a password: checks the old one and the policy, revokes old tokens, returns a new one', async () => {
    const admin = await t.login('admin');
    await t.gql(
      'mutation { createUser(input: { username: "changer", password: "original-pass-1", roles: [PARTNER] }) { id } }',
      {},
      admin,
    );
    const old = await t.login('changer', 'original-pass-1');
    const change = (oldPassword: string, newPassword: string) =>
      t.gql<{ changePassword: { token: string } }>(
        'mutation($o: String!, $n: String!) { changePassword(oldPassword: $o, newPassword: $n) { token } }',
        { o: oldPassword, n: newPassword },
        old,
      );
    expect(codeOf(await change('not-the-old-one', 'brand-new-pass-2'))).toBe('BAD_USER_INPUT');
    const short = await change('original-pass-1', 'short');
    expect(codeOf(short)).toBe('BAD_USER_INPUT');
    expect(short.errors?.[0].message).toMatch(/at least 10 characters/);
    expect(codeOf(await change('original-pass-1', 'xx-changer-xx'))).toBe('BAD_USER_INPUT');
    // nothing changed by the refused attempts: the old token and password still work
    expect(expectOk(await t.gql<Me>(ME, {}, old)).me.username).toBe('changer');

    const ok = await change('original-pass-1', 'brand-new-pass-2');
    const fresh = ok.data!.changePassword.token;
    expect(codeOf(await t.gql(ME, {}, old))).toBe('UNAUTHENTICATED');
    expect(expectOk(await t.gql<Me>(ME, {}, fresh)).me.username).toBe('changer');
    expect(codeOf(await t.gql(LOGIN, { u: 'changer', p: 'original-pass-1' }))).toBe('UNAUTHENTICATED');
  });

  it('signs in whatever stale or broken token the Authorization header still carries (login was 401)', async () => {
    const key = new TextEncoder().encode(t.config.JWT_SECRET!);
    const user = await t.services.users.findByUsername('partner');
    const expired = await new SignJWT({ ver: user!.tokenVersion })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user!._id)
      .setIssuer('shiftcast')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(key);
    for (const stale of [expired, 'not-a-jwt']) {
      const signedIn = await t.gql<{ login: { token: string; user: { username: string } } }>(
        LOGIN,
        { u: 'partner', p: DEMO_PASSWORD },
        stale,
      );
      expect(signedIn.status).toBe(200);
      expect(expectOk(signedIn).login.user.username).toBe('partner');
      // the same token still opens nothing else, with the same answer as before
      const me = await t.gql(ME, {}, stale);
      expect([me.status, codeOf(me)]).toEqual([401, 'UNAUTHENTICATED']);
    }
  });

  it('names each role once when refusing (it read "Requires one of: ADMIN, ADMIN")', async () => {
    const res = await t.gql('{ users(first: 1) { nodes { id } } }', {}, await t.login('partner'));
    expect([codeOf(res), res.errors?.[0].message]).toEqual(['FORBIDDEN', 'Requires one of: ADMIN']);
  });

  it('refuses expired and tampered tokens and tokens of deleted users', async () => {
    const key = new TextEncoder().encode(t.config.JWT_SECRET!);
    const user = await t.services.users.findByUsername('manager');
    const expired = await new SignJWT({ ver: user!.tokenVersion })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user!._id)
      .setIssuer('shiftcast')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(key);
    const res = await t.gql(ME, {}, expired);
    expect([res.status, codeOf(res), res.errors?.[0].message]).toEqual([
      401,
      'UNAUTHENTICATED',
      'Token expired',
    ]);

    const good = await t.login('manager');
    const [h, p, s] = good.split('.');
    const tampered = `${h}.${p}.${s.slice(0, -4)}${s.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    expect((await t.gql(ME, {}, tampered)).errors?.[0].message).toBe('Invalid token');
    expect(codeOf(await t.gql(ME, {}, 'not-a-jwt'))).toBe('UNAUTHENTICATED');

    const admin = await t.login('admin');
    const created = await t.gql<{ createUser: { id: string } }>(
      'mutation { createUser(input: { username: "doomed", password: "final-pass-1234", roles: [AGENT] }) { id } }',
      {},
      admin,
    );
    const doomed = await t.login('doomed', 'final-pass-1234');
    await t.gql('mutation($id: ID!) { deleteUser(id: $id) }', { id: created.data!.createUser.id }, admin);
    expect(codeOf(await t.gql(ME, {}, doomed))).toBe('UNAUTHENTICATED');
  });

  it('rejects duplicate usernames, unknown roles and short passwords without writing', async () => {
    const admin = await t.login('admin');
    const before = await t.services.store.collection('users').count();
    const dup = await t.gql(
      'mutation { createUser(input: { username: "manager", password: "whatever-pass-1", roles: [MANAGER] }) { id } }',
      {},
      admin,
    );
    expect(codeOf(dup)).toBe('CONFLICT');
    const badRole = await t.gql(
      'mutation($r: [Role!]!) { createUser(input: { username: "x-role", password: "whatever-pass-1", roles: $r }) { id } }',
      { r: ['EMPEROR'] },
      admin,
    );
    expect(codeOf(badRole)).toBe('BAD_USER_INPUT');
    const short = await t.gql(
      'mutation { createUser(input: { username: "shorty", password: "abc", roles: [AGENT] }) { id } }',
      {},
      admin,
    );
    expect(codeOf(short)).toBe('BAD_USER_INPUT');
    expect(await t.services.store.collection('users').count()).toBe(before);
  });

  it('audits logins and mutations with secrets removed, newest first, paginated', async () => {
    await t.gql(LOGIN, { u: 'agent', p: 'definitely-wrong' });
    await t.gql(LOGIN, { u: 'agent', p: DEMO_PASSWORD });
    const admin = await t.login('admin');
    const page = await t.gql<{
      auditLog: {
        totalCount: number;
        nodes: {
          action: string;
          ok: boolean;
          code: string | null;
          username: string;
          detail: Record<string, unknown>;
        }[];
        pageInfo: { endCursor: string; hasNextPage: boolean };
      };
    }>(
      'query($f: AuditFilterInput) { auditLog(filter: $f, first: 2) { totalCount nodes { action ok code username detail } pageInfo { endCursor hasNextPage } } }',
      { f: { action: 'login' } },
      admin,
    );
    const log = page.data!.auditLog;
    expect(log.totalCount).toBeGreaterThan(3);
    expect(log.nodes[0]).toMatchObject({ action: 'login', ok: true, username: 'admin' });
    expect(log.nodes[1]).toMatchObject({ action: 'login', ok: true, username: 'agent' });
    expect(log.nodes[0].detail).toEqual({ username: 'admin', password: '[redacted]' });
    const next = await t.gql<{ auditLog: { nodes: { ok: boolean; code: string; username: string }[] } }>(
      'query($a: String) { auditLog(filter: { action: "login" }, first: 1, after: $a) { nodes { ok code username } } }',
      { a: log.pageInfo.endCursor },
      admin,
    );
    expect(next.data!.auditLog.nodes[0]).toEqual({ ok: false, code: 'UNAUTHENTICATED', username: 'agent' });
    const raw = JSON.stringify(await t.services.store.collection('auditLog').find({}));
    expect(raw).not.toContain(DEMO_PASSWORD);
    expect(raw).not.toContain('definitely-wrong');
  });
});
