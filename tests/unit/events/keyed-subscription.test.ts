import { buildSchema, type GraphQLResolveInfo } from 'graphql';
import { assertChannelKey } from '../../../src/forecasting/forecast-inputs.graphql';
import { notFound } from '../../../src/errors';
import { bindTopicSources, subscribeById, type TopicIdChecks } from '../../../src/events/keyed-subscription';
import { TOPIC } from '../../../src/events/topics';
import { ObservedEvents } from '../../helpers/event-barrier';

describe('subscribeById', () => {
  const events = new ObservedEvents();
  const schema = buildSchema('type Query { a: Int }');
  const info = { schema } as GraphQLResolveInfo;
  const asked: string[] = [];
  const ids: TopicIdChecks = {
    FORECAST_UPDATED: async (key, field) => {
      asked.push(key);
      if (key !== 'calls') throw notFound('Channel', key, field);
    },
    ROSTER_JOB_PROGRESS: 'ANY_ID',
    ROSTER_PUBLISHED: 'ANY_ID',
    ROSTER_CONFLICT: 'ANY_ID',
  };
  bindTopicSources(schema, { bus: events.bus, ids });
  const forecasts = subscribeById(TOPIC.FORECAST_UPDATED, 'channel', assertChannelKey);

  it('refuses an id that names nothing stored, without listening on the bus', async () => {
    await expect(forecasts({ args: { channel: 'nope' }, info })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: [{ field: 'channel', message: 'no such channel' }],
    });
    expect(events.listeners(TOPIC.FORECAST_UPDATED, 'nope')).toBe(0);
  });

  it('checks the form before asking the store', async () => {
    asked.length = 0;
    await expect(forecasts({ args: { channel: 'BAD!' }, info })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(forecasts({ args: {}, info })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(asked).toEqual([]);
  });

  it('listens on the id of a known thing, and on any id of an ANY_ID topic', async () => {
    const listening = events.nextListener(TOPIC.FORECAST_UPDATED, 'calls');
    const stream = (await forecasts({ args: { channel: 'calls' }, info }))[Symbol.asyncIterator]();
    const first = stream.next();
    await listening;
    events.bus.publish(TOPIC.FORECAST_UPDATED, 'calls', {
      forecastId: 'f1',
      channel: 'calls',
      modelId: 'm',
      modelKind: 'SEASONAL_NAIVE',
      start: new Date(0),
      intervalMinutes: 60,
      dailyTotals: [],
    });
    expect((await first).value).toMatchObject({ forecastId: 'f1' });
    await stream.return?.();
    expect(events.listeners(TOPIC.FORECAST_UPDATED, 'calls')).toBe(0);

    const jobs = subscribeById(TOPIC.ROSTER_JOB_PROGRESS, 'jobId');
    await expect(jobs({ args: { jobId: 'any' }, info })).resolves.toBeDefined();
  });

  it('fails to open on a schema bound to no sources', async () => {
    const other = { schema: buildSchema('type Query { b: Int }') } as GraphQLResolveInfo;
    await expect(forecasts({ args: { channel: 'calls' }, info: other })).rejects.toThrow(/no topic sources/);
  });
});
