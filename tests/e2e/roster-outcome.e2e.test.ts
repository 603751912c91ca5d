/**
 * rosterOutcome over GraphQL and in the exports: a published week with actual volumes on
 * its Monday, read by a manager and a service provider; the XLSX gains an Outcome sheet
 * and the outcome has its own CSV.
 */
import ExcelJS from 'exceljs';
import { codeOf, startTestApp, type TestApp } from '../helpers/test-app';
import { GENERATE, generateVariables, seedRosterSite, WEEK } from '../integration/rostering/roster.seed';
import { expectOk } from '../helpers/expect-ok';

const OUTCOME = /* GraphQL */ `
  query ($id: ID!, $day: String!) {
    rosterOutcome(rosterId: $id) {
      rosterId
      week
      intervals(date: $day) {
        date
        start
        skill
        kind
        arrivals
        rosteredAgents
        productiveAgents
        serviceLevel
        asaSeconds
        metTarget
      }
      days {
        date
        liveArrivals
        serviceLevel
        labourCost
        intervalsCounted
        intervalsMeetingTarget
        shareMeetingTarget
      }
      total {
        liveArrivals
        labourCost
        shareMeetingTarget
      }
    }
  }
`;

interface Outcome {
  intervals: {
    start: string;
    arrivals: number;
    rosteredAgents: number;
    serviceLevel: number;
    asaSeconds: number;
    metTarget: boolean;
  }[];
  days: {
    date: string;
    liveArrivals: number;
    labourCost: number;
    intervalsCounted: number;
    shareMeetingTarget: number;
  }[];
  total: { liveArrivals: number };
}

describe('rosterOutcome (plan versus actual) end to end', () => {
  let t: TestApp;
  let manager: string;
  let provider: string;
  let draftId: string;
  let rosterId: string;

  beforeAll(async () => {
    t = await startTestApp({
      seed: async (s) => {
        await seedRosterSite(s);
        await s.channels.create({
          key: 'calls',
          name: 'Calls',
          kind: 'LIVE' as never,
          intervalMinutes: 60,
          ahtSeconds: 180,
          serviceLevel: { target: 0.8, answerSeconds: 20 },
          maxOccupancy: 1,
          shrinkage: 0,
          requiredSkill: 'calls',
          openingHours: [1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, from: '08:00', to: '18:00' })),
        });
        // Monday 08:00–12:00: 10 calls an hour (0.5 Erlang at AHT 180 s)
        const rows = [8, 9, 10, 11].map((h) => `${WEEK}T${String(h).padStart(2, '0')}:00:00+00:00,calls,10`);
        await s.volumes.importCsv(['timestamp,channel,value', ...rows].join('\n'));
      },
    });
    [manager, provider] = await Promise.all([t.login('manager'), t.login('provider')]);
    const res = await t.gql<{ generateRoster: { id: string } }>(GENERATE, generateVariables(), manager);
    const job = await t.services.rosterJobs.settled(res.data!.generateRoster.id);
    draftId = job.rosterId!;
    const second = await t.gql<{ generateRoster: { id: string } }>(GENERATE, generateVariables(), manager);
    rosterId = (await t.services.rosterJobs.settled(second.data!.generateRoster.id)).rosterId!;
    await t.gql('mutation($id: ID!) { publishRoster(id: $id) { id } }', { id: rosterId }, manager);
  });
  afterAll(() => t.close());

  it('evaluates the Monday with Erlang C at the rostered agents', async () => {
    const res = await t.gql<{ rosterOutcome: Outcome }>(OUTCOME, { id: rosterId, day: WEEK }, manager);
    expectOk(res);
    const o = res.data!.rosterOutcome;
    expect(o.intervals.map((i) => i.start)).toEqual(
      ['08', '09', '10', '11'].map((h) => `${WEEK}T${h}:00:00`),
    );
    for (const i of o.intervals) {
      expect(i).toMatchObject({ arrivals: 10, rosteredAgents: 1, metTarget: false });
      // one agent, A = 0.5: P(wait) = 0.5, SL = 1 − 0.5·e^(−0.5·20/180), ASA = 0.5·180/0.5 s
      expect(i.serviceLevel).toBeCloseTo(1 - 0.5 * Math.exp(-10 / 180), 5);
      expect(i.asaSeconds).toBeCloseTo(180, 2);
    }
    expect(o.days).toEqual([
      expect.objectContaining({ date: WEEK, liveArrivals: 40, intervalsCounted: 4, shareMeetingTarget: 0 }),
    ]);
    // the Monday early shift: 8 h at the cheapest rate (10)
    expect(o.days[0].labourCost).toBe(80);
    expect(o.total.liveArrivals).toBe(40);
  });

  it('lets a SERVICE_PROVIDER read the outcome of a PUBLISHED roster only', async () => {
    const ok = await t.gql(OUTCOME, { id: rosterId, day: WEEK }, provider);
    expectOk(ok);
    const draft = await t.gql(OUTCOME, { id: draftId, day: WEEK }, provider);
    expect(codeOf(draft)).toBe('NOT_FOUND');
  });

  it('adds an Outcome sheet to the roster XLSX and offers the outcome as CSV', async () => {
    const get = (path: string) =>
      fetch(`${t.app.url}${path}`, { headers: { authorization: `Bearer ${manager}` } });
    const xlsx = await get(`/exports/rosters/${rosterId}.xlsx`);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Timetable', 'Coverage', 'KPIs', 'Outcome']);
    const csv = await get(`/exports/rosters/${rosterId}/outcome.csv`);
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines[0]).toContain('Service level');
    expect(lines).toHaveLength(1 + 4 + 1 + 1); // header, 4 intervals, 1 day, the week
    expect(lines[lines.length - 1]).toMatch(/^week,/);
  });
});
