/**
 * Helpers of the security tests: watch the server's liveness and the process heap while
 * a hostile request runs. Nothing sleeps: /healthz is polled back to back until the
 * hostile work settles, and the heap is sampled on every poll. Each poll is timed twice: in
 * wall time, and in the CPU time of the server's event-loop thread (`threadCpuMs`). A
 * request that holds the loop shows in both; a machine busy with other processes lengthens
 * only the first, so the event-loop bounds are on the second. The hostile request
 * itself is sent from a child process (`sendFromChild`), so building and uploading a
 * multi-megabyte body does not count against the server's event loop, which runs in
 * this process.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { threadCpuMs } from '../helpers/thread-cpu';

export interface Watch<T> {
  result: T;
  /** Slowest /healthz answer while the work ran, wall milliseconds (for the log). */
  slowestHealthMs: number;
  /**
   * Most CPU time the server's event-loop thread spent while one /healthz waited for its
   * answer, milliseconds: how long the loop kept it waiting, whatever else ran on the machine.
   */
  slowestHealthCpuMs: number;
  healthChecks: number;
  /** Largest heapUsed seen, bytes. */
  peakHeap: number;
  /**
   * Largest heapUsed seen less heapUsed when the watch began, bytes: what the hostile
   * work itself held. The server shares a Jest worker with earlier suites, whose garbage
   * may not be collected yet, so the absolute peak says more about them than about it.
   */
  heapGrowth: number;
}

export const MB = 1024 * 1024;

/**
 * The server a watch polls: its URL when it runs in this process (the loop is this thread),
 * or a server process (`startServer`), whose main thread runs its loop.
 */
export type Watched = string | { url: string; child: { pid?: number } };

export async function watchWhile<T>(server: Watched, work: Promise<T>): Promise<Watch<T>> {
  const baseUrl = typeof server === 'string' ? server : server.url;
  const pid = typeof server === 'string' ? undefined : server.child.pid;
  if (typeof server !== 'string' && pid === undefined) throw new Error('the server process has no pid');
  let settled = false;
  const done = work.finally(() => {
    settled = true;
  });
  let slowest = 0;
  let slowestCpu = 0;
  let checks = 0;
  const startHeap = process.memoryUsage().heapUsed;
  let peakHeap = startHeap;
  do {
    const t0 = performance.now();
    const cpu0 = threadCpuMs(pid);
    const res = await fetch(`${baseUrl}/healthz`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`/healthz answered ${res.status}`);
    slowestCpu = Math.max(slowestCpu, threadCpuMs(pid) - cpu0);
    slowest = Math.max(slowest, performance.now() - t0);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    checks += 1;
  } while (!settled);
  return {
    result: await done,
    slowestHealthMs: slowest,
    slowestHealthCpuMs: slowestCpu,
    healthChecks: checks,
    peakHeap,
    heapGrowth: peakHeap - startHeap,
  };
}

/** POSTs a raw body to /graphql and returns the status and the parsed JSON. */
export async function postRaw(
  baseUrl: string,
  body: string,
  token?: string,
): Promise<{ status: number; json: { errors?: { message: string; extensions?: { code?: string } }[] } }> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  const text = await res.text();
  return { status: res.status, json: JSON.parse(text) as never };
}

const SENDER = `
const [url, file, token] = process.argv.slice(1);
fetch(url + '/graphql', {
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(token ? { authorization: 'Bearer ' + token } : {}) },
  body: require('node:fs').readFileSync(file),
}).then(async (r) => process.stdout.write(JSON.stringify({ status: r.status, text: await r.text() })));
`;

/** POSTs `body` to /graphql from a separate Node process; resolves with the status and JSON. */
export async function sendFromChild(
  baseUrl: string,
  body: string,
  token?: string,
): Promise<{ status: number; json: { errors?: { message: string; extensions?: { code?: string } }[] } }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shiftcast-hostile-'));
  const file = path.join(dir, 'body.json');
  fs.writeFileSync(file, body);
  try {
    const out = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        ['-e', SENDER, baseUrl, file, token ?? ''],
        { maxBuffer: 64 * MB },
        (err, stdout) => (err ? reject(err) : resolve(stdout)),
      ),
    );
    const { status, text } = JSON.parse(out) as { status: number; text: string };
    return { status, json: JSON.parse(text) as never };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Opens the keep-alive connection and runs the GraphQL path once, so the first measured
 * hostile request does not pay for connecting and compiling, which a running server
 * has long done.
 */
export async function warmUp(baseUrl: string, token?: string): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await (await fetch(`${baseUrl}/healthz`)).arrayBuffer();
    await postRaw(baseUrl, JSON.stringify({ query: '{ __typename }' }), token);
  }
}

/** Another client on the loopback network than the tests' own 127.0.0.1. */
export const OTHER_ADDRESS = '127.0.0.2';

export const LOGIN_MUTATION =
  'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';

/** A raw HTTP/1.1 POST of a login, asking the server to close the connection after it. */
export const loginRequest = (username: string, password: string): string => {
  const body = JSON.stringify({ query: LOGIN_MUTATION, variables: { u: username, p: password } });
  return (
    'POST /graphql HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
  );
};

/**
 * Writes the raw `request` on a new socket to the server at `baseUrl`, from `localAddress`,
 * and returns all it got back before the connection closed.
 */
export async function rawExchange(
  baseUrl: string,
  request: string,
  localAddress = '127.0.0.1',
): Promise<string> {
  const socket = net.connect({ port: Number(new URL(baseUrl).port), host: '127.0.0.1', localAddress });
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
  socket.on('error', () => undefined);
  socket.write(request);
  await new Promise((resolve) => socket.on('close', resolve));
  return text;
}
