import ExcelJS from 'exceljs';
import { codeOf, startTestApp, type TestApp } from '../helpers/test-app';
import { channel, forecast, seed } from '../integration/staffing/fixtures';
import { expectOk } from '../helpers/expect-ok';

const WEEK = '2026-11-23';

const CALCULATOR = `query($input: ErlangCalculatorInput!) {
  erlangCalculator(input: $input) {
    model trafficErlangs rawAgents scheduledAgents binding
    atRequired { agents scheduledAgents stable serviceLevel asaSeconds occupancy waitProbability abandonProbability }
    atAgents { agents stable serviceLevel asaSeconds occupancy waitProbability abandonProbability }
  }
}`;

const INPUT = {
  volume: 100,
  intervalMinutes: 30,
  ahtSeconds: 180,
  answerSeconds: 20,
  serviceLevelTarget: 0.8,
  maxOccupancy: 0.85,
  shrinkage: 0.3,
};

interface Calc {
  erlangCalculator: {
    model: string;
    trafficErlangs: number;
    rawAgents: number;
    scheduledAgents: number;
    binding: string;
    atRequired: { serviceLevel: number; stable: boolean; asaSeconds: number | null };
    atAgents: {
      agents: number;
      stable: boolean;
      asaSeconds: number | null;
      abandonProbability: number | null;
    } | null;
  };
}

describe('staffing over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      seed: (s) =>
        seed(
          s.store,
          [
            channel({ key: 'calls' }),
            channel({
              key: 'emails',
              kind: 'DEFERRED',
              intervalMinutes: 60,
              ahtSeconds: 360,
              responseHours: 4,
              requiredSkill: 'email',
            }),
          ],
          [
            forecast({ id: 'f-calls', channel: 'calls', start: '2026-11-23T00:00:00Z', mean: 100 }),
            forecast({
              id: 'f-emails',
              channel: 'emails',
              start: '2026-11-23T00:00:00Z',
              intervalMinutes: 60,
              mean: 10,
            }),
          ],
        ),
    });
  });
  afterAll(() => t.close());

  describe('erlangCalculator', () => {
    it('answers any signed-in user: 10 Erlangs → 14 raw, 20 scheduled', async () => {
      for (const user of ['agent', 'partner']) {
        const res = await t.gql<Calc>(CALCULATOR, { input: INPUT }, await t.login(user));
        expectOk(res);
        expect(res.data!.erlangCalculator).toMatchObject({
          model: 'ERLANG_C',
          trafficErlangs: 10,
          rawAgents: 14,
          scheduledAgents: 20,
          binding: 'SERVICE_LEVEL',
          atAgents: null,
        });
        expect(res.data!.erlangCalculator.atRequired.serviceLevel).toBeCloseTo(0.8884, 4);
      }
    });

    it('maps an unstable head count to stable: false and a null ASA', async () => {
      const res = await t.gql<Calc>(CALCULATOR, { input: { ...INPUT, agents: 9 } }, await t.login('agent'));
      expect(res.data!.erlangCalculator.atAgents).toMatchObject({
        agents: 9,
        stable: false,
        asaSeconds: null,
      });
    });

    it('uses Erlang A with a patience', async () => {
      const res = await t.gql<Calc>(
        CALCULATOR,
        { input: { ...INPUT, patienceSeconds: 90, agents: 9 } },
        await t.login('agent'),
      );
      const r = res.data!.erlangCalculator;
      expect(r.model).toBe('ERLANG_A');
      expect(r.atAgents).toMatchObject({ stable: true });
      expect(r.atAgents!.abandonProbability).toBeGreaterThan(0);
    });

    it('refuses anonymous callers with UNAUTHENTICATED', async () => {
      expect(codeOf(await t.gql(CALCULATOR, { input: INPUT }))).toBe('UNAUTHENTICATED');
    });

    it('answers a bad input with BAD_USER_INPUT naming the parameter, in the core’s words', async () => {
      const token = await t.login('agent');
      const res = await t.gql(CALCULATOR, { input: { ...INPUT, shrinkage: 1.2 } }, token);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toBe('Invalid input: shrinkage must be in [0, 1), got 1.2');
      expect(res.errors![0].extensions?.details).toEqual([
        { field: 'shrinkage', message: 'must be in [0, 1), got 1.2' },
      ]);
      const sl = await t.gql(CALCULATOR, { input: { ...INPUT, serviceLevelTarget: 1 } }, token);
      expect(sl.errors![0].message).toBe('Invalid input: serviceLevelTarget must be in (0, 1), got 1');
    });

    it('refuses traffic beyond what the core handles with a named parameter', async () => {
      const res = await t.gql(
        CALCULATOR,
        { input: { ...INPUT, volume: 1e6, ahtSeconds: 3600 } },
        await t.login('agent'),
      );
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/^trafficErlangs must be <= 10000/);
    });
  });

  describe('plans', () => {
    const STAFFING = `query($channel: String!, $week: String, $basis: StaffingBasis) {
      staffing(channel: $channel, week: $week, basis: $basis) {
        channel model week basis forecastId intervalMinutes
        rows { localTime start occurrences open volume rawAgents scheduledAgents serviceLevel asaSeconds }
        totals { weeklyStaffHours weeklyFte days { date staffHours fte } }
      }
    }`;

    it('serves a channel plan to a service provider', async () => {
      const res = await t.gql<{
        staffing: {
          rows: { localTime: string; start: string; rawAgents: number; scheduledAgents: number }[];
          totals: { weeklyStaffHours: number };
        };
      }>(STAFFING, { channel: 'calls', week: WEEK }, await t.login('provider'));
      expectOk(res);
      expect(res.data!.staffing.rows).toHaveLength(336);
      expect(res.data!.staffing.rows[16]).toMatchObject({
        localTime: '2026-11-23T08:00:00',
        start: '2026-11-23T08:00:00.000Z',
        rawAgents: 14,
        scheduledAgents: 20,
      });
      expect(res.data!.staffing.totals.weeklyStaffHours).toBe(1000);
    });

    it('refuses agents and partners (FORBIDDEN)', async () => {
      for (const user of ['agent', 'partner'])
        expect(codeOf(await t.gql(STAFFING, { channel: 'calls', week: WEEK }, await t.login(user)))).toBe(
          'FORBIDDEN',
        );
    });

    it('explains a missing forecast with FAILED_PRECONDITION', async () => {
      const res = await t.gql(STAFFING, { channel: 'calls', week: '2026-11-30' }, await t.login('manager'));
      expect(codeOf(res)).toBe('FAILED_PRECONDITION');
      expect(res.errors![0].message).toBe(
        'no forecast covers week 2026-11-30 for channel calls: run runForecast first',
      );
    });

    it('validates scenario overrides at the edge', async () => {
      const res = await t.gql(
        `query { staffingScenario(channel: "calls", week: "${WEEK}", overrides: { shrinkage: 1.5 }) { channel } }`,
        {},
        await t.login('manager'),
      );
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toContain('shrinkage must be in [0, 1), got 1.5');
    });

    it('answers staffingPlan and staffingScenario', async () => {
      const token = await t.login('manager');
      const plan = await t.gql<{
        staffingPlan: { intervalMinutes: number; skills: { skill: string; values: number[] }[] };
      }>(
        `query { staffingPlan(week: "${WEEK}") { intervalMinutes skills { skill values peak fte } channels { channel weeklyFte } } }`,
        {},
        token,
      );
      expectOk(plan);
      expect(plan.data!.staffingPlan.intervalMinutes).toBe(15);
      expect(plan.data!.staffingPlan.skills.map((s) => [s.skill, s.values.length])).toEqual([
        ['email', 672],
        ['phone', 672],
      ]);
      const scenario = await t.gql<{
        staffingScenario: { diff: { totals: { weeklyFte: number } } };
      }>(
        `query { staffingScenario(channel: "calls", week: "${WEEK}", overrides: { volumeMultiplier: 1.2 }) {
           base { totals { weeklyFte } } scenario { totals { weeklyFte } } diff { totals { weeklyFte } rows { rawAgents } } } }`,
        {},
        token,
      );
      expectOk(scenario);
      expect(scenario.data!.staffingScenario.diff.totals.weeklyFte).toBeGreaterThan(0);
    });
  });

  describe('export', () => {
    const get = (path: string, token?: string) =>
      fetch(`${t.app.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    /** The email skill's requirement per 15 minutes from staffingPlan: the export must show the same. */
    const emailRequirement = async (token: string): Promise<number[]> => {
      const res = await t.gql<{ staffingPlan: { skills: { skill: string; values: number[] }[] } }>(
        `query { staffingPlan(week: "${WEEK}") { skills { skill values } } }`,
        {},
        token,
      );
      expectOk(res);
      return res.data!.staffingPlan.skills.find((k) => k.skill === 'email')!.values;
    };

    it('streams an XLSX with the requirement, channel rows and totals', async () => {
      const res = await get(`/exports/staffing/${WEEK}.xlsx?basis=MEAN`, await t.login('provider'));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="staffing-${WEEK}.xlsx"`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Requirement', 'Channels', 'Totals']);

      const req = wb.getWorksheet('Requirement')!;
      expect(req.getRow(1).values).toEqual([undefined, 'Interval', 'Day', 'Time', 'email', 'phone', 'Total']);
      expect(req.rowCount).toBe(1 + 672);
      // Mon 08:00. email: the pooled workload plan, as staffingPlan and planWeek staff it; it
      // clears the weekend's backlog (62 h of arrivals due within the first 4 open hours).
      // phone: the 30-minute calls row (20 scheduled) counts in both of its 15-minute slots.
      const email = await emailRequirement(await t.login('provider'));
      expect(email[32]).toBeGreaterThan(5);
      expect(req.getRow(2 + 32).values).toEqual([
        undefined,
        '2026-11-23T08:00:00',
        'Mon',
        '08:00',
        email[32],
        20,
        email[32]! + 20,
      ]);
      expect(req.getRow(2 + 33).getCell(5).value).toBe(20);
      expect(req.getRow(2).getCell(5).value).toBe(0);

      const ch = wb.getWorksheet('Channels')!;
      expect(ch.rowCount).toBe(1 + 336 + 168);
      const calls0800 = ch.getRow(2 + 16);
      expect(calls0800.getCell(1).value).toBe('calls');
      expect(calls0800.getCell(4).value).toBe('2026-11-23T08:00:00');
      expect(calls0800.getCell(8).value).toBe(14);
      expect(calls0800.getCell(9).value).toBe(20);

      const totals = wb.getWorksheet('Totals')!;
      const rows = totals.getSheetValues().slice(2) as unknown[][];
      const phone = rows.find((r) => r[1] === 'skill' && r[2] === 'phone')!;
      expect(phone[3]).toBe(200); // Monday staff hours
      expect(phone[10]).toBe(1000); // week
      expect(phone[11]).toBeCloseTo(1000 / 37.5, 9);
      expect(rows.find((r) => r[1] === 'channel' && r[2] === 'calls')![10]).toBe(1000);
      expect(rows.at(-1)![2]).toBe('All skills');
    });

    it('streams the requirement as CSV', async () => {
      const res = await get(`/exports/staffing/${WEEK}.csv`, await t.login('manager'));
      expect(res.status).toBe(200);
      const lines = (await res.text()).trimEnd().split('\r\n');
      expect(lines[0]).toBe('Interval,Day,Time,email,phone,Total');
      expect(lines).toHaveLength(673);
      const email = await emailRequirement(await t.login('manager'));
      expect(lines[33]).toBe(`2026-11-23T08:00:00,Mon,08:00,${email[32]},20,${email[32]! + 20}`);
    });

    it('refuses agents (403) and anonymous callers (401); a bad basis or week is 400', async () => {
      expect((await get(`/exports/staffing/${WEEK}.xlsx`, await t.login('agent'))).status).toBe(403);
      expect((await get(`/exports/staffing/${WEEK}.csv`)).status).toBe(401);
      const token = await t.login('manager');
      const basis = await get(`/exports/staffing/${WEEK}.csv?basis=HI99`, token);
      expect(basis.status).toBe(400);
      expect(await basis.json()).toMatchObject({
        error: { code: 'BAD_USER_INPUT', message: 'basis must be one of MEAN, HI80, HI95, got "HI99"' },
      });
      expect((await get('/exports/staffing/2026-11-24.csv', token)).status).toBe(400);
    });
  });
});
