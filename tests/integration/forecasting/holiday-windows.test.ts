import { createInProcessApp, type GqlApp } from '../../helpers/in-process-app';
import { expectOk } from '../../helpers/expect-ok';
import { HOURLY, historyCsv } from './forecast-fixtures';

interface Point {
  t: string;
  mean: number;
}

/** Past holidays on different weekdays; the working day after each had half as many calls again. */
const PAST = ['2026-01-13', '2026-01-22', '2026-02-02', '2026-02-12', '2026-02-18'];
const DAY_AFTER = new Set(['2026-01-14', '2026-01-23', '2026-02-03', '2026-02-13', '2026-02-19']);

/** What each kind reports of the windows it learned (its params' details). */
const LEARNED: Record<'PROPHET' | 'HARMONIC', (details: Record<string, unknown>) => string[]> = {
  PROPHET: (d) => d.holidayFeatures as string[],
  HARMONIC: (d) => Object.keys(d.holidayEffects as Record<string, number>),
};

describe.each(['PROPHET', 'HARMONIC'] as const)(
  '%s learns the day after a holiday from the site calendar (GraphQL, in process)',
  (kind) => {
    let t: GqlApp;
    let manager: string;

    beforeAll(async () => {
      t = await createInProcessApp({
        seed: async (s) => {
          await s.channels.create(HOURLY);
          await s.volumes.importCsv(
            historyCsv(HOURLY, '2026-01-05', '2026-03-02', {
              dayFactor: (date) => (DAY_AFTER.has(date) ? 1.5 : 1),
            }),
          );
        },
      });
      manager = await t.login('manager');
      for (const date of PAST) await setHoliday(date);
    });
    afterAll(() => t.close());

    const setHoliday = async (date: string): Promise<void> =>
      expectOk(
        await t.gql(
          'mutation($i: HolidayInput!) { setHoliday(input: $i) { date } }',
          { i: { date, name: 'Site holiday', effect: 'CLOSED' } },
          manager,
        ),
      );
    const dayTotal = (points: Point[], date: string): number =>
      points.filter((p) => p.t.startsWith(date)).reduce((s, p) => s + p.mean, 0);
    const run = async (): Promise<Point[]> => {
      const res = await t.gql<{ runForecast: { points: Point[] } }>(
        'mutation { runForecast(channel: "calls", start: "2026-03-02", horizonDays: 7) { points { t mean } } }',
        {},
        manager,
      );
      expectOk(res);
      return res.data!.runForecast.points;
    };

    it('trains with the holiday windows and forecasts the day after the next holiday higher', async () => {
      const trained = await t.gql<{ trainModel: { params: { details: Record<string, unknown> } } }>(
        `mutation { trainModel(channel: "calls", kind: ${kind}) { params } }`,
        {},
        manager,
      );
      expectOk(trained);
      expect(LEARNED[kind](trained.data!.trainModel.params.details)).toEqual([
        'dayBeforeHoliday',
        'dayAfterHoliday',
      ]);

      const plain = await run();
      await setHoliday('2026-03-03');
      const withHoliday = await run();
      expect(dayTotal(withHoliday, '2026-03-03')).toBe(0);
      // Wednesday 4 March follows the holiday: about half as many calls again as without it
      const ratio = dayTotal(withHoliday, '2026-03-04') / dayTotal(plain, '2026-03-04');
      expect(ratio).toBeGreaterThan(1.3);
      expect(ratio).toBeLessThan(1.7);
      // Thursday and Friday are not next to a holiday
      for (const date of ['2026-03-05', '2026-03-06']) {
        expect(dayTotal(withHoliday, date) / dayTotal(plain, date)).toBeCloseTo(1, 1);
      }
    }, 60_000);
  },
);
