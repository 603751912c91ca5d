import { createPubSub, type PubSub as YogaPubSub } from '@graphql-yoga/subscription';
import type { Topics } from './topics';

/**
 * The process's event bus. In-memory by default; `createPubSub({ eventTarget })` takes a
 * Redis-backed EventTarget (`@graphql-yoga/redis-event-target`) for several processes.
 */
export type EventBus = YogaPubSub<Topics>;

export const createEventBus = (): EventBus => createPubSub<Topics>();
