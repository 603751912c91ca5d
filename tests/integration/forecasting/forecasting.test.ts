import { DateTime } from 'luxon';
import { codeOf, createInProcessApp, type GqlApp } from '../../helpers/in-process-app';
import { HOURLY, historyCsv, seedHistory, ZONE } from './forecast-fixtures';
import { expectOk } from '../../helpers/expect-ok';

const MODEL_FIELDS = `id channel version kind status intervalMinutes
  trainingWindow { from to points }
  metrics { mase wape coverage80 origins horizon }
  candidates { kind metrics { mase } error }`;

describe('model registry, forecast runs and accuracy (GraphQL, in process)', () => {
  let t: GqlApp;
  let manager: string;
  let partner: string;

  beforeAll(async () => {
    t = await createInProcessApp({
      seed: (s) => seedHistory(s, [{ spec: HOURLY, from: '2026-01-05', to: '2026-03-02' }]),
    });
    manager = await t.login('manager');
    partner = await t.login('partner');
  });
  afterAll(() => t.close());

  const train = (kind?: string) =>
    t.gql<{ trainModel: Record<string, unknown> }>(
      `mutation($c: String!, $k: ModelSelection) { trainModel(channel: $c, kind: $k) { ${MODEL_FIELDS} } }`,
      { c: 'calls', ...(kind ? { k: kind } : {}) },
      manager,
    );
  const models = async () =>
    (
      await t.gql<{ models: { id: string; version: number; status: string; kind: string }[] }>(
        'query { models(channel: "calls") { id version status kind } }',
        {},
        partner,
      )
    ).data!.models;

  let firstId: string;
  let secondId: string;

  it('trains an AUTO model in the worker pool; the first version becomes ACTIVE', async () => {
    const res = await train();
    expectOk(res);
    const m = res.data!.trainModel as {
      id: string;
      version: number;
      status: string;
      kind: string;
      trainingWindow: { points: number };
      metrics: { mase: number; origins: number; horizon: number };
      candidates: { kind: string; metrics: { mase: number } | null }[];
    };
    firstId = m.id;
    expect(m).toMatchObject({ version: 1, status: 'ACTIVE', intervalMinutes: 60 });
    // 2026-01-05 … Friday 2026-02-27, the last day with volumes (weekends are closed, no rows)
    expect(m.trainingWindow.points).toBe(54 * 24);
    expect(m.metrics).toMatchObject({ origins: 4, horizon: 168 });
    expect(m.candidates.map((c) => c.kind)).toEqual(expect.arrayContaining(['SNAIVE', 'MSTL', 'ARIMA']));
    // AUTO never loses to seasonal naive in backtest
    const snaive = m.candidates.find((c) => c.kind === 'SNAIVE')!.metrics!.mase;
    expect(m.metrics.mase).toBeLessThanOrEqual(snaive);
  });

  it('writes a new INACTIVE version on retraining; activating an older one rolls back', async () => {
    const res = await train('SNAIVE');
    expect(res.data!.trainModel).toMatchObject({ version: 2, status: 'INACTIVE', kind: 'SNAIVE' });
    secondId = (res.data!.trainModel as { id: string }).id;

    const act = await t.gql<{ activateModel: { status: string } }>(
      'mutation($id: ID!) { activateModel(id: $id) { status } }',
      { id: secondId },
      manager,
    );
    expect(act.data!.activateModel.status).toBe('ACTIVE');
    let list = await models();
    expect(list.map((m) => [m.version, m.status])).toEqual([
      [2, 'ACTIVE'],
      [1, 'INACTIVE'],
    ]);

    await t.gql('mutation($id: ID!) { activateModel(id: $id) { id } }', { id: firstId }, manager);
    list = await models();
    expect(list.filter((m) => m.status === 'ACTIVE').map((m) => m.id)).toEqual([firstId]);
  });

  it('keeps exactly one ACTIVE version under concurrent activations', async () => {
    await Promise.all(
      [firstId, secondId, firstId, secondId].map((id) =>
        t.gql('mutation($id: ID!) { activateModel(id: $id) { id } }', { id }, manager),
      ),
    );
    expect((await models()).filter((m) => m.status === 'ACTIVE')).toHaveLength(1);
    await t.gql('mutation($id: ID!) { activateModel(id: $id) { id } }', { id: firstId }, manager);
  });

  it('refuses unknown models and channels with coded errors, writing nothing', async () => {
    const missing = await t.gql('mutation { activateModel(id: "nope") { id } }', {}, manager);
    expect(codeOf(missing)).toBe('NOT_FOUND');
    const noChannel = await t.gql('mutation { trainModel(channel: "chat") { id } }', {}, manager);
    expect(codeOf(noChannel)).toBe('NOT_FOUND');
    expect(await models()).toHaveLength(2);
  });

  it('reports a fit failure as FAILED_PRECONDITION (MODEL_FIT_FAILED) and stores no model', async () => {
    // Two days of history: too short for the backtest of any model.
    await t.services.channels.create({ ...HOURLY, key: 'chat', requiredSkill: 'chat' });
    await t.services.volumes.importCsv(historyCsv({ ...HOURLY, key: 'chat' }, '2026-02-23', '2026-02-25'));
    const res = await t.gql<unknown>(
      'mutation { trainModel(channel: "chat", kind: ARIMA) { id } }',
      {},
      manager,
    );
    expect(codeOf(res as never)).toBe('FAILED_PRECONDITION');
    expect(res.errors![0]!.message).toMatch(/history cannot be modelled|MODEL_FIT_FAILED/);
    expect(await t.services.models.list('chat')).toEqual([]);
  });

  let forecastId: string;

  it('runForecast stores UTC points from local midnight, closed intervals exactly zero', async () => {
    const res = await t.gql<{
      runForecast: {
        id: string;
        start: string;
        end: string;
        modelId: string;
        points: { t: string; mean: number; lo80: number; hi80: number; lo95: number; hi95: number }[];
        dailyTotals: { date: string; mean: number }[];
        model: { version: number };
      };
    }>(
      `mutation { runForecast(channel: "calls", start: "2026-03-02", horizonDays: 7) {
        id start end modelId points { t mean lo80 hi80 lo95 hi95 } dailyTotals { date mean } model { version } } }`,
      {},
      manager,
    );
    expectOk(res);
    const f = res.data!.runForecast;
    forecastId = f.id;
    expect(f.modelId).toBe(firstId);
    expect(f.model.version).toBe(1);
    expect(f.start).toBe('2026-03-02T00:00:00.000Z');
    expect(f.end).toBe('2026-03-09T00:00:00.000Z');
    expect(f.points).toHaveLength(7 * 24);
    for (const p of f.points) {
      const local = DateTime.fromISO(p.t, { zone: ZONE });
      const open = local.weekday <= 5 && local.hour >= 8 && local.hour < 18;
      if (!open) expect([p.mean, p.lo80, p.hi80, p.lo95, p.hi95]).toEqual([0, 0, 0, 0, 0]);
      else {
        expect(p.lo95).toBeLessThanOrEqual(p.lo80);
        expect(p.lo80).toBeLessThanOrEqual(p.mean);
        expect(p.mean).toBeLessThanOrEqual(p.hi80);
        expect(p.hi80).toBeLessThanOrEqual(p.hi95);
      }
    }
    // Monday 10:00 (a peak) forecasts far more than Monday 08:00.
    const at = (iso: string) => f.points.find((p) => p.t === iso)!.mean;
    expect(at('2026-03-02T10:00:00.000Z')).toBeGreaterThan(at('2026-03-02T08:00:00.000Z'));
    expect(f.dailyTotals.map((d) => d.date)).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
    ]);
    expect(f.dailyTotals[5]!.mean).toBe(0);
    expect(f.dailyTotals[0]!.mean).toBeCloseTo(
      f.points.slice(0, 24).reduce((s, p) => s + p.mean, 0),
      6,
    );
  });

  it('handles a daylight-saving week: 23- and 25-hour days keep local opening hours', async () => {
    // 2026-03-29 is the spring-forward Sunday in Europe/London; forecast the week around it
    // from history that ends 2026-03-02 (a gap of four weeks is forecast through).
    const res = await t.gql<{ runForecast: { points: { t: string; mean: number }[] } }>(
      'mutation { runForecast(channel: "calls", start: "2026-03-28", horizonDays: 3) { points { t mean } } }',
      {},
      manager,
    );
    expectOk(res);
    const points = res.data!.runForecast.points;
    expect(points).toHaveLength(24 + 23 + 24);
    // Monday 2026-03-30 08:00 BST = 07:00 UTC opens; 06:00 UTC (07:00 BST) is closed.
    const at = (iso: string) => points.find((p) => p.t === iso)!.mean;
    expect(at('2026-03-30T07:00:00.000Z')).toBeGreaterThan(0);
    expect(at('2026-03-30T06:00:00.000Z')).toBe(0);
  });

  it('lists runs newest first with cursors, and returns the latest', async () => {
    const page1 = await t.gql<{
      forecasts: {
        nodes: { id: string }[];
        totalCount: number;
        pageInfo: { endCursor: string; hasNextPage: boolean };
      };
    }>(
      'query { forecasts(channel: "calls", first: 1) { nodes { id } totalCount pageInfo { endCursor hasNextPage } } }',
      {},
      partner,
    );
    expect(page1.data!.forecasts.totalCount).toBe(2);
    expect(page1.data!.forecasts.pageInfo.hasNextPage).toBe(true);
    const page2 = await t.gql<{ forecasts: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean } } }>(
      'query($a: String) { forecasts(channel: "calls", first: 1, after: $a) { nodes { id } pageInfo { hasNextPage } } }',
      { a: page1.data!.forecasts.pageInfo.endCursor },
      partner,
    );
    expect(page2.data!.forecasts.nodes.map((n) => n.id)).toEqual([forecastId]);
    expect(page2.data!.forecasts.pageInfo.hasNextPage).toBe(false);
    const latest = await t.gql<{ latestForecast: { id: string } }>(
      'query { latestForecast(channel: "calls") { id } }',
      {},
      partner,
    );
    expect(latest.data!.latestForecast.id).toBe(page1.data!.forecasts.nodes[0]!.id);
    const one = await t.gql<{ forecast: { id: string } }>(
      'query($id: ID!) { forecast(id: $id) { id } }',
      { id: forecastId },
      partner,
    );
    expect(one.data!.forecast.id).toBe(forecastId);
  });

  it('refuses a bad horizon and a start too far from the history', async () => {
    const bad = await t.gql(
      'mutation { runForecast(channel: "calls", start: "2026-03-02", horizonDays: 0) { id } }',
      {},
      manager,
    );
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    const far = await t.gql(
      'mutation { runForecast(channel: "calls", start: "2026-06-01", horizonDays: 7) { id } }',
      {},
      manager,
    );
    expect(codeOf(far)).toBe('FAILED_PRECONDITION');
  });

  const ACCURACY = `query($from: LocalDate!, $to: LocalDate!) {
    forecastAccuracy(channel: "calls", from: $from, to: $to) {
      drift driftFactor
      runs { forecastId drift backtestWape backtestMase
        metrics { wape mase coverage80 coverage95 msis n }
        bias { actualTotal forecastTotal meanError percentOfActual }
        days { date metrics { wape n } bias { actualTotal forecastTotal } } } } }`;
  type Bias = { actualTotal: number; forecastTotal: number; meanError: number; percentOfActual: number };
  type Accuracy = {
    forecastAccuracy: {
      drift: boolean;
      driftFactor: number;
      runs: {
        forecastId: string;
        drift: boolean;
        backtestWape: number;
        metrics: {
          wape: number;
          mase: number;
          coverage80: number;
          coverage95: number;
          msis: number;
          n: number;
        };
        bias: Bias;
        days: {
          date: string;
          metrics: { wape: number; n: number };
          bias: Omit<Bias, 'meanError' | 'percentOfActual'>;
        }[];
      }[];
    };
  };

  let usualMsis = NaN;

  it('tracks accuracy once actuals arrive: WAPE, MASE, coverage per run and per day', async () => {
    const before = await t.gql<Accuracy>(ACCURACY, { from: '2026-03-02', to: '2026-03-08' }, partner);
    expect(before.data!.forecastAccuracy.runs).toEqual([]);

    // Actuals for Monday–Wednesday, same process as the history.
    await t.services.volumes.importCsv(historyCsv(HOURLY, '2026-03-02', '2026-03-05', { seed: 99 }));
    const res = await t.gql<Accuracy>(ACCURACY, { from: '2026-03-02', to: '2026-03-08' }, partner);
    expectOk(res);
    const report = res.data!.forecastAccuracy;
    expect(report.driftFactor).toBe(1.5);
    expect(report.runs.map((r) => r.forecastId)).toEqual([forecastId]);
    const run = report.runs[0]!;
    expect(run.metrics.n).toBe(3 * 10);
    expect(run.metrics.wape).toBeGreaterThan(0);
    expect(run.metrics.wape).toBeLessThan(25);
    expect(run.metrics.mase).toBeGreaterThan(0);
    expect(run.metrics.coverage95).toBeGreaterThanOrEqual(run.metrics.coverage80);
    expect(run.metrics.msis).toBeGreaterThan(0);
    usualMsis = run.metrics.msis;
    expect(run.days.map((d) => [d.date, d.metrics.n])).toEqual([
      ['2026-03-02', 10],
      ['2026-03-03', 10],
      ['2026-03-04', 10],
    ]);
    // bias: forecast − actual, per run and per day; the day totals add up to the run's
    expect(Math.abs(run.bias.percentOfActual)).toBeLessThan(10);
    expect(run.bias.meanError * run.metrics.n).toBeCloseTo(run.bias.forecastTotal - run.bias.actualTotal, 6);
    expect(run.days.reduce((a, d) => a + d.bias.actualTotal, 0)).toBeCloseTo(run.bias.actualTotal, 6);
    expect(run.days.reduce((a, d) => a + d.bias.forecastTotal, 0)).toBeCloseTo(run.bias.forecastTotal, 6);
    expect(run.drift).toBe(false);
    expect(report.drift).toBe(false);
  });

  it('flags drift when recent error exceeds the backtest error × FORECAST_DRIFT_FACTOR', async () => {
    // Thursday and Friday arrive at twice the usual volume.
    await t.services.volumes.importCsv(
      historyCsv(HOURLY, '2026-03-05', '2026-03-07', { seed: 5, factor: 2 }),
    );
    const res = await t.gql<Accuracy>(ACCURACY, { from: '2026-03-05', to: '2026-03-06' }, partner);
    const run = res.data!.forecastAccuracy.runs[0]!;
    expect(run.metrics.wape).toBeGreaterThan(run.backtestWape * 1.5);
    expect(run.drift).toBe(true);
    expect(res.data!.forecastAccuracy.drift).toBe(true);
    expect(run.metrics.coverage80).toBeLessThan(0.5);
    // the interval score charges 40 × every miss of the 95 % interval
    expect(run.metrics.msis).toBeGreaterThan(3 * usualMsis);
    // twice the volume: the forecast is about half the actual total
    expect(run.bias.percentOfActual).toBeLessThan(-30);
  });
});
