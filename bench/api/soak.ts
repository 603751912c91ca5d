/**
 * The soak: our server under a steady mix for `minutes`: 10 staff reads and 1 write per
 * second over HTTP, and 100 WebSocket subscribers to `ping` (one event per second each).
 * Prints errors, heap and open handles per minute; the heap of the last minute must stay
 * within 10 % of the second's, and handles must not grow.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { printTable } from '../harness';
import { startChild } from './children';

const READ = '{ staff(first: 50) { totalCount nodes { id name skills contract { maxHoursWeek } } } }';
const WRITE = 'mutation($id: ID!, $c: Float!) { updateStaff(id: $id, input: { hourlyCost: $c }) { id } }';
const SUBSCRIBERS = 100;

export async function runSoak(minutes: number): Promise<void> {
  const ours = await startChild('our-server');
  const post = async (query: string, variables?: Record<string, unknown>): Promise<boolean> => {
    const res = await fetch(`${ours.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ours.token}` },
      body: JSON.stringify({ query, variables }),
    });
    const json = (await res.json()) as { errors?: unknown[]; data?: { staff?: { nodes: { id: string }[] } } };
    return res.status === 200 && !json.errors;
  };
  const first = await fetch(`${ours.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ours.token}` },
    body: JSON.stringify({ query: READ }),
  });
  const ids = ((await first.json()) as { data: { staff: { nodes: { id: string }[] } } }).data.staff.nodes.map(
    (n) => n.id,
  );

  let errors = 0;
  let requests = 0;
  let events = 0;
  const clients: Client[] = [];
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const client = createClient({
      url: `${ours.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${ours.token}` },
      retryAttempts: 0,
    });
    client.subscribe(
      { query: 'subscription { ping { seq } }' },
      { next: () => (events += 1), error: () => (errors += 1), complete: () => undefined },
    );
    clients.push(client);
  }
  const fire = (p: Promise<boolean>) => {
    requests += 1;
    p.then(
      (ok) => (errors += ok ? 0 : 1),
      () => (errors += 1),
    );
  };
  let tick = 0;
  const timer = setInterval(() => {
    tick += 1;
    fire(post(READ));
    if (tick % 10 === 0) fire(post(WRITE, { id: ids[tick % ids.length], c: 10 + (tick % 30) }));
  }, 100);

  const rows: Record<string, string | number>[] = [];
  for (let m = 1; m <= minutes; m++) {
    await new Promise((resolve) => setTimeout(resolve, 60_000));
    const s = await ours.stats();
    rows.push({
      minute: m,
      requests,
      events,
      errors,
      'heap MB': s.heapUsedMb,
      'RSS MB': s.rssMb,
      handles: s.handles,
    });
    console.log(JSON.stringify(rows[rows.length - 1]));
  }
  clearInterval(timer);
  await Promise.all(clients.map((c) => c.dispose()));
  printTable(`Soak, ${minutes} min: 10 reads/s, 1 write/s, ${SUBSCRIBERS} subscribers`, rows);
  if (rows.length >= 3) {
    const second = Number(rows[1]!['heap MB']);
    const last = Number(rows[rows.length - 1]!['heap MB']);
    console.log(
      `heap last/second minute: ${(last / second).toFixed(3)} (target within ±10 %); ` +
        `handles ${rows[1]!.handles} → ${rows[rows.length - 1]!.handles}; errors ${errors}`,
    );
  }
  await ours.stop();
}
