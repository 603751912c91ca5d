/**
 * Issue #10, item 1: anonymous `login` requests with a 4.8 MB username were audited raw, twice
 * (9.6 MB per request); after about 50 of them compaction built the whole store as one string,
 * hit `RangeError: Invalid string length`, every later write failed, /readyz still said ready and
 * the server could not start again.
 *
 * Safe outcome, held at each cause on its own (a GraphQL-level length cap may refuse the request
 * earlier, so the audit and store paths are also driven directly):
 * - the audit middleware stores a bounded entry, whatever the arguments;
 * - the store streams its snapshot: a store larger than any string still closes and reopens;
 * - end to end, the server starts again after 100 oversized anonymous logins;
 * - a write the disk refuses fails that request only, and /readyz says so.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphQLResolveInfo } from 'graphql';
import { auditMiddleware } from '../../src/auth/audit-middleware';
import { AUDIT_LOG, type AuditDoc } from '../../src/auth/audit.doc';
import { AuditService } from '../../src/auth/audit.service';
import type { RequestContext } from '../../src/auth/request-context';
import { badInput } from '../../src/errors';
import { createLogger } from '../../src/logger';
import { EmbeddedStore } from '../../src/store/embedded-store';
import { postGql, startServer } from '../helpers/server-process';

const MB = 1024 * 1024;
const HUGE_NAME = 'u'.repeat(4.8 * MB);
const PASSWORD = 'security-test-password';
const LOGIN = 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';

const CREATE_STAFF = 'mutation ($input: CreateStaffInput!) { createStaff(input: $input) { id } }';
const STAFF_COUNT = '{ staff { totalCount } }';
const staffInput = (i: number) => ({
  employeeNo: `S-${i}`,
  name: `Person ${i}`,
  skills: ['team_lead'],
  hourlyCost: 20,
  contract: { minHoursWeek: 0, maxHoursWeek: 40, maxDaysWeek: 5, maxConsecutiveDays: 5 },
});

const dirBytes = (dir: string): number =>
  readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);

describe('security #1: oversized anonymous requests cannot brick the store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shiftcast-sec1-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the audit middleware stores 100 oversized logins as small bounded entries; the store reopens', async () => {
    const store = await EmbeddedStore.open({ dataDir: dir, compactAfterBytes: 256 * 1024 });
    const audit = new AuditService(store);
    const middleware = auditMiddleware(
      audit,
      createLogger({ LOG_LEVEL: 'silent', production: false, NODE_ENV: 'test' }),
    );
    const info = { parentType: { name: 'Mutation' }, path: { prev: undefined }, fieldName: 'login' };
    for (let i = 0; i < 100; i++) {
      const call = middleware(
        {
          info: info as unknown as GraphQLResolveInfo,
          args: { username: HUGE_NAME, password: 'x' },
          context: { viewer: null } as unknown as RequestContext,
          root: {},
        },
        () => Promise.reject(badInput('username is too long')),
      );
      await expect(call).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    }
    const entries = await store.collection<AuditDoc>(AUDIT_LOG).find();
    expect(entries).toHaveLength(100);
    for (const e of entries) {
      expect(JSON.stringify(e).length).toBeLessThan(8 * 1024);
      expect(e.detail.password).toBe('[redacted]');
    }
    // 100 requests of 4.8 MB each left well under a megabyte on disk
    expect(dirBytes(dir)).toBeLessThan(MB);
    await store.close();
    const reopened = await EmbeddedStore.open({ dataDir: dir });
    expect(await reopened.collection(AUDIT_LOG).count()).toBe(100);
    await reopened.close();
  });

  it('a store larger than the longest string (56 raw 9.6 MB entries, as before the fix) closes and reopens', async () => {
    // What the unbounded audit wrote: the argument twice. 56 × 9.6 MB = 564 M characters, more than
    // V8's longest string (2^29 - 24 = 536.9 M): one JSON string of this store cannot exist.
    const ENTRIES = 56;
    const store = await EmbeddedStore.open({ dataDir: dir, compactAfterBytes: 2 * 1024 * MB });
    const log = store.collection<AuditDoc & { raw: string }>(AUDIT_LOG);
    for (let i = 0; i < ENTRIES; i++) {
      await log.insertOne({
        _id: `e${i}`,
        at: new Date(),
        userId: null,
        username: HUGE_NAME,
        action: 'login',
        target: null,
        ok: false,
        code: 'BAD_USER_INPUT',
        detail: { username: HUGE_NAME },
        raw: '',
      });
    }
    await store.close(); // compaction: streamed, one line per document
    const reopened = await EmbeddedStore.open({ dataDir: dir, compactAfterBytes: 2 * 1024 * MB });
    const again = reopened.collection<AuditDoc>(AUDIT_LOG);
    expect(await again.count()).toBe(ENTRIES);
    expect((await again.findById(`e${ENTRIES - 1}`))!.username).toHaveLength(HUGE_NAME.length);
    await again.insertOne({ ...(await again.findById('e0'))!, _id: 'after' });
    await reopened.close();
  }, 120_000);

  it('end to end: the server starts again after 100 oversized anonymous logins', async () => {
    const env = { DATA_DIR: dir, SEED_PASSWORD: PASSWORD };
    const first = await startServer(env);
    try {
      for (let i = 0; i < 100; i++) {
        const res = await postGql(first.url, LOGIN, { u: HUGE_NAME, p: 'x' });
        expect(res.status).toBeLessThan(500);
        expect(res.body.data?.login ?? null).toBeNull();
        expect(res.body.errors?.[0]?.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      }
      expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    expect(dirBytes(dir)).toBeLessThan(4 * MB);
    const second = await startServer(env);
    try {
      expect(await (await fetch(`${second.url}/readyz`)).json()).toMatchObject({
        status: 'ready',
        writable: true,
      });
      const login = await postGql(second.url, LOGIN, { u: 'admin', p: PASSWORD });
      expect(login.body.data?.login).toMatchObject({ token: expect.any(String) });
    } finally {
      expect(await second.stop()).toBe(0);
    }
  }, 120_000);

  it('end to end: a write the disk refuses fails alone, /readyz reports it, and the store reopens', async () => {
    const env = { DATA_DIR: dir, SEED_PASSWORD: PASSWORD };
    // seed the accounts without a limit, then run under a 64 KiB file size limit
    const seeded = await startServer(env);
    expect(await seeded.stop()).toBe(0);
    const limited = await startServer(env, { fileSizeLimitKiB: 64 });
    let created = 0;
    try {
      const admin = (await postGql(limited.url, LOGIN, { u: 'admin', p: PASSWORD })).body.data!.login as {
        token: string;
      };
      // each createStaff journals a document and an audit entry: the journal soon reaches the limit
      let refusal: { code?: string; message?: string } | undefined;
      for (let i = 0; i < 400 && !refusal; i++) {
        const res = await postGql(limited.url, CREATE_STAFF, { input: staffInput(i) }, admin.token);
        expect(res.status).toBeLessThan(500);
        if (res.body.data?.createStaff) created++;
        else
          refusal = {
            ...res.body.errors?.[0]?.extensions,
            message: (res.body.errors?.[0] as { message?: string })?.message,
          };
      }
      expect(created).toBeGreaterThan(10);
      expect(refusal).toMatchObject({
        code: 'UNAVAILABLE',
        message: expect.stringMatching(/EFBIG.*nothing was changed/),
      });
      const ready = await fetch(`${limited.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'unavailable', writable: false });
      // the store keeps serving reads, and holds exactly the acknowledged writes
      const count = await postGql(limited.url, STAFF_COUNT, {}, admin.token);
      expect(count.body.data).toEqual({ staff: { totalCount: created } });
    } finally {
      // the closing compaction cannot write its snapshot either: shutdown says so and exits 1
      expect(await limited.stop()).toBe(1);
    }
    expect(limited.output()).toMatch(/EFBIG.*"msg":"shutdown failed"/);
    const after = await startServer(env);
    try {
      expect((await fetch(`${after.url}/readyz`)).status).toBe(200);
      const admin = (await postGql(after.url, LOGIN, { u: 'admin', p: PASSWORD })).body.data!.login as {
        token: string;
      };
      const count = await postGql(after.url, STAFF_COUNT, {}, admin.token);
      expect(count.body.data).toEqual({ staff: { totalCount: created } });
    } finally {
      expect(await after.stop()).toBe(0);
    }
  }, 120_000);
});
