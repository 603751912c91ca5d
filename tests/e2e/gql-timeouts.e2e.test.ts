/**
 * The test helpers' GraphQL calls have a deadline and name themselves when they miss it. Before,
 * a call to a server that never answered waited until Jest's test timeout (240 s, once, in the
 * job-recovery test) and the failure did not say which call it was.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { operationOf } from '../helpers/gql-fetch';
import { gql } from '../helpers/processes';

describe('GraphQL calls in tests', () => {
  let server: http.Server;
  let url: string;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    // reads every request and never answers: a hung API process
    server = http.createServer((req) => req.resume());
    server.on('connection', (s) => sockets.add(s));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('fail after their deadline, naming the operation, the server and the time waited', async () => {
    const t0 = Date.now();
    await expect(gql(url, 'mutation { planWeek(week: "2026-11-30") { id } }', 'token', 300)).rejects.toThrow(
      new RegExp(`^GraphQL mutation planWeek to ${url} did not answer within 300 ms \\(\\d+ ms elapsed\\)$`),
    );
    expect(Date.now() - t0).toBeLessThan(5000);
  }, 10_000);

  it('name the operation when the connection fails', async () => {
    const closed = 'http://127.0.0.1:1';
    await expect(gql(closed, 'query Jobs { rosterJobs { id } }')).rejects.toThrow(
      /^GraphQL query Jobs to http:\/\/127\.0\.0\.1:1 failed after \d+ ms: fetch failed$/,
    );
  });

  it.each([
    ['mutation Login { login(username: "a", password: "b") { token } }', 'mutation Login'],
    ['{ rosterJob(id: "x") { state } }', 'query rosterJob'],
    ['mutation($u: String!) { login(username: $u, password: "p") { token } }', 'mutation login'],
    ['query { a: staff { totalCount } }', 'query staff'],
  ])('read %s as %s', (query, name) => {
    expect(operationOf(query)).toBe(name);
  });
});
