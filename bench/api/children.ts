/** Starting and talking to the benchmark's server processes (compiled siblings in dist/bench/api). */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ProcessStats } from './ipc';

export interface Child {
  process: ChildProcess;
  url: string;
  token?: string;
  stats(): Promise<ProcessStats>;
  stop(): Promise<void>;
}

export async function startChild(script: 'our-server' | 'bare-server', payload?: unknown): Promise<Child> {
  const child = fork(path.join(__dirname, `${script}.js`), [], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    execArgv: ['--expose-gc'],
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' },
  });
  if (payload !== undefined) child.send(payload as object);
  const ready = await new Promise<{ url: string; token?: string }>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    child.once('message', (m) => resolve(m as { url: string; token?: string }));
  });
  return {
    process: child,
    ...ready,
    stats: () =>
      new Promise((resolve) => {
        child.once('message', (m) => resolve((m as { stats: ProcessStats }).stats));
        child.send('stats');
      }),
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
