import { checkChannel } from '../../../src/channels/channel.validation';
import type { Channel } from '../../../src/channels/channel.types';
import { erlangAMetrics } from '../../../src/staffing/erlang-a.core';
import { erlangCMetrics } from '../../../src/staffing/erlang-c.core';

const calls: Omit<Channel, '_id' | 'createdAt' | 'updatedAt'> = {
  key: 'calls',
  name: 'Calls',
  kind: 'LIVE',
  intervalMinutes: 15,
  ahtSeconds: 300,
  serviceLevel: { target: 0.8, answerSeconds: 20 },
  patienceSeconds: null,
  maxOccupancy: 0.85,
  shrinkage: 0.3,
  responseHours: null,
  requiredSkill: 'calls',
  openingHours: [{ dayOfWeek: 1, from: '08:00', to: '17:00' }],
  active: true,
};

describe('checkChannel: patienceSeconds', () => {
  it('is at most a day, like the handling and answer times and the Erlang calculator', () => {
    // createChannel(patienceSeconds: 1e100) was accepted, and Erlang A loses its precision
    // long before: every staffing plan of the channel was computed from a wrong service level
    const queue = { trafficErlangs: 10, agents: 12, ahtSeconds: 300, answerSeconds: 20 };
    const noAbandonment = erlangCMetrics(queue).serviceLevel;
    const wrong = erlangAMetrics({ ...queue, patienceSeconds: 1e100 }).serviceLevel;
    expect(wrong - noAbandonment).toBeGreaterThan(0.15);

    expect(checkChannel({ ...calls, patienceSeconds: 1e100 })).toEqual([
      { field: 'patienceSeconds', message: 'patienceSeconds must be in (0, 86400] or null, got 1e+100' },
    ]);
    expect(checkChannel({ ...calls, patienceSeconds: 86_401 })).toHaveLength(1);
    expect(checkChannel({ ...calls, patienceSeconds: 0 })).toHaveLength(1);
    expect(checkChannel({ ...calls, patienceSeconds: 86_400 })).toEqual([]);
    expect(checkChannel({ ...calls, patienceSeconds: null })).toEqual([]);
  });
});
