import { setMaxListeners } from 'node:events';
import { createPubSub, type PubSub as YogaPubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { Redis } from 'ioredis';
import type { Topics } from './topics';

/**
 * The process's event bus. In-memory by default (one process); with Redis clients every API
 * process delivers every event (`@graphql-yoga/redis-event-target`).
 */
export type EventBus = YogaPubSub<Topics>;

export interface RedisBusClients {
  publish: Redis;
  subscribe: Redis;
  /** Topic prefix, so several deployments can share one Redis. */
  prefix: string;
  /** A publish that failed (Redis down too long); the event is dropped, the caller is not. */
  onPublishError(err: unknown): void;
}

/** JSON that keeps Dates: they travel as `{ "$date": iso }`. */
export const eventSerializer = {
  stringify: (value: unknown): string =>
    JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
      const raw = this[key];
      return raw instanceof Date ? { $date: raw.toISOString() } : v;
    }),
  parse: (text: string): unknown =>
    JSON.parse(text, (_key, v: unknown) =>
      v && typeof v === 'object' && typeof (v as { $date?: unknown }).$date === 'string'
        ? new Date((v as { $date: string }).$date)
        : v,
    ),
};

/**
 * The in-memory bus's target. Every subscriber to a topic is one listener, so Node's leak
 * heuristic warned ("Possible EventTarget memory leak detected") at the 11th partner
 * following one channel's forecasts. Subscribers are bounded by the WebSocket quotas
 * (`ws-quotas.ts`), not by a count per topic.
 */
export function localTarget(): EventTarget {
  const target = new EventTarget();
  setMaxListeners(Infinity, target); // 0 means the same, but Node 20's getMaxListeners then throws
  return target;
}

export function createEventBus(redis?: RedisBusClients): EventBus {
  if (!redis) return createPubSub<Topics>({ eventTarget: localTarget() });
  // the event target does not await its Redis calls: catch them here so an outage never
  // becomes an unhandled rejection; ioredis resubscribes by itself when Redis returns.
  // Channels carry the prefix on Redis and lose it on the way back.
  const prefix = `${redis.prefix}:events:`;
  const publishClient = {
    publish: (channel: string, message: string) =>
      redis.publish.publish(prefix + channel, message).catch((err: unknown) => {
        redis.onPublishError(err);
        return 0;
      }),
  } as unknown as Redis;
  const subscribeClient = new Proxy(redis.subscribe, {
    get(target, prop, receiver) {
      if (prop === 'subscribe' || prop === 'unsubscribe')
        return (channel: string) =>
          target[prop](prefix + channel).catch((err: unknown) => {
            redis.onPublishError(err);
            return 0;
          });
      if (prop === 'on')
        return (event: string, listener: (channel: string, message: string) => void) =>
          target.on(event, (channel: string, message: string) => {
            if (event !== 'message') return listener(channel, message);
            if (channel.startsWith(prefix)) listener(channel.slice(prefix.length), message);
          });
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return createPubSub<Topics>({
    eventTarget: createRedisEventTarget({ publishClient, subscribeClient, serializer: eventSerializer }),
  });
}
