/**
 * Audit (2026-12-04), after suite 50 made subscriptions check the form of their ids when they
 * open. Two gaps were left on the built server:
 * - a well-formed id naming nothing stored was still accepted: `forecastUpdated(channel:
 *   "nope")` (no such channel) and `rosterJobProgress(jobId: "no-such-job")` opened and waited,
 *   silently and for ever, for events no one would publish; a partner tool with a typo in a
 *   channel key got no error at all. (type-graphql's `topicId` option is synchronous: it could
 *   check the form, not ask the store.)
 * - `forecastAccuracy(from: "0001-01-01")` or `to: "9999-12-31"` answered empty runs, and
 *   `volumes`, `validateVolumes` and `runForecast(start:)` took the same far dates, where every
 *   other date argument refuses what lies outside the years 1900–2999.
 * Now a keyed subscription opens through `subscribeById`: roles first (FORBIDDEN), then the id's
 * form (BAD_USER_INPUT), then the store (NOT_FOUND naming the argument, like the query of the
 * same id), and only then does it listen, so nothing stays subscribed. Weeks are any Monday: a
 * roster may be published later, so `rosterPublished` / `rosterConflict` of a week with no
 * roster open as before. Range and day arguments go through the shared date check
 * (`assertDateArgument`): BAD_USER_INPUT naming `from`, `to` or `start`. (availableStaff and
 * setAvailabilityLockDate refused far days already, as "no real date": they now name the years.)
 */
import { TOPIC } from '../../src/events/topics';
import { FORECASTS } from '../../src/forecasting/forecast.doc';
import { HOURLY } from '../integration/forecasting/forecast-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { subscriptionOutcomes, wsClient, type SubscriptionOutcome } from '../helpers/ws-client';

type Outcome = SubscriptionOutcome;

/** Opens a subscription and resolves, once it has ended, with what it answered (results or errors). */
const outcomes = (
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<Outcome[]> => subscriptionOutcomes(url, token, query, variables, { until: 'end' });

const FORECAST = 'subscription($c: String!) { forecastUpdated(channel: $c) { forecastId } }';
const PROGRESS = 'subscription($j: ID!) { rosterJobProgress(jobId: $j) { jobId state } }';
const PUBLISHED = 'subscription($w: String!) { rosterPublished(week: $w) { rosterId } }';

const ACCURACY = `query($c: String!, $f: LocalDate!, $t: LocalDate!) {
  forecastAccuracy(channel: $c, from: $f, to: $t) { runs { forecastId } } }`;
const VOLUMES = `query($c: String!, $f: LocalDate!, $t: LocalDate!) {
  volumes(channel: $c, from: $f, to: $t) { intervalMinutes } }`;
const VALIDATE = `query($c: String!, $f: LocalDate!, $t: LocalDate!) {
  validateVolumes(channel: $c, from: $f, to: $t) { __typename } }`;
const RUN = `mutation($s: LocalDate!) { runForecast(channel: "calls", start: $s, horizonDays: 1) { id } }`;

const YEARS = 'in the years 1900–2999';

describe('audit: unknown subscription ids and far dates are refused at the boundary', () => {
  let t: TestApp;
  let partner: string;
  let manager: string;
  const openSubscriptions = async () => (await t.services.metrics.subscriptions.get()).values[0]?.value;

  beforeAll(async () => {
    t = await startTestApp({ seed: (s) => s.channels.create(HOURLY).then(() => undefined) });
    partner = await t.login('partner');
    manager = await t.login('manager');
  });
  afterAll(() => t.close());

  it('refuses a channel no one created with NOT_FOUND naming the argument; nothing stays subscribed', async () => {
    const res = await outcomes(t.app.url, partner, FORECAST, { c: 'nope' });
    expect(res).toEqual([
      {
        errors: [
          expect.objectContaining({
            message: 'Channel nope not found',
            extensions: expect.objectContaining({
              code: 'NOT_FOUND',
              details: [{ field: 'channel', message: 'no such channel' }],
            }),
          }),
        ],
      },
    ]);
    // as the queries that look the channel up answer it
    const accuracy = await t.gql(ACCURACY, { c: 'nope', f: '2026-03-02', t: '2026-03-08' }, partner);
    expect(accuracy.errors?.[0]).toMatchObject({
      message: 'Channel nope not found',
      extensions: { code: 'NOT_FOUND' },
    });
    expect(t.events.listeners(TOPIC.FORECAST_UPDATED, 'nope')).toBe(0);
    expect(await openSubscriptions()).toBe(0);
  });

  it('refuses a roster job that does not exist with NOT_FOUND naming jobId', async () => {
    const res = await outcomes(t.app.url, manager, PROGRESS, { j: 'no-such-job' });
    expect(res[0]?.errors?.[0]).toMatchObject({
      message: 'Roster job no-such-job not found',
      extensions: { code: 'NOT_FOUND', details: [{ field: 'jobId', message: 'no such roster job' }] },
    });
    expect(t.events.listeners(TOPIC.ROSTER_JOB_PROGRESS, 'no-such-job')).toBe(0);
    // a 10,000-character id is echoed clipped, not whole
    const long = await outcomes(t.app.url, manager, PROGRESS, { j: 'j'.repeat(10_000) });
    expect(long[0]?.errors?.[0]?.message.length).toBeLessThan(100);
  });

  it('checks roles before the store: an AGENT is refused whatever the channel', async () => {
    const agent = await t.login('agent');
    const res = await outcomes(t.app.url, agent, FORECAST, { c: 'nope' });
    expect(res[0]?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('still opens a known channel and any Monday, and delivers their events', async () => {
    const event = {
      forecastId: 'f-53',
      channel: 'calls',
      modelId: 'm',
      modelKind: 'SEASONAL_NAIVE',
      start: new Date('2026-03-02T00:00:00Z'),
      intervalMinutes: 60,
      dailyTotals: [],
    };
    const listening = t.events.nextListener(TOPIC.FORECAST_UPDATED, 'calls');
    const forecast = firstEvent(t.app.url, partner, FORECAST, { c: 'calls' });
    await listening;
    t.services.events.publish(TOPIC.FORECAST_UPDATED, 'calls', event);
    expect(await forecast).toEqual({ data: { forecastUpdated: { forecastId: 'f-53' } } });

    // a week with no roster yet: its roster may be published later
    const week = '2027-03-01';
    const weekListening = t.events.nextListener(TOPIC.ROSTER_PUBLISHED, week);
    const published = firstEvent(t.app.url, manager, PUBLISHED, { w: week });
    await weekListening;
    t.services.events.publish(TOPIC.ROSTER_PUBLISHED, week, {
      rosterId: 'r-53',
      week,
      publishedAt: new Date(),
      publishedBy: 'u',
    });
    expect(await published).toEqual({ data: { rosterPublished: { rosterId: 'r-53' } } });
  });

  it('refuses far dates in forecastAccuracy, volumes and validateVolumes, naming from or to', async () => {
    for (const query of [ACCURACY, VOLUMES, VALIDATE]) {
      const early = await t.gql(query, { c: 'calls', f: '0001-01-01', t: '0001-01-07' }, manager);
      expect(early.errors?.[0]).toMatchObject({
        message: `from must be ${YEARS}, got "0001-01-01"`,
        extensions: { code: 'BAD_USER_INPUT', details: [{ field: 'from', message: `not ${YEARS}` }] },
      });
      const late = await t.gql(query, { c: 'calls', f: '2026-03-02', t: '9999-12-31' }, manager);
      expect(late.errors?.[0]).toMatchObject({
        message: `to must be ${YEARS}, got "9999-12-31"`,
        extensions: { code: 'BAD_USER_INPUT', details: [{ field: 'to', message: `not ${YEARS}` }] },
      });
    }
    // the range's far end alone was the whole attack: empty runs, no error
    const far = await t.gql(ACCURACY, { c: 'calls', f: '9999-12-01', t: '9999-12-07' }, partner);
    expect([far.data, far.errors?.[0]?.extensions?.code]).toEqual([null, 'BAD_USER_INPUT']);
    // a range inside the years still answers
    const near = await t.gql(ACCURACY, { c: 'calls', f: '2026-03-02', t: '2026-03-08' }, partner);
    expect(near.data).toEqual({ forecastAccuracy: { runs: [] } });
  });

  it('refuses a far runForecast start, storing nothing', async () => {
    const before = await t.services.store.collection(FORECASTS).count();
    for (const start of ['0001-01-01', '9999-12-27']) {
      const res = await t.gql(RUN, { s: start }, manager);
      expect(res.errors?.[0]).toMatchObject({
        message: `start must be ${YEARS}, got "${start}"`,
        extensions: { code: 'BAD_USER_INPUT', details: [{ field: 'start', message: `not ${YEARS}` }] },
      });
    }
    expect(await t.services.store.collection(FORECASTS).count()).toBe(before);
  });

  it('names the years where a far day was called "no real date" (availableStaff, the lock date)', async () => {
    const staff = await t.gql(
      '{ availableStaff(date: "9999-12-31", from: "09:00", to: "10:00") { totalCount } }',
      {},
      manager,
    );
    expect(staff.errors?.[0]).toMatchObject({
      message: `date must be ${YEARS}, got "9999-12-31"`,
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const lock = await t.gql('mutation { setAvailabilityLockDate(date: "0001-01-01") }', {}, manager);
    expect(lock.errors?.[0]).toMatchObject({
      message: `date must be ${YEARS}, got "0001-01-01"`,
      extensions: { code: 'BAD_USER_INPUT', details: [{ field: 'date', message: `not ${YEARS}` }] },
    });
    // left out, the nullable date is refused, not taken as a clear (null clears)
    const omitted = await t.gql('mutation { setAvailabilityLockDate }', {}, manager);
    expect(omitted.errors?.[0]).toMatchObject({
      message: 'date is required: a date YYYY-MM-DD, or null to clear the lock',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const cleared = await t.gql('mutation { setAvailabilityLockDate(date: null) }', {}, manager);
    expect(cleared.data).toEqual({ setAvailabilityLockDate: null });
  });
});

/** The first result of a subscription. */
function firstEvent(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<Outcome> {
  const client = wsClient(url, token);
  return new Promise<Outcome>((resolve) => {
    client.subscribe(
      { query, variables },
      {
        next: (r) => resolve(r as Outcome),
        error: (e) => resolve({ errors: [{ message: String(e) }] }),
        complete: () => undefined,
      },
    );
  }).finally(() => client.dispose());
}
