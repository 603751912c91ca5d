import type { GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import type { EventBus } from './pubsub';
import { topicIdArg, type Topics } from './topics';

/** Topics subscribed with an id (channel, job id, week): every topic but PING. */
export type KeyedTopic = {
  [K in keyof Topics]: Topics[K] extends [string, unknown] ? K : never;
}[keyof Topics];

/**
 * Per keyed topic, what its well-formed id must name when a subscription opens: a check that
 * throws (NOT_FOUND naming `field`) when nothing stored has the id, or `'ANY_ID'` when every
 * well-formed id may see events (a week: its roster may be published later).
 */
export type TopicIdChecks = {
  [K in KeyedTopic]: ((id: string, field: string) => Promise<unknown>) | 'ANY_ID';
};

/** What a schema's keyed subscriptions open on: its bus and its topics' id checks. */
export interface TopicSources {
  bus: EventBus;
  ids: TopicIdChecks;
}

const sourcesOf = new WeakMap<GraphQLSchema, TopicSources>();

/** Gives the keyed subscriptions of `schema` (built with `subscribeById`) their bus and checks. */
export function bindTopicSources(schema: GraphQLSchema, sources: TopicSources): void {
  sourcesOf.set(schema, sources);
}

/**
 * type-graphql's `subscribe` option of a keyed subscription, its id read from the argument
 * `name`: `@Subscription({ subscribe: subscribeById(TOPIC.FORECAST_UPDATED, 'channel',
 * assertChannelKey) })`. type-graphql calls it inside its `@Authorized` check, so roles come
 * first. Then the id's form is checked (`topicIdArg`: BAD_USER_INPUT) and the topic's id check
 * awaited: `forecastUpdated(channel: "nope")`, a channel no one created, fails at once with
 * NOT_FOUND like `forecasts(channel: "nope")` (the `topicId` option is synchronous, so it could
 * not ask the store, and the subscription waited silently for ever). Only then does it listen
 * on the bus: a refused subscription leaves nothing subscribed.
 */
export const subscribeById =
  (topic: KeyedTopic, name: string, check?: (value: string, field: string) => void) =>
  async (data: {
    args: Readonly<Record<string, unknown>>;
    info: GraphQLResolveInfo;
  }): Promise<AsyncIterable<unknown>> => {
    const id = topicIdArg(name, check)(data);
    const sources = sourcesOf.get(data.info.schema);
    if (!sources) throw new Error(`${topic}: the schema has no topic sources (bindTopicSources)`);
    const exists = sources.ids[topic];
    if (exists !== 'ANY_ID') await exists(id, name);
    return sources.bus.subscribe(topic, id);
  };
