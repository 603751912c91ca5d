import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const PASSWORD = 'browser-demo-password-1';
const JWT_SECRET = 'browser-tests-secret-0123456789-abcdefghij';

export interface WebServer {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

/** A free loopback port, from the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Where the global setup keeps a seeded data directory (closed) for `copySeededDataDir`. */
export const SEEDED_DATA_DIR_ENV = 'SHIFTCAST_SEEDED_DATA_DIR';

/** A new DATA_DIR holding a copy of `from` (a data directory of a stopped server). */
export function copyDataDir(from: string): string {
  const to = fs.mkdtempSync(path.join(os.tmpdir(), 'shiftcast-web-'));
  fs.cpSync(from, to, { recursive: true });
  return to;
}

/**
 * A copy of the demo site the global setup's server seeded on its first start: a suite with a
 * server of its own starts it on this instead of seeding and training the site again.
 */
export function copySeededDataDir(): string {
  const seeded = process.env[SEEDED_DATA_DIR_ENV];
  if (!seeded)
    throw new Error(`${SEEDED_DATA_DIR_ENV} is not set: run the suite through playwright.config.ts`);
  return copyDataDir(seeded);
}

/**
 * Starts `dist/src/main.js` (build first) with its own DATA_DIR: an empty one is seeded
 * with the demo site on start. Resolves when the server logs that it listens.
 */
export async function startServer(options: { port?: number; dataDir?: string } = {}): Promise<WebServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'shiftcast-web-'));
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      SEED_PASSWORD: PASSWORD,
      JWT_SECRET,
      LOG_LEVEL: 'info',
      WORKER_THREADS: '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`server exited (${code}) before listening:\n${out}`));
    child.once('exit', onExit);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Shiftcast is listening')) {
        child.off('exit', onExit);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
