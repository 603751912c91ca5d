import { createInProcessApp, type GqlApp } from '../../helpers/in-process-app';
import { expectOk } from '../../helpers/expect-ok';
import { HOURLY, seedHistory } from './forecast-fixtures';

type Trained = {
  trainModel: {
    kind: string;
    params: { periods: number[]; details: { orders: number[]; openOnly?: unknown } };
  };
};
type Run = { runForecast: { points: { t: string; mean: number; hi95: number }[] } };

describe('trainModel with kind HARMONIC (GraphQL, in process)', () => {
  let t: GqlApp;
  let manager: string;

  beforeAll(async () => {
    t = await createInProcessApp({
      seed: (s) => seedHistory(s, [{ spec: HOURLY, from: '2026-01-05', to: '2026-03-02' }]),
    });
    manager = await t.login('manager');
  });
  afterAll(() => t.close());

  it('fits Fourier orders on the open-hours grid and forecasts exact zeros when closed', async () => {
    const trained = await t.gql<Trained>(
      'mutation { trainModel(channel: "calls", kind: HARMONIC) { kind params } }',
      {},
      manager,
    );
    expectOk(trained);
    const { kind, params } = trained.data!.trainModel;
    expect(kind).toBe('HARMONIC');
    // Mon–Fri 08:00–18:00: 10 slots a day, 50 a week on the open grid
    expect(params.periods).toEqual([10, 50]);
    expect(params.details.orders).toHaveLength(2);
    expect(params.details.openOnly).toBeDefined();

    const run = await t.gql<Run>(
      'mutation { runForecast(channel: "calls", start: "2026-03-02", horizonDays: 7) { points { t mean hi95 } } }',
      {},
      manager,
    );
    expectOk(run);
    const points = run.data!.runForecast.points;
    const hourOf = (p: { t: string }): number => new Date(p.t).getUTCHours();
    const closed = points.filter((p) => hourOf(p) < 8 || hourOf(p) >= 18);
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((p) => p.mean === 0 && p.hi95 === 0)).toBe(true);
    expect(points.filter((p) => p.mean > 0).length).toBeGreaterThan(40);
  }, 60_000);
});
