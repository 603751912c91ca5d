/**
 * Imports that held the event loop (measured 2026-12-02 on the built server, /healthz polled
 * throughout): importStaff with 30,000 rows (4.5 MB, under the body limit) blocked it for
 * 1.0-2.0 s, mostly while graphql coerced the variable and class-validator checked each row;
 * importAvailability with 60,000 rows for 0.8-1.2 s; importVolumes with 100,000 rows (3.5 MB)
 * for 0.5 s while the rows were located in the site's days.
 *
 * Safe outcome: every list in a variable or literal has a size cap checked before coercion
 * (import rows 1,000 a call, other lists 1,000 items); the accepted imports run in steps and
 * slices with the event loop free between them, and a refused one writes nothing.
 */
import { MAX_IMPORT_ROWS_PER_REQUEST } from '../../src/staff/staff-inputs.graphql';
import { startCallsSite, type CallsSite } from './calls-site';
import { sendFromChild, watchWhile } from './hostile';

const STAFF_ROWS = 'mutation($r: [StaffRowInput!]!) { importStaff(rows: $r) { rows created } }';
const AVAILABILITY_ROWS =
  'mutation($r: [AvailabilityRowInput!]!) { importAvailability(rows: $r) { rows created } }';
/** Well above the largest pause the sliced imports leave (about 100 ms with collection) and far below the 0.5-2 s they held. */
const SLOWEST_HEALTH_MS = 300;

const staffRow = (i: number) => ({
  employeeNo: `S${String(i).padStart(6, '0')}`,
  name: `Person ${i}`,
  skills: ['calls'],
  minHoursWeek: 0,
  maxHoursWeek: 40,
  maxDaysWeek: 5,
  maxConsecutiveDays: 5,
  hourlyCost: 20,
});

/** ~4 MiB of quarter-hour volumes: 120,000 rows over 1,251 site-local days. */
function volumesCsv(): string {
  const start = Date.UTC(2020, 0, 1);
  const lines = Array.from(
    { length: 120_000 },
    (_, i) => `${new Date(start + i * 900_000).toISOString()},calls,${i % 50}`,
  );
  return `timestamp,channel,value\n${lines.join('\n')}\n`;
}

describe('security #16: large imports are capped before coercion and leave the event loop free', () => {
  let site: CallsSite;
  const staffCount = async () =>
    ((await site.gql('{ staff(first: 1) { totalCount } }')).body.data as { staff: { totalCount: number } })
      .staff.totalCount;
  const watchPost = (body: string) =>
    watchWhile(site.server, sendFromChild(site.server.url, body, site.token));

  beforeAll(async () => {
    site = await startCallsSite('sec16');
  }, 120_000);
  afterAll(async () => expect(await site.stop()).toBe(0));

  it('refuses 5,000 import rows before coercing them, naming the variable and the cap', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => staffRow(i));
    const body = JSON.stringify({ query: STAFF_ROWS, variables: { r: rows } });
    const watch = await watchPost(body);
    expect(watch.result.status).toBe(400);
    expect(watch.result.json.errors?.[0]).toMatchObject({
      message: `Variable "$r" holds a list of 5000 items; the limit is ${MAX_IMPORT_ROWS_PER_REQUEST}`,
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(watch.slowestHealthCpuMs).toBeLessThan(SLOWEST_HEALTH_MS);
    expect(await staffCount()).toBe(0);
  });

  it('refuses 30,000 import rows in the body thread: more JSON values than a body may hold', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => staffRow(i));
    const watch = await watchPost(JSON.stringify({ query: STAFF_ROWS, variables: { r: rows } }));
    expect(watch.result.status).toBe(400);
    expect(watch.result.json.errors?.[0]).toMatchObject({
      message: 'The request body holds more than 100000 JSON values',
      extensions: { code: 'BAD_REQUEST' },
    });
    expect(watch.slowestHealthCpuMs).toBeLessThan(SLOWEST_HEALTH_MS);
    expect(await staffCount()).toBe(0);
  });

  it('caps every other list at 1,000 items, in variables, nested lists and literals', async () => {
    const days = Array.from({ length: 1001 }, () => 1);
    const literal = await site.gql(
      `mutation { createShiftTemplate(input: { name: "x", start: "08:00", durationMinutes: 480, daysOfWeek: [${days.join(',')}], skills: ["calls"] }) { id } }`,
    );
    expect([literal.status, literal.body.errors?.[0]?.extensions?.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect((literal.body.errors?.[0] as { message: string }).message).toBe(
      'Argument "input" holds a list of 1001 items; the limit is 1000',
    );
    const nested = await site.gql(
      'mutation($o: RosterOptionsInput) { generateRoster(week: "2026-03-02", options: $o) { id } }',
      { o: { intervalMinutes: 15, requirements: [{ skill: 'calls', values: Array(50_000).fill(1) }] } },
    );
    expect([nested.status, nested.body.errors?.[0]?.extensions?.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect((nested.body.errors?.[0] as { message: string }).message).toBe(
      'Variable "$o" holds a list of 50000 items; the limit is 1000',
    );
  });

  it(`imports ${MAX_IMPORT_ROWS_PER_REQUEST} staff and their availability in steps the event loop runs between`, async () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS_PER_REQUEST }, (_, i) => staffRow(i));
    const staff = await watchPost(JSON.stringify({ query: STAFF_ROWS, variables: { r: rows } }));
    expect(staff.result.json).toEqual({ data: { importStaff: { rows: 1000, created: 1000 } } });
    expect(staff.slowestHealthCpuMs).toBeLessThan(SLOWEST_HEALTH_MS);

    const windows = Array.from({ length: MAX_IMPORT_ROWS_PER_REQUEST }, (_, i) => ({
      employeeNo: staffRow(Math.floor(i / 5)).employeeNo,
      dayOfWeek: (i % 5) + 1,
      from: '08:00',
      to: '16:00',
    }));
    const availability = await watchPost(
      JSON.stringify({ query: AVAILABILITY_ROWS, variables: { r: windows } }),
    );
    expect(availability.result.json).toEqual({ data: { importAvailability: { rows: 1000, created: 200 } } });
    expect(availability.slowestHealthCpuMs).toBeLessThan(SLOWEST_HEALTH_MS);
  });

  it('imports 4 MiB of volumes in slices', async () => {
    const csv = volumesCsv();
    expect(csv.length).toBeGreaterThan(3.8 * 1024 * 1024);
    expect(csv.length).toBeLessThan(4 * 1024 * 1024);
    const body = JSON.stringify({
      query: 'mutation($c: String!) { importVolumes(csv: $c) { rows days } }',
      variables: { c: csv },
    });
    const watch = await watchPost(body);
    expect(watch.result.json).toEqual({ data: { importVolumes: { rows: 120_000, days: 1251 } } });
    expect(watch.slowestHealthCpuMs).toBeLessThan(SLOWEST_HEALTH_MS);
    expect(watch.healthChecks).toBeGreaterThan(20);
  });
});
