/**
 * Many subscribers of one topic on the in-memory bus: each is a listener of one event type,
 * and Node warned "Possible EventTarget memory leak detected" at the 11th (partners following
 * one channel's forecasts). They are bounded by the WebSocket quotas instead. (The warning
 * goes to the real process, which Jest's sandbox cannot listen to: the test reads the limit
 * Node checks.)
 */
import { getMaxListeners } from 'node:events';
import { createEventBus, localTarget } from '../../../src/events/pubsub';

describe('in-memory event bus', () => {
  it('sets no listener limit on its target, so Node does not warn of a leak', () => {
    expect(getMaxListeners(new EventTarget())).toBe(10);
    expect(getMaxListeners(localTarget())).toBe(Infinity);
  });

  it('delivers an event to 50 subscribers of one topic', async () => {
    const bus = createEventBus();
    const subscribers = Array.from({ length: 50 }, () => bus.subscribe('FORECAST_UPDATED', 'calls'));
    const firsts = subscribers.map((s) => s.next());
    await new Promise((resolve) => setImmediate(resolve));
    bus.publish('FORECAST_UPDATED', 'calls', { channel: 'calls' } as never);
    const received = await Promise.all(firsts);
    expect(received.map((r) => (r.value as { channel: string }).channel)).toEqual(Array(50).fill('calls'));
    await Promise.all(subscribers.map((s) => s.return?.()));
  });
});
