/**
 * A Redis that hangs with its sockets open (stopped with SIGSTOP here: a partition, a stuck
 * host) is not "up": /readyz asks it for a PING within its 2 s bound and answers 503, and a
 * /metrics scrape leaves out the job queue depth instead of waiting for Redis. Before, /readyz
 * said `ready` with `redis: "up"`, and a scrape did not answer until Redis did.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { connectRedis, type RedisInfra } from '../../src/jobs/redis-infra';
import { createLogger } from '../../src/logger';
import { healthRoutes } from '../../src/server/health.routes';
import { Metrics } from '../../src/server/metrics';
import { metricsRoutes } from '../../src/server/metrics.routes';
import type { Services } from '../../src/server/services';
import { freePort, startRedis, type Proc } from '../helpers/processes';
import { quietSources } from '../helpers/quiet-metrics';

const logger = createLogger({ LOG_LEVEL: 'silent', production: false, NODE_ENV: 'test' });
const store = {
  kind: 'embedded',
  ping: async () => undefined,
  checkWritable: async () => undefined,
} as unknown as Services['store'];

const timed = async (url: string) => {
  const t0 = Date.now();
  const res = await fetch(url, { signal: AbortSignal.timeout(8000) });
  return { status: res.status, text: await res.text(), ms: Date.now() - t0 };
};

describe('a Redis that stops answering', () => {
  let redis: Proc;
  let infra: RedisInfra;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    redis = await startRedis(port);
    infra = connectRedis(
      {
        REDIS_URL: `redis://127.0.0.1:${port}`,
        REDIS_PREFIX: 'redis-hang',
        WORKER_TASK_TIMEOUT_SECONDS: 60,
        WORKER_THREADS: 1,
        WORKER_QUEUE_SIZE: 8,
        JOB_KEEP_COUNT: 100,
        PROCESS_LIVENESS_SECONDS: 15,
      },
      logger,
    );
    const metrics = new Metrics(quietSources({ depth: () => infra.runner.depth() }));
    const app = express()
      .use(healthRoutes({ store, redis: infra }))
      .use(metricsRoutes(metrics, { production: false, METRICS_TOKEN: undefined }));
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await infra.health.whenUp();
  }, 30_000);

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await infra.close();
    await redis.kill();
  });

  it('makes /readyz answer 503 within its bound, and /metrics answer without the queue depth', async () => {
    const ready = await timed(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect((await timed(`${base}/metrics`)).text).toContain('shiftcast_job_queue_depth{kind="roster"');

    process.kill(redis.child.pid!, 'SIGSTOP');
    try {
      const hung = await timed(`${base}/readyz`);
      expect(hung.status).toBe(503);
      expect(JSON.parse(hung.text)).toMatchObject({
        status: 'unavailable',
        redis: 'down',
        error: expect.stringMatching(/Redis is not answering: Redis ping timed out/),
      });
      expect(hung.ms).toBeLessThan(3000);

      const scrape = await timed(`${base}/metrics`);
      expect(scrape.status).toBe(200);
      expect(scrape.ms).toBeLessThan(3000);
      expect(scrape.text).toContain('# TYPE shiftcast_job_queue_depth gauge');
      expect(scrape.text).not.toContain('shiftcast_job_queue_depth{');
    } finally {
      process.kill(redis.child.pid!, 'SIGCONT');
    }
    const deadline = Date.now() + 10_000;
    let again = await timed(`${base}/readyz`);
    while (again.status !== 200 && Date.now() < deadline) again = await timed(`${base}/readyz`);
    expect(again.status).toBe(200);
  }, 60_000);
});
