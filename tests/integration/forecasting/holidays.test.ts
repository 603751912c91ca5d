import { codeOf, createInProcessApp, type GqlApp } from '../../helpers/in-process-app';
import { HOURLY, seedHistory } from './forecast-fixtures';
import { expectOk } from '../../helpers/expect-ok';

interface Point {
  t: string;
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

describe('holiday calendar (GraphQL, in process)', () => {
  let t: GqlApp;
  let manager: string;
  let provider: string;

  beforeAll(async () => {
    t = await createInProcessApp({
      seed: (s) => seedHistory(s, [{ spec: HOURLY, from: '2026-01-05', to: '2026-03-02' }]),
    });
    manager = await t.login('manager');
    provider = await t.login('provider');
    await t.services.models.train('calls', 'SNAIVE', null);
  });
  afterAll(() => t.close());

  const setHoliday = (input: Record<string, unknown>, token = manager) =>
    t.gql<{ setHoliday: { date: string; effect: string; factor: number | null } }>(
      'mutation($i: HolidayInput!) { setHoliday(input: $i) { date name effect factor } }',
      { i: input },
      token,
    );
  const run = async (): Promise<Point[]> => {
    const res = await t.gql<{ runForecast: { points: Point[] } }>(
      'mutation { runForecast(channel: "calls", start: "2026-03-02", horizonDays: 7) { points { t mean lo80 hi80 lo95 hi95 } } }',
      {},
      manager,
    );
    expectOk(res);
    return res.data!.runForecast.points;
  };
  const day = (points: Point[], date: string): Point[] => points.filter((p) => p.t.startsWith(date));

  it('a CLOSED day next week is exactly 0 and a factor day is scaled', async () => {
    const before = await run();
    expect(day(before, '2026-03-04').some((p) => p.mean > 0)).toBe(true);
    expect(
      (await setHoliday({ date: '2026-03-04', name: 'Site closed', effect: 'CLOSED' })).errors,
    ).toBeUndefined();
    expect(
      (await setHoliday({ date: '2026-03-05', name: 'Half day', effect: 'FACTOR', factor: 0.5 })).errors,
    ).toBeUndefined();
    const after = await run();
    for (const p of day(after, '2026-03-04'))
      expect([p.mean, p.lo80, p.hi80, p.lo95, p.hi95]).toEqual([0, 0, 0, 0, 0]);
    const was = day(before, '2026-03-05');
    day(after, '2026-03-05').forEach((p, i) => {
      expect(p.mean).toBeCloseTo(was[i]!.mean * 0.5, 9);
      expect(p.hi95).toBeCloseTo(was[i]!.hi95 * 0.5, 9);
    });
    expect(day(after, '2026-03-03')).toEqual(day(before, '2026-03-03'));
  });

  it('lists the calendar to plan readers; only managers edit it; bad input is coded', async () => {
    const list = await t.gql<{ holidays: { date: string; effect: string }[] }>(
      'query { holidays(from: "2026-03-01", to: "2026-04-01") { date effect } }',
      {},
      provider,
    );
    expect(list.data!.holidays).toEqual([
      { date: '2026-03-04', effect: 'CLOSED' },
      { date: '2026-03-05', effect: 'FACTOR' },
    ]);
    expect(codeOf(await setHoliday({ date: '2026-03-06', name: 'x', effect: 'CLOSED' }, provider))).toBe(
      'FORBIDDEN',
    );
    const noFactor = await setHoliday({ date: '2026-03-06', name: 'x', effect: 'FACTOR' });
    expect(codeOf(noFactor)).toBe('BAD_USER_INPUT');
    expect(noFactor.errors![0]!.message).toMatch('factor is required when effect is FACTOR');
    expect(codeOf(await setHoliday({ date: '2026-02-30', name: 'x', effect: 'CLOSED' }))).toBe(
      'BAD_USER_INPUT',
    );
    const del = await t.gql<{ deleteHoliday: boolean }>(
      'mutation { deleteHoliday(date: "2026-03-05") }',
      {},
      manager,
    );
    expect(del.data!.deleteHoliday).toBe(true);
    const again = await t.gql('mutation { deleteHoliday(date: "2026-03-05") }', {}, manager);
    expect(codeOf(again)).toBe('NOT_FOUND');
  });
});
