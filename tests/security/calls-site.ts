/**
 * The built server on a fresh data directory with one quarter-hour `calls` channel open
 * around the clock and an admin token: the site the event-loop suites (16, 17) load.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postGql, signIn, startServer, type ServerProcess } from '../helpers/server-process';
import { warmUp } from './hostile';

const PASSWORD = 'security-test-password';

export const ALL_DAY_CALLS = {
  key: 'calls',
  name: 'Calls',
  kind: 'LIVE',
  intervalMinutes: 15,
  ahtSeconds: 300,
  serviceLevel: { target: 0.8, answerSeconds: 20 },
  maxOccupancy: 0.85,
  shrinkage: 0.3,
  requiredSkill: 'calls',
  openingHours: [1, 2, 3, 4, 5, 6, 7].map((dayOfWeek) => ({ dayOfWeek, from: '00:00', to: '24:00' })),
};

export interface CallsSite {
  server: ServerProcess;
  token: string;
  /** POSTs an operation as the admin. */
  gql(query: string, variables?: Record<string, unknown>): ReturnType<typeof postGql>;
  /** Stops the server (expecting exit code 0 from the caller) and removes the data directory. */
  stop(): Promise<number | null>;
}

export async function startCallsSite(name: string): Promise<CallsSite> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `shiftcast-${name}-`));
  const server = await startServer({ DATA_DIR: dir, SEED_PASSWORD: PASSWORD });
  const token = await signIn(server.url, 'admin', PASSWORD);
  const gql = (query: string, variables: Record<string, unknown> = {}) =>
    postGql(server.url, query, variables, token);
  const created = await gql('mutation($i: CreateChannelInput!) { createChannel(input: $i) { id } }', {
    i: ALL_DAY_CALLS,
  });
  if (created.body.errors) throw new Error(`createChannel failed: ${JSON.stringify(created.body.errors)}`);
  await warmUp(server.url, token);
  return {
    server,
    token,
    gql,
    stop: async () => {
      const code = await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}
