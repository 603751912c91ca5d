/**
 * Issue 10, item 1: anonymous `login(username: <4.8 MB>)` requests bricked the embedded
 * store (the audit log journaled every raw argument). Strings are now capped at the edge,
 * before any resolver, middleware or audit entry sees them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AUDIT_LOG } from '../../src/auth/audit.doc';
import { EmbeddedStore } from '../../src/store/embedded-store';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { MB, postRaw, sendFromChild, watchWhile } from './hostile';

const HUGE = 'u'.repeat(Math.round(4.8 * 1000 * 1000));
const LITERAL = JSON.stringify({ query: `mutation { login(username: "${HUGE}", password: "x") { token } }` });
const VARIABLE = JSON.stringify({
  query: 'mutation($u: String!) { login(username: $u, password: "x") { token } }',
  variables: { u: HUGE },
});

describe('item 1: oversized anonymous strings', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses 100 oversized logins with BAD_USER_INPUT before anything is stored, and the store still opens', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shiftcast-sec1-'));
    const disk = await startTestApp({ store: await EmbeddedStore.open({ dataDir: dir }) });
    try {
      await oversizedLogins(disk, dir);
    } finally {
      await disk.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('caps names, variable keys and variable defaults too', async () => {
    const longName = 'f'.repeat(500);
    const byName = await postRaw(t.app.url, JSON.stringify({ query: `{ ${longName} }` }));
    expect(byName.status).toBe(400);
    expect(byName.json.errors?.map((e) => e.extensions?.code)).toContain('BAD_USER_INPUT');
    const byDefault = await postRaw(
      t.app.url,
      JSON.stringify({
        query: `mutation($u: String = "${'d'.repeat(5000)}") { login(username: $u, password: "x") { token } }`,
      }),
    );
    expect(byDefault.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const byKey = await t.gql('query($f: StaffFilterInput) { staff(filter: $f) { totalCount } }', {
      f: { ['k'.repeat(5000)]: 1 },
    });
    expect(byKey.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(byKey).length).toBeLessThan(2000);
  });

  it('keeps messages short even when graphql quotes what it was sent', async () => {
    const res = await postRaw(t.app.url, JSON.stringify({ query: `{ "${'q'.repeat(100_000)}" }` }));
    expect(res.status).toBe(400);
    expect(res.json.errors?.[0]?.message.length).toBeLessThan(1100);
  });
});

async function oversizedLogins(disk: TestApp, dir: string): Promise<void> {
  const auditBefore = await disk.services.store.collection(AUDIT_LOG).count();
  await fetch(`${disk.app.url}/healthz`); // connect and warm up before measuring
  await postRaw(disk.app.url, VARIABLE);
  const first = await watchWhile(disk.app.url, sendFromChild(disk.app.url, LITERAL));
  const second = await watchWhile(disk.app.url, sendFromChild(disk.app.url, VARIABLE));
  expect(first.result.status).toBe(400);
  expect(first.result.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(first.result.json.errors?.[0]?.message).toMatch(/^The query document is \d+ characters long/);
  expect(first.slowestHealthMs).toBeLessThan(100);
  expect([second.result.status, second.result.json.errors?.[0]?.extensions?.code]).toEqual([
    400,
    'BAD_USER_INPUT',
  ]);
  expect(second.slowestHealthMs).toBeLessThan(100);

  for (let i = 3; i < 100; i += 4) {
    const batch = [i, i + 1, i + 2, i + 3].filter((n) => n < 100);
    const answers = await Promise.all(batch.map((n) => postRaw(disk.app.url, n % 2 ? VARIABLE : LITERAL)));
    for (const res of answers)
      expect([res.status, res.json.errors?.[0]?.extensions?.code]).toEqual([400, 'BAD_USER_INPUT']);
  }
  // no resolver ran: not even the audit middleware wrote an entry
  expect(await disk.services.store.collection(AUDIT_LOG).count()).toBe(auditBefore);
  const ready = await fetch(`${disk.app.url}/readyz`);
  expect(ready.status).toBe(200);

  const login = await disk.gql('mutation { login(username: "admin", password: "wrong-password") { token } }');
  expect(login.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  await disk.app.close();
  const journalBytes = fs
    .readdirSync(dir)
    .reduce(
      (n, f) => n + (fs.statSync(path.join(dir, f)).isFile() ? fs.statSync(path.join(dir, f)).size : 0),
      0,
    );
  expect(journalBytes).toBeLessThan(1 * MB);
  const reopened = await EmbeddedStore.open({ dataDir: dir });
  expect(await reopened.collection(AUDIT_LOG).count()).toBe(auditBefore + 1);
  await reopened.close();
}
