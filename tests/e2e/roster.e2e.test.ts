import ExcelJS from 'exceljs';
import { TOPIC } from '../../src/events/topics';
import { startTestApp, type TestApp } from '../helpers/test-app';
import type { Client } from 'graphql-ws';
import { firstResults, wsClient } from '../helpers/ws-client';
import { GENERATE, generateVariables, seedRosterSite, WEEK } from '../integration/rostering/roster.seed';
import { expectOk } from '../helpers/expect-ok';

interface ProgressEvent {
  rosterJobProgress: {
    jobId: string;
    state: string;
    phase: string;
    objective: number | null;
    gap: number | null;
    elapsedSeconds: number;
    rosterId: string | null;
    message: string | null;
  };
}

const PROGRESS = /* GraphQL */ `
  subscription ($jobId: ID!) {
    rosterJobProgress(jobId: $jobId) {
      jobId
      state
      phase
      objective
      bound
      gap
      elapsedSeconds
      rosterId
      message
    }
  }
`;

/** Collects progress events until the job reaches a final state. */
function untilFinal(client: Client, jobId: string): Promise<ProgressEvent['rosterJobProgress'][]> {
  return new Promise((resolve, reject) => {
    const got: ProgressEvent['rosterJobProgress'][] = [];
    const dispose = client.subscribe<ProgressEvent>(
      { query: PROGRESS, variables: { jobId } },
      {
        next: (r) => {
          if (r.errors) return reject(new Error(JSON.stringify(r.errors)));
          const e = r.data!.rosterJobProgress;
          got.push(e);
          if (['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(e.state)) {
            dispose();
            resolve(got);
          }
        },
        error: reject,
        complete: () => resolve(got),
      },
    );
  });
}

describe('rostering end to end (HTTP + WebSocket + downloads)', () => {
  let t: TestApp;
  let manager: string;
  let rosterId: string;

  beforeAll(async () => {
    t = await startTestApp({ seed: seedRosterSite });
    manager = await t.login('manager');
  });
  afterAll(() => t.close());

  const get = (path: string, token?: string) =>
    fetch(`${t.app.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('streams job progress over a real WebSocket up to the final state', async () => {
    const client = wsClient(t.app.url, manager);
    // open (and keep open) the socket first, so subscribing after the mutation is one message
    const keepOpen = client.subscribe(
      { query: 'subscription { ping { seq } }' },
      { next: () => {}, error: () => {}, complete: () => {} },
    );
    await firstResults(client, 'subscription { ping { seq } }', 1);
    const res = await t.gql<{ generateRoster: { id: string } }>(GENERATE, generateVariables(), manager);
    const jobId = res.data!.generateRoster.id;
    const events = await untilFinal(client, jobId);
    keepOpen();
    await client.dispose();

    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.every((e) => e.jobId === jobId)).toBe(true);
    expect(events.some((e) => e.state === 'RUNNING' && e.phase === 'solve')).toBe(true);
    const last = events[events.length - 1];
    expect(last).toMatchObject({ state: 'SUCCEEDED', phase: 'done' });
    expect(last.rosterId).toEqual(expect.any(String));
    expect(last.objective).toBeGreaterThan(0);
    rosterId = last.rosterId!;
  });

  it('tells AGENTs over rosterPublished when a week is published', async () => {
    const client = wsClient(t.app.url, await t.login('agent'));
    const listening = t.events.nextListener(TOPIC.ROSTER_PUBLISHED, WEEK);
    const event = firstResults<{ rosterPublished: { rosterId: string; week: string } }>(
      client,
      'subscription($week: String!) { rosterPublished(week: $week) { rosterId week publishedAt } }',
      1,
      { week: WEEK },
    );
    // a barrier, not a sleep: the server-side subscription is listening on the week's topic
    await listening;
    const pub = await t.gql(
      'mutation($id: ID!) { publishRoster(id: $id) { status } }',
      { id: rosterId },
      manager,
    );
    expectOk(pub);
    expect((await event)[0].rosterPublished).toEqual({
      rosterId,
      week: WEEK,
      publishedAt: expect.any(String),
    });
    await client.dispose();
  });

  it('exports the roster as XLSX: timetable shift times, highlighted under-cover, KPIs', async () => {
    const res = await get(`/exports/rosters/${rosterId}.xlsx`, manager);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="roster-${rosterId}.xlsx"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Timetable', 'Coverage', 'KPIs']);

    const tt = wb.getWorksheet('Timetable')!;
    expect(tt.getRow(1).values).toEqual([
      undefined,
      'Staff ID',
      'Name',
      'Mon 2025-03-03',
      'Tue 2025-03-04',
      'Wed 2025-03-05',
      'Thu 2025-03-06',
      'Fri 2025-03-07',
      'Sat 2025-03-08',
      'Sun 2025-03-09',
      'Paid hours',
      'Target hours',
      'Min hours',
      'Max hours',
    ]);
    // Ada (cheapest) works the early shift Monday to Friday, nothing at the weekend
    expect(tt.getRow(2).getCell(2).value).toBe('Ada');
    expect(tt.getRow(2).getCell(3).value).toBe('06:00-14:00 calls');
    expect(tt.getRow(2).getCell(7).value).toBe('06:00-14:00 calls');
    expect(tt.getRow(2).getCell(8).value ?? '').toBe('');
    expect(tt.getRow(2).getCell(10).value).toBe(40);

    const cov = wb.getWorksheet('Coverage')!;
    expect(cov.getRow(1).values).toEqual([
      undefined,
      'Interval start',
      'Day',
      'Skill',
      'Required',
      'Scheduled',
      'On break',
      'Shortfall',
    ]);
    // row 2 is Monday 00:00; Monday 03:00 (row 5) needs one agent no template can give
    expect(cov.getRow(5).values).toEqual([undefined, '2025-03-03T03:00:00', 'Mon', 'calls', 1, 0, 0, 1]);
    expect((cov.getCell('D5').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    // Monday 08:00 (row 10) is covered and not highlighted
    expect(cov.getRow(10).values).toEqual([undefined, '2025-03-03T08:00:00', 'Mon', 'calls', 1, 1, 0, 0]);
    expect((cov.getCell('D10').fill as ExcelJS.FillPattern | undefined)?.fgColor).toBeUndefined();
    expect(cov.rowCount).toBe(1 + 168);

    const kpis = wb.getWorksheet('KPIs')!;
    const byName = new Map<string, unknown>();
    kpis.eachRow((row, i) => i > 1 && byName.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(byName.get('Labour cost')).toBe(400);
    expect(byName.get('Solver status')).toBe('OPTIMAL');
    expect(byName.get('Under-staffed hours (calls)')).toBe(1);
    expect(byName.get('Status')).toBe('PUBLISHED');
  });

  it('exports CSV sheets and applies the roles: SERVICE_PROVIDER published only, AGENT never', async () => {
    const csv = await get(`/exports/rosters/${rosterId}.csv?sheet=Coverage`, manager);
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe('Interval start,Day,Skill,Required,Scheduled,On break,Shortfall');
    expect(lines[4]).toBe('2025-03-03T03:00:00,Mon,calls,1,0,0,1');

    const provider = await t.login('provider');
    expect((await get(`/exports/rosters/${rosterId}.csv`, provider)).status).toBe(200);
    expect((await get(`/exports/rosters/${rosterId}.xlsx`, await t.login('agent'))).status).toBe(403);
    expect((await get(`/exports/rosters/${rosterId}.xlsx`)).status).toBe(401);

    // a new DRAFT is invisible to the provider (404), visible to the manager
    const job = await t.gql<{ generateRoster: { id: string } }>(GENERATE, generateVariables(), manager);
    const done = await t.services.rosterJobs.settled(job.data!.generateRoster.id);
    expect((await get(`/exports/rosters/${done.rosterId}.csv`, provider)).status).toBe(404);
    expect((await get(`/exports/rosters/${done.rosterId}.csv`, manager)).status).toBe(200);
  });
});
