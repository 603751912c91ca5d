import ExcelJS from 'exceljs';
import { TOPIC } from '../../src/events/topics';
import { HOURLY, seedHistory } from '../integration/forecasting/forecast-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { firstResults, wsClient } from '../helpers/ws-client';
import { expectOk } from '../helpers/expect-ok';

const SUBSCRIBE = `subscription($c: String!) { forecastUpdated(channel: $c) {
  forecastId channel modelId modelKind start intervalMinutes dailyTotals { date mean lo80 hi80 lo95 hi95 } } }`;

interface Update {
  forecastUpdated: {
    forecastId: string;
    channel: string;
    modelId: string;
    modelKind: string;
    start: string;
    dailyTotals: { date: string; mean: number; hi95: number }[];
  };
}

/**
 * The run trains AUTO (a backtest of every candidate): 11 s alone at a load of 6, over 30 s
 * beside the unit and integration tiers on a loaded 2-core machine. It waits on the event, so
 * a slower machine only takes longer.
 */
const TRAINS_AUTO_MS = 120_000;

describe('forecast updates over a real WebSocket, and the forecast export', () => {
  let t: TestApp;
  let manager: string;
  let forecastId: string;

  beforeAll(async () => {
    t = await startTestApp({
      seed: (s) => seedHistory(s, [{ spec: HOURLY, from: '2026-01-05', to: '2026-03-02' }]),
    });
    manager = await t.login('manager');
  });
  afterAll(() => t.close());

  it(
    'PARTNER receives forecastUpdated after runForecast stores the run',
    async () => {
      const client = wsClient(t.app.url, await t.login('partner'));
      const listening = t.events.nextListener(TOPIC.FORECAST_UPDATED, 'calls');
      const received = firstResults<Update>(client, SUBSCRIBE, 1, { c: 'calls' });
      // a barrier, not a sleep: the server-side subscription is listening on the channel's topic
      await listening;
      const run = await t.gql<{ runForecast: { id: string; modelId: string } }>(
        'mutation { runForecast(channel: "calls", start: "2026-03-02", horizonDays: 2) { id modelId } }',
        {},
        manager,
      );
      expectOk(run);
      forecastId = run.data!.runForecast.id;
      const [event] = await received;
      expect(event!.forecastUpdated).toMatchObject({
        forecastId,
        channel: 'calls',
        modelId: run.data!.runForecast.modelId,
        start: '2026-03-02T00:00:00.000Z',
      });
      expect(event!.forecastUpdated.dailyTotals.map((d) => d.date)).toEqual(['2026-03-02', '2026-03-03']);
      expect(event!.forecastUpdated.dailyTotals[0]!.mean).toBeGreaterThan(0);
      await client.dispose();
    },
    TRAINS_AUTO_MS,
  );

  it('refuses AGENT and SERVICE_PROVIDER subscriptions with FORBIDDEN', async () => {
    for (const user of ['agent', 'provider']) {
      const client = wsClient(t.app.url, await t.login(user));
      const err = await firstResults(client, SUBSCRIBE, 1, { c: 'calls' }).catch((e: unknown) => e);
      expect(String((err as Error).message)).toMatch(/FORBIDDEN|Requires one of/);
      await client.dispose();
    }
  });

  const get = (path: string, token?: string) =>
    fetch(`${t.app.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('exports a stored forecast as CSV that reads back point for point', async () => {
    const stored = await t.services.forecasts.require(forecastId);
    const res = await get(`/exports/forecasts/${forecastId}.csv`, await t.login('partner'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="forecast-${forecastId}.csv"`);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe('Channel,Local time,UTC,Mean,Lo 80,Hi 80,Lo 95,Hi 95');
    expect(lines).toHaveLength(1 + 48);
    const row10 = lines[1 + 10]!.split(',');
    expect(row10.slice(0, 3)).toEqual(['calls', '2026-03-02T10:00:00', '2026-03-02T10:00:00.000Z']);
    expect(Number(row10[3])).toBeCloseTo(stored.points[10]!.mean, 6);
    expect(lines[1]!.split(',').slice(3).map(Number)).toEqual([0, 0, 0, 0, 0]);
  });

  it('exports XLSX with the intervals and the daily totals; AGENT gets 403', async () => {
    const res = await get(`/exports/forecasts/${forecastId}.xlsx`, await t.login('provider'));
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Intervals')!.rowCount).toBe(1 + 48);
    const daily = wb.getWorksheet('Daily')!;
    expect(daily.getRow(2).getCell(1).value).toBe('2026-03-02');
    const totals = t.services.forecasts.dailyTotals(await t.services.forecasts.require(forecastId));
    expect(daily.getRow(2).getCell(2).value).toBeCloseTo(totals[0]!.mean, 6);
    expect((await get(`/exports/forecasts/${forecastId}.xlsx`, await t.login('agent'))).status).toBe(403);
    expect((await get('/exports/forecasts/nope.csv', manager)).status).toBe(404);
  });
});
