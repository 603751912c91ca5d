import { AppError } from '../../../src/errors';
import { deferredWorkload } from '../../../src/staffing/deferred-workload.core';
import { erlangAMetrics } from '../../../src/staffing/erlang-a.core';
import { erlangB, erlangCMetrics } from '../../../src/staffing/erlang-c.core';
import {
  requiredAgents,
  scheduledFromRaw,
  trafficFromVolume,
} from '../../../src/staffing/required-agents.core';
import { sumBySkill } from '../../../src/staffing/skill-requirement.core';
import {
  channelStaffing,
  staffHoursToFte,
  type StaffingChannel,
} from '../../../src/staffing/staffing-plan.core';
import { compareScenario } from '../../../src/staffing/staffing-scenario.core';

const queue = { trafficErlangs: 10, agents: 14, ahtSeconds: 180, answerSeconds: 20 };
const required = { trafficErlangs: 10, ahtSeconds: 180, serviceLevel: { target: 0.8, answerSeconds: 20 } };
const channel: StaffingChannel = {
  key: 'phone',
  kind: 'LIVE',
  intervalMinutes: 30,
  ahtSeconds: 180,
  serviceLevel: { target: 0.8, answerSeconds: 20 },
  maxOccupancy: 0.85,
  shrinkage: 0.3,
  open: [true, true],
};
const deferred = {
  volumes: [1, 2],
  open: [true, true],
  ahtSeconds: 300,
  intervalMinutes: 30,
  responseHours: 4,
  maxOccupancy: 0.9,
  shrinkage: 0.2,
};

const cases: [string, () => unknown][] = [
  [
    'trafficErlangs must be a finite number >= 0, got -1',
    () => erlangCMetrics({ ...queue, trafficErlangs: -1 }),
  ],
  [
    'trafficErlangs must be a finite number >= 0, got Infinity',
    () => requiredAgents({ ...required, trafficErlangs: Infinity }),
  ],
  ['trafficErlangs must be a finite number >= 0, got NaN', () => erlangB(NaN, 3)],
  ['agents must be an integer >= 0, got 2.5', () => erlangCMetrics({ ...queue, agents: 2.5 })],
  [
    'agents must be an integer >= 0, got -1',
    () => erlangAMetrics({ ...queue, agents: -1, patienceSeconds: 60 }),
  ],
  ['lines must be an integer >= 0, got 1.5', () => erlangB(1, 1.5)],
  ['ahtSeconds must be a finite number > 0, got 0', () => erlangCMetrics({ ...queue, ahtSeconds: 0 })],
  [
    'answerSeconds must be a finite number >= 0, got -5',
    () => erlangCMetrics({ ...queue, answerSeconds: -5 }),
  ],
  [
    'patienceSeconds must be a finite number > 0, got 0',
    () => erlangAMetrics({ ...queue, patienceSeconds: 0 }),
  ],
  [
    'targetServiceLevel must be in (0, 1), got 1',
    () => requiredAgents({ ...required, serviceLevel: { target: 1, answerSeconds: 20 } }),
  ],
  [
    'targetServiceLevel must be in (0, 1), got 0',
    () => channelStaffing({ ...channel, serviceLevel: { target: 0, answerSeconds: 20 } }, [1, 1]),
  ],
  ['maxOccupancy must be in [0.05, 1], got 1.2', () => requiredAgents({ ...required, maxOccupancy: 1.2 })],
  ['maxOccupancy must be in [0.05, 1], got 0', () => deferredWorkload({ ...deferred, maxOccupancy: 0 })],
  ['shrinkage must be in [0, 1), got 1.2', () => requiredAgents({ ...required, shrinkage: 1.2 })],
  ['shrinkage must be in [0, 1), got 1', () => scheduledFromRaw(10, 1)],
  [
    'targetAsaSeconds must be a finite number > 0, got 0',
    () => requiredAgents({ ...required, targetAsaSeconds: 0 }),
  ],
  [
    'intervalMinutes must be a finite number > 0, got 0',
    () => channelStaffing({ ...channel, intervalMinutes: 0 }, [1, 1]),
  ],
  ['intervalSeconds must be a finite number > 0, got -1', () => trafficFromVolume(10, 180, -1)],
  ['volume must be a finite number >= 0, got -1', () => trafficFromVolume(-1, 180, 1800)],
  [
    'responseHours must be a finite number > 0, got 0',
    () => deferredWorkload({ ...deferred, responseHours: 0 }),
  ],
  [
    'responseHours is required for a DEFERRED channel',
    () => channelStaffing({ ...channel, kind: 'DEFERRED' }, [1, 1]),
  ],
  ['volumes[1] must be a finite number >= 0, got -3', () => channelStaffing(channel, [1, -3])],
  ['open must have one entry per interval (3), got 2', () => channelStaffing(channel, [1, 2, 3])],
  [
    'volumeMultiplier must be a finite number >= 0, got -1',
    () => compareScenario(channel, [1, 1], { volumeMultiplier: -1 }),
  ],
  ['shrinkage must be in [0, 1), got 1.5', () => compareScenario(channel, [1, 1], { shrinkage: 1.5 })],
  [
    'intervalsPerDay must be an integer >= 0, got 2.5',
    () => channelStaffing(channel, [1, 1], { intervalsPerDay: 2.5 }),
  ],
  [
    'intervalsPerDay must be a finite number > 0, got 0',
    () => channelStaffing(channel, [1, 1], { intervalsPerDay: 0 }),
  ],
  [
    'fullTimeHoursPerWeek must be a finite number > 0, got 0',
    () => channelStaffing(channel, [1, 1], { fullTimeHoursPerWeek: 0 }),
  ],
  ['staffHours must be a finite number >= 0, got -1', () => staffHoursToFte(-1)],
  ['weeks must be a finite number > 0, got 0', () => staffHoursToFte(10, 37.5, 0)],
  [
    'plans for skill en must have the same number of intervals, got 2 and 1',
    () =>
      sumBySkill([
        { skill: 'en', rows: [{ scheduledAgents: 1 }, { scheduledAgents: 1 }] },
        { skill: 'en', rows: [{ scheduledAgents: 1 }] },
      ]),
  ],
];

describe('argument validation', () => {
  it.each(cases)('%s', (message, call) => {
    let thrown: unknown;
    try {
      call();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: 'BAD_USER_INPUT', message });
  });
});
