/**
 * Real processes for multi-process tests: a private `redis-server` on a random loopback port
 * (nothing kept on disk, so it can be stopped and started again), the built API server and
 * the built job worker. Waits are on output lines and exits, never on fixed sleeps.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { JOB_KINDS } from '../../src/jobs/job-kinds';
import { REPO_ROOT } from '../../src/paths';
import { postGraphql } from './gql-fetch';
import { DEMO_PASSWORD } from './test-config';

const DIST = path.join(REPO_ROOT, 'dist', 'src');
/** The demo accounts' password: the one the seeded snapshot (demo-snapshot.ts) was made with. */
export const TEST_PASSWORD = DEMO_PASSWORD;

/** A child process whose output lines can be awaited. */
export class Proc {
  readonly lines: string[] = [];
  readonly exited: Promise<number | null>;
  private readonly waiters: { re: RegExp; resolve: (line: string) => void }[] = [];

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.on('close', (code) => resolve(code)));
    const onData = (d: Buffer) => {
      for (const line of d.toString().split('\n')) {
        if (!line) continue;
        this.lines.push(line);
        for (const w of [...this.waiters])
          if (w.re.test(line)) {
            this.waiters.splice(this.waiters.indexOf(w), 1);
            w.resolve(line);
          }
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  }

  /** Resolves with the first line (already seen or coming) matching `re`. */
  waitFor(re: RegExp, timeoutMs = 60_000): Promise<string> {
    const seen = this.lines.find((l) => re.test(l));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.name}: no line matching ${re} in ${timeoutMs} ms:\n${this.tail()}`)),
        timeoutMs,
      );
      const exit = () => reject(new Error(`${this.name} exited while waiting for ${re}:\n${this.tail()}`));
      void this.exited.then(exit);
      this.waiters.push({
        re,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      });
    });
  }

  tail(n = 30): string {
    return this.lines.slice(-n).join('\n');
  }

  /** SIGKILL (a crash) or SIGTERM (a stop); resolves on exit. */
  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    await this.exited;
  }
}

/** Every data directory `startApi` made, for `removeDataDirs` after the tests. */
const madeDirs = new Set<string>();

/** Removes the data directories made by `startApi` (after their processes have ended). */
export function removeDataDirs(): void {
  for (const dir of madeDirs) fs.rmSync(dir, { recursive: true, force: true });
  madeDirs.clear();
}

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

/** A private Redis on `port` that keeps nothing on disk. */
export async function startRedis(port: number): Promise<Proc> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', os.tmpdir()],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const proc = new Proc(`redis:${port}`, child);
  await proc.waitFor(/Ready to accept connections/, 15_000);
  return proc;
}

export interface ApiProc extends Proc {
  url: string;
  dataDir: string;
}

/**
 * The built API server on a fresh embedded data directory (or `env.DATA_DIR`, e.g. a copy of the
 * demo snapshot); resolves once it listens.
 */
export async function startApi(name: string, env: Record<string, string>): Promise<ApiProc> {
  const dataDir = env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), `shiftcast-${name}-`));
  madeDirs.add(dataDir);
  const child = spawn(process.execPath, [path.join(DIST, 'main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_PASSWORD: TEST_PASSWORD,
      WORKER_THREADS: '1',
      WORKER_KEEP_WARM: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const proc = new Proc(name, child) as ApiProc;
  const line = await proc.waitFor(/Shiftcast is listening/, 180_000);
  proc.url = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(line)![1];
  proc.dataDir = dataDir;
  return proc;
}

/** The built job worker (`npm run worker`); resolves once it waits for jobs. */
export async function startWorker(name: string, env: Record<string, string>): Promise<Proc> {
  const child = spawn(process.execPath, [path.join(DIST, 'cli', 'worker.cli.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      WORKER_THREADS: '1',
      WORKER_KEEP_WARM: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const proc = new Proc(name, child);
  await proc.waitFor(/worker waiting for jobs/, 30_000);
  return proc;
}

export interface Gql<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Fails after `timeoutMs` naming the operation and the time waited (gql-fetch.ts). */
export async function gql<T>(
  url: string,
  query: string,
  token?: string,
  timeoutMs?: number,
): Promise<Gql<T>> {
  return (await postGraphql(url, { query }, token, timeoutMs)).json as Gql<T>;
}

export async function login(url: string, username: string): Promise<string> {
  const r = await gql<{ login: { token: string } }>(
    url,
    `mutation Login { login(username: "${username}", password: "${TEST_PASSWORD}") { token } }`,
  );
  if (!r.data) throw new Error(`login failed: ${JSON.stringify(r.errors)}`);
  return r.data.login.token;
}

/** Every Redis connection an API process watches (src/jobs/redis-infra.ts, bullmq-runner.ts). */
export const API_REDIS_CONNECTIONS: readonly string[] = [
  'commands',
  'events-publish',
  'events-subscribe',
  'jobs',
  ...JOB_KINDS.map((kind) => `job-events-${kind}`),
];

/** Resolves when each named Redis connection of `proc` has logged that it is restored. */
export async function redisRestored(proc: Proc, names: readonly string[], timeoutMs = 30_000): Promise<void> {
  await Promise.all(names.map((n) => proc.waitFor(new RegExp(`"redis":"${n}".*restored`), timeoutMs)));
}
