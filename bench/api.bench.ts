/**
 * `npm run bench:api`: HTTP throughput of the real server against a bare `@apollo/server`
 * answering the same nested `staff(first: 50)` shape from memory, in one run (autocannon,
 * 10 connections, both servers in their own processes). Prints the ratio (target ≥ 0.8),
 * p99 (target < 200 ms) and our RSS after the load.
 *
 * `npm run bench:api -- --soak [minutes]` (default 10): mixed reads and writes at a steady
 * rate with 100 WebSocket subscribers; prints errors, heap per minute and open handles.
 *
 * Environment: BENCH_API_SECONDS (our run, default 60), BENCH_BARE_SECONDS (default 20).
 */
import autocannon from 'autocannon';
import { printTable, ratio } from './harness';
import { startChild } from './api/children';
import { runSoak } from './api/soak';

export const STAFF_QUERY = `{ staff(first: 50) { totalCount nodes { id name employeeNo skills hourlyCost active
  contract { minHoursWeek maxHoursWeek maxDaysWeek maxConsecutiveDays }
  availability { weekly { dayOfWeek from to } } } } }`;

const seconds = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

async function load(url: string, token: string | undefined, duration: number) {
  const result = await autocannon({
    url: `${url}/graphql`,
    connections: 10,
    duration,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: STAFF_QUERY }),
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function compare(): Promise<void> {
  const ours = await startChild('our-server');
  const probe = await fetch(`${ours.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ours.token}` },
    body: JSON.stringify({ query: STAFF_QUERY }),
  });
  const body = (await probe.json()) as { data: { staff: { nodes: unknown[]; totalCount: number } } };
  const bare = await startChild('bare-server', body.data.staff);
  try {
    await load(bare.url, undefined, 3); // warm up both
    await load(ours.url, ours.token, 3);
    const b = await load(bare.url, undefined, seconds('BENCH_BARE_SECONDS', 20));
    const o = await load(ours.url, ours.token, seconds('BENCH_API_SECONDS', 60));
    const stats = await ours.stats();
    printTable(
      `API throughput, staff(first: 50) with ${body.data.staff.nodes.length} nested staff, 10 connections`,
      [
        {
          server: 'bare @apollo/server',
          'req/s': Math.round(b.rps),
          'p99 ms': b.p99,
          errors: b.errors,
          ratio: '1.00×',
        },
        {
          server: 'shiftcast',
          'req/s': Math.round(o.rps),
          'p99 ms': o.p99,
          errors: o.errors,
          ratio: ratio(o.rps, b.rps),
        },
      ],
    );
    console.log(
      `\nours after ${seconds('BENCH_API_SECONDS', 60)} s of load: RSS ${stats.rssMb} MB, heap ${stats.heapUsedMb} MB`,
    );
    console.log(`targets: ratio ≥ 0.80 (${ratio(o.rps, b.rps)}), p99 < 200 ms (${o.p99} ms)`);
  } finally {
    await bare.stop();
    await ours.stop();
  }
}

async function main(): Promise<void> {
  console.log(`# Shiftcast API benchmark (${new Date().toISOString()}, node ${process.version})`);
  const soakAt = process.argv.indexOf('--soak');
  if (soakAt >= 0) await runSoak(Number(process.argv[soakAt + 1] ?? 10));
  else await compare();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
