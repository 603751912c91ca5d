import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { firstResults, wsClient } from '../helpers/ws-client';

const MAIN = path.resolve(__dirname, '../../dist/src/main.js');
const PASSWORD = 'process-test-password';

/** Starts the built server on an empty data dir and resolves with its URL once it listens. */
function startServer(
  dataDir: string,
): Promise<{ child: ChildProcess; url: string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_PASSWORD: PASSWORD,
      SEED_ON_START: 'true',
      WORKER_THREADS: '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 90_000);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1], exited });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
}

async function gql<T>(url: string, query: string, token?: string): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return ((await res.json()) as { data: T }).data;
}

describe('the server process (npm start)', () => {
  it('seeds an empty store, serves, and on SIGTERM drains, closes the store and exits 0', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shiftcast-process-'));
    const { child, url, exited } = await startServer(dataDir);
    try {
      expect(await (await fetch(`${url}/healthz`)).json()).toMatchObject({ status: 'ok' });
      const { login } = await gql<{ login: { token: string } }>(
        url,
        `mutation { login(username: "manager", password: "${PASSWORD}") { token } }`,
      );
      const seeded = await gql<{ staff: { totalCount: number }; channels: { totalCount: number } }>(
        url,
        '{ staff { totalCount } channels { totalCount } }',
        login.token,
      );
      expect(seeded.staff.totalCount).toBeGreaterThanOrEqual(70);
      expect(seeded.channels.totalCount).toBe(5);
      expect(fs.existsSync(path.join(dataDir, 'LOCK'))).toBe(true);

      // an open subscription must not keep the process alive
      const client = wsClient(url, login.token);
      await firstResults(client, 'subscription { ping { seq } }', 1);
      const closed = new Promise<void>((resolve) => client.on('closed', () => resolve()));
      const sub = firstResults(client, 'subscription { ping { seq } }', 1000).catch(() => []);

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      await closed;
      await sub;
      await client.dispose();
      expect(fs.existsSync(path.join(dataDir, 'LOCK'))).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
