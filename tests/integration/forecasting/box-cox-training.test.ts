import { codeOf, createInProcessApp, type GqlApp } from '../../helpers/in-process-app';
import { expectOk } from '../../helpers/expect-ok';
import { HOURLY, seedHistory } from './forecast-fixtures';

type Trained = { trainModel: { kind: string; params: { boxCoxLambda?: number } } };

describe('trainModel with a Box-Cox choice (GraphQL, in process)', () => {
  let t: GqlApp;
  let manager: string;

  beforeAll(async () => {
    t = await createInProcessApp({
      seed: (s) => seedHistory(s, [{ spec: HOURLY, from: '2026-01-05', to: '2026-03-02' }]),
    });
    manager = await t.login('manager');
  });
  afterAll(() => t.close());

  const train = (args: string) =>
    t.gql<Trained>(`mutation { trainModel(channel: "calls", ${args}) { kind params } }`, {}, manager);

  it('fits a single kind with Guerrero’s λ, or with a fixed λ, and stores the λ for refits', async () => {
    const guerrero = await train('kind: THETA, boxCox: GUERRERO');
    expectOk(guerrero);
    const lambda = guerrero.data!.trainModel.params.boxCoxLambda;
    expect(typeof lambda).toBe('number');
    expect(lambda).toBeGreaterThanOrEqual(-1);
    expect(lambda).toBeLessThanOrEqual(2);

    const fixed = await train('kind: THETA, boxCoxLambda: 0.5');
    expectOk(fixed);
    expect(fixed.data!.trainModel.params.boxCoxLambda).toBe(0.5);

    const plain = await train('kind: THETA, boxCox: NONE');
    expectOk(plain);
    expect(plain.data!.trainModel.params.boxCoxLambda).toBeUndefined();

    // the active model (the first trained) forecasts with its stored λ
    const run = await t.gql<{ runForecast: { points: { mean: number }[] } }>(
      'mutation { runForecast(channel: "calls", start: "2026-03-02", horizonDays: 1) { points { mean } } }',
      {},
      manager,
    );
    expectOk(run);
    expect(run.data!.runForecast.points.some((p) => p.mean > 0)).toBe(true);
  }, 60_000);

  it.each([
    ['kind: AUTO, boxCox: GUERRERO', 'AUTO chooses Box-Cox by backtest'],
    ['kind: ENSEMBLE, boxCoxLambda: 0', 'ENSEMBLE chooses Box-Cox by backtest'],
    ['kind: MSTL, boxCox: GUERRERO, boxCoxLambda: 0', 'give boxCox or boxCoxLambda, not both'],
    ['kind: MSTL, boxCoxLambda: 2.5', 'boxCoxLambda'],
    ['kind: MSTL, boxCoxLambda: -1.5', 'boxCoxLambda'],
  ])('%s is refused with BAD_USER_INPUT', async (args, message) => {
    const res = await train(args);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toContain(message);
  });

  it('kind ETS is refused as a fit failure: a weekly season (50 open hours) is beyond it; MSTL is named', async () => {
    const res = await t.gql('mutation { trainModel(channel: "calls", kind: ETS) { kind } }', {}, manager);
    expect(codeOf(res)).toBe('FAILED_PRECONDITION');
    expect(res.errors![0]!.message).toMatch(
      /^MODEL_FIT_FAILED: .*at most 24 steps.*a 50-step season: use MSTL/,
    );
  });
});
