/**
 * `npm run bench:scale`: several processes on one private Redis.
 *
 * 1. Throughput: closed-loop HTTP load (C concurrent clients for D seconds) of a signed-in
 *    query against one API process, then the same load round-robin over two processes; the
 *    figure is the ratio 2 : 1 measured in the same run.
 * 2. Fan-out: 500 WebSocket subscribers to forecastUpdated, spread over the two processes;
 *    one event is published on Redis exactly as an API process publishes it, and the time
 *    until each subscriber has it is measured (p50 / p99 over several events).
 *
 *   npm run bench:scale -- [seconds=10] [concurrency=16] [subscribers=500] [events=10]
 */
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { eventSerializer } from '../src/events/pubsub';
import { MAX_SOCKETS_PER_USER } from '../src/server/ws-quotas';
import {
  freePort,
  gql,
  login,
  TEST_PASSWORD,
  removeDataDirs,
  startApi,
  startRedis,
  type ApiProc,
} from '../tests/helpers/processes';
import { printTable, ratio } from './harness';

const QUERY = JSON.stringify({ query: '{ serverInfo { version store timeZone } }' });

async function load(urls: string[], tokens: string[], seconds: number, concurrency: number): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let done = 0;
  let next = 0;
  const loop = async () => {
    while (performance.now() < end) {
      const i = next++ % urls.length;
      const res = await fetch(`${urls[i]}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i]}` },
        body: QUERY,
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      await res.arrayBuffer();
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return done / seconds;
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * Tokens of enough partner accounts on `api` for `sockets` subscribers: a user holds at
 * most MAX_SOCKETS_PER_USER sockets. Token i serves subscribers i × that … (i + 1) × that − 1.
 */
async function subscriberTokens(api: ApiProc, sockets: number): Promise<string[]> {
  const admin = await login(api.url, 'admin');
  const tokens: string[] = [];
  for (let i = 0; i * MAX_SOCKETS_PER_USER < sockets; i++) {
    const username = `bench-partner-${i}`;
    const created = await gql(
      api.url,
      `mutation { createUser(input: { username: "${username}", password: "${TEST_PASSWORD}", roles: [PARTNER] }) { id } }`,
      admin,
    );
    if (created.errors) throw new Error(`createUser failed: ${JSON.stringify(created.errors)}`);
    tokens.push(await login(api.url, username));
  }
  return tokens;
}

async function fanOut(
  apis: ApiProc[],
  tokens: string[][],
  redisUrl: string,
  subscribers: number,
  events: number,
): Promise<{ p50: number; p99: number; max: number; samples: number }> {
  const clients: Client[] = [];
  const received = new Map<string, number[]>();
  const subscribed: Promise<void>[] = [];
  for (let i = 0; i < subscribers; i++) {
    const a = i % apis.length;
    const token = tokens[a][Math.floor(i / apis.length / MAX_SOCKETS_PER_USER)];
    const client = createClient({
      url: apis[a].url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    clients.push(client);
    subscribed.push(
      new Promise<void>((resolve, reject) => {
        client.on('connected', () => resolve());
        client.subscribe<{ forecastUpdated: { forecastId: string } }>(
          { query: 'subscription { forecastUpdated(channel: "calls") { forecastId } }' },
          {
            next: (r) => {
              const id = r.data?.forecastUpdated.forecastId;
              if (id) received.get(id)?.push(performance.now());
            },
            error: reject,
            complete: () => undefined,
          },
        );
      }),
    );
  }
  await Promise.all(subscribed);
  // a subscription is registered a moment after its socket is up: wait until a probe reaches all
  const publisher = new Redis(redisUrl);
  const publish = (id: string) =>
    publisher.publish(
      'shiftcast:events:FORECAST_UPDATED:calls',
      eventSerializer.stringify({
        forecastId: id,
        channel: 'calls',
        modelId: 'bench',
        modelKind: 'SEASONAL_NAIVE',
        start: new Date(),
        intervalMinutes: 30,
        dailyTotals: [],
      }),
    );
  const everyone = async (id: string): Promise<number[]> => {
    received.set(id, []);
    const t0 = performance.now();
    await publish(id);
    while (received.get(id)!.length < subscribers) {
      if (performance.now() - t0 > 30_000) throw new Error(`only ${received.get(id)!.length} got ${id}`);
      await new Promise((r) => setImmediate(r));
    }
    return received.get(id)!.map((t) => t - t0);
  };
  for (let probe = 0; ; probe++) {
    received.set(`probe-${probe}`, []);
    await publish(`probe-${probe}`);
    await new Promise((r) => setTimeout(r, 200));
    if (received.get(`probe-${probe}`)!.length === subscribers) break;
    if (probe > 100) throw new Error('subscribers never all registered');
  }
  const latencies: number[] = [];
  for (let e = 0; e < events; e++) latencies.push(...(await everyone(`event-${e}`)));
  latencies.sort((a, b) => a - b);
  await Promise.all(clients.map((c) => c.dispose()));
  publisher.disconnect();
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1)!,
    samples: latencies.length,
  };
}

async function main(): Promise<void> {
  const [seconds = 10, concurrency = 16, subscribers = 500, events = 10] = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => Number.isFinite(n) && n > 0);
  console.log(`# bench:scale (${new Date().toISOString()}, node ${process.version})`);
  const port = await freePort();
  const redis = await startRedis(port);
  const redisUrl = `redis://127.0.0.1:${port}`;
  // every simulated user connects from 127.0.0.1: no cap or rate per client address
  const env = {
    REDIS_URL: redisUrl,
    SEED_ON_START: 'false',
    HTTP_MAX_CONNECTIONS_PER_CLIENT: '0',
    HTTP_RATE_PER_CLIENT: '0',
  };
  const apis: ApiProc[] = [];
  try {
    apis.push(...(await Promise.all([startApi('api-1', env), startApi('api-2', env)])));
    const tokens = await Promise.all(apis.map((a) => login(a.url, 'manager')));
    await load([apis[0].url], [tokens[0]], 2, concurrency); // warm-up
    await load([apis[1].url], [tokens[1]], 2, concurrency);
    const one = await load([apis[0].url], [tokens[0]], seconds, concurrency);
    const two = await load(
      apis.map((a) => a.url),
      tokens,
      seconds,
      concurrency,
    );
    printTable(`Throughput, ${concurrency} concurrent clients, ${seconds} s each`, [
      { processes: 1, 'req/s': Math.round(one), 'vs 1 process': '1.00×' },
      { processes: 2, 'req/s': Math.round(two), 'vs 1 process': ratio(two, one) },
    ]);
    const perApi = Math.ceil(subscribers / apis.length);
    const partners = await Promise.all(apis.map((a) => subscriberTokens(a, perApi)));
    const f = await fanOut(apis, partners, redisUrl, subscribers, events);
    printTable(`Fan-out of one event to ${subscribers} WebSocket subscribers over 2 processes`, [
      {
        events,
        deliveries: f.samples,
        'p50 ms': +f.p50.toFixed(1),
        'p99 ms': +f.p99.toFixed(1),
        'max ms': +f.max.toFixed(1),
      },
    ]);
  } finally {
    await Promise.all(apis.map((a) => a.kill()));
    await redis.kill();
    removeDataDirs();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
