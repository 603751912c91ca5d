/**
 * Audit (2026-12-04): graphql validates a subscription's arguments (class-validator on its
 * args class) only when an event reaches the resolver, and the topic id was taken as sent. So
 * `forecastUpdated(channel: "BAD!")`, `rosterPublished(week: "2026-13-01")` and
 * `rosterConflict(week: "2026-11-03")` (a Tuesday) were accepted by the built server and waited,
 * silently and for ever, for events no channel or week can carry: a partner tool with a typo
 * got no error at all.
 *
 * Now the topic id is checked when the subscription opens (`subscribeById` → `topicIdArg`): the
 * subscription fails at once with BAD_USER_INPUT naming the argument, like the query of the
 * same argument would. Roles are still checked first (AGENT, SERVICE_PROVIDER: FORBIDDEN).
 */
import { TOPIC } from '../../src/events/topics';
import { HOURLY } from '../integration/forecasting/forecast-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { subscriptionOutcomes, type SubscriptionOutcome } from '../helpers/ws-client';

type Outcome = SubscriptionOutcome;

/** The first result or error of a subscription; resolves on an event or on an error. */
const firstOutcome = (
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
  publish?: () => void,
): Promise<Outcome> =>
  subscriptionOutcomes(url, token, query, variables, { until: 'first', publish }).then(([first]) => first!);

const FORECAST = 'subscription($c: String!) { forecastUpdated(channel: $c) { forecastId } }';
const PUBLISHED = 'subscription($w: String!) { rosterPublished(week: $w) { rosterId } }';
const CONFLICT = 'subscription($w: String!) { rosterConflict(week: $w) { week } }';

describe('audit: subscription arguments are checked when the subscription opens', () => {
  let t: TestApp;
  let partner: string;
  let manager: string;

  beforeAll(async () => {
    // the channel the subscriptions follow (an unknown one is refused when it opens)
    t = await startTestApp({ seed: (s) => s.channels.create(HOURLY).then(() => undefined) });
    partner = await t.login('partner');
    manager = await t.login('manager');
  });
  afterAll(() => t.close());

  it('refuses a channel that is no channel key', async () => {
    const res = await firstOutcome(t.app.url, partner, FORECAST, { c: 'BAD!' });
    expect(res.errors).toEqual([
      expect.objectContaining({
        message: 'channel must be a channel key such as "calls", got "BAD!"',
        extensions: expect.objectContaining({
          code: 'BAD_USER_INPUT',
          details: [{ field: 'channel', message: 'not a channel key' }],
        }),
      }),
    ]);
  });

  it('refuses weeks that are no date or no Monday', async () => {
    const notDate = await firstOutcome(t.app.url, manager, PUBLISHED, { w: '2026-13-01' });
    expect(notDate.errors?.[0]).toMatchObject({
      message: 'week must be a date YYYY-MM-DD, got "2026-13-01"',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const tuesday = await firstOutcome(t.app.url, manager, CONFLICT, { w: '2026-11-03' });
    expect(tuesday.errors?.[0]).toMatchObject({
      message: 'week must be a Monday, got 2026-11-03',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const farOff = await firstOutcome(t.app.url, manager, PUBLISHED, { w: '9999-12-27' });
    expect(farOff.errors?.[0]?.message).toBe('week must be in the years 1900–2999, got "9999-12-27"');
  });

  it('checks roles before arguments: an AGENT is refused, whatever the channel', async () => {
    const agent = await t.login('agent');
    const res = await firstOutcome(t.app.url, agent, FORECAST, { c: 'BAD!' });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('still delivers the events of a valid channel', async () => {
    const event = {
      forecastId: 'f-1',
      channel: 'calls',
      modelId: 'm',
      modelKind: 'SEASONAL_NAIVE',
      start: new Date('2026-03-02T00:00:00Z'),
      intervalMinutes: 60,
      dailyTotals: [],
    };
    let timer: NodeJS.Timeout | undefined;
    // published until the subscription, once registered, receives one
    const res = await firstOutcome(t.app.url, partner, FORECAST, { c: 'calls' }, () => {
      timer = setInterval(() => t.services.events.publish(TOPIC.FORECAST_UPDATED, 'calls', event), 20);
    }).finally(() => clearInterval(timer));
    expect(res).toEqual({ data: { forecastUpdated: { forecastId: 'f-1' } } });
  });
});
