import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postGql, startServer } from '../helpers/server-process';
import { firstResults, wsClient } from '../helpers/ws-client';

const PASSWORD = 'process-test-password';

/** Resolves once `done()` holds, checking every 50 ms (the test's timeout bounds it). */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 50));
}

async function gql<T>(url: string, query: string, token?: string): Promise<T> {
  return (await postGql(url, query, {}, token)).body.data as T;
}

describe('the server process (npm start)', () => {
  it('seeds an empty store, serves, and on SIGTERM drains, closes the store and exits 0', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shiftcast-process-'));
    const { child, url, exited, output } = await startServer({
      DATA_DIR: dataDir,
      SEED_PASSWORD: PASSWORD,
      SEED_ON_START: 'true',
      WORKER_THREADS: '2',
      WORKER_KEEP_WARM: 'true', // as npm start runs (the helpers turn it off)
    });
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
      // each thread warmed up once (before the seed's forecasts ran in it), none failed
      await until(() => output().split('"worker thread warmed up"').length - 1 >= 2);
      expect(output().split('"worker thread warmed up"')).toHaveLength(3);
      expect(output()).not.toContain('warm-up failed');

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

describe('the server process refuses a bad configuration at start', () => {
  it('exits 78 (EX_CONFIG) when a KPI target is not better than its baseline, naming both', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shiftcast-config-'));
    try {
      const env = {
        ...process.env,
        NODE_ENV: 'test',
        DATA_DIR: dataDir,
        KPI_WORKLOAD_BALANCE_BASELINE: '2',
        KPI_WORKLOAD_BALANCE_TARGET: '2.5',
      };
      const main = path.resolve(__dirname, '../../dist/src/main.js');
      const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = execFile(process.execPath, [main], { env, timeout: 60_000 }, (_err, _out, stderr) =>
          resolve({ code: child.exitCode, stderr }),
        );
      });
      expect(code).toBe(78);
      expect(stderr).toContain(
        'KPI_WORKLOAD_BALANCE_TARGET: KPI_TARGET_NOT_BETTER: must be lower than KPI_WORKLOAD_BALANCE_BASELINE ' +
          '(workload balance: lower is better), got KPI_WORKLOAD_BALANCE_TARGET=2.5 and KPI_WORKLOAD_BALANCE_BASELINE=2',
      );
      // refused before the store was opened
      expect(fs.existsSync(path.join(dataDir, 'LOCK'))).toBe(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
