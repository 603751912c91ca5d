import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { postGraphql } from './gql-fetch';

export const MAIN = path.resolve(__dirname, '../../dist/src/main.js');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  /** Everything the process printed so far. */
  output(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts the built server (`dist/src/main.js`) on a loopback port and resolves once it listens.
 * `fileSizeLimitKiB` runs it under `ulimit -f`: writes past that size fail with EFBIG, the way a
 * full disk fails them (Node ignores SIGXFSZ).
 */
export function startServer(
  env: Record<string, string>,
  options: { fileSizeLimitKiB?: number } = {},
): Promise<ServerProcess> {
  const fullEnv = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_ON_START: 'false',
    WORKER_THREADS: '1',
    WORKER_KEEP_WARM: 'false',
    ...env,
  };
  const child =
    options.fileSizeLimitKiB === undefined
      ? spawn(process.execPath, [MAIN], { env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(
          '/bin/sh',
          ['-c', `ulimit -f ${options.fileSizeLimitKiB} && exec "$0" "$1"`, process.execPath, MAIN],
          { env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] },
        );
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.stderr!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-200_000)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 90_000);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
    child.stdout!.on('data', (d: Buffer) => {
      out = (out + d.toString()).slice(-200_000);
      const m = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          child,
          url: m[1]!,
          exited,
          output: () => out,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
  });
}

/** POSTs a GraphQL operation; returns the HTTP status and the JSON body (timed: gql-fetch.ts). */
export async function postGql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{
  status: number;
  body: { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] };
}> {
  const { status, json } = await postGraphql(url, { query, variables }, token);
  return { status, body: json as never };
}

/** Signs `username` in on the server and returns the bearer token. */
export async function signIn(url: string, username: string, password: string): Promise<string> {
  const login = await postGql(
    url,
    'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    { u: username, p: password },
  );
  const token = (login.body.data as { login?: { token: string } } | undefined)?.login?.token;
  if (!token) throw new Error(`login of ${username} failed: ${JSON.stringify(login.body.errors)}`);
  return token;
}
