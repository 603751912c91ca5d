/** A small rostering site for the lifecycle tests: 3 people, 2 templates, one skill, 60-minute intervals. */
import type { Services } from '../../../src/server/services';
import {
  AVAILABILITY,
  SHIFT_TEMPLATES,
  STAFF,
  type AvailabilityDoc,
  type ShiftTemplateDoc,
  type StaffDoc,
} from '../../../src/staff/staff.doc';
import { CHANNELS, type ChannelDoc } from '../../../src/channels/channel.doc';
import { channel } from '../staffing/fixtures';

/** Monday. */
export const WEEK = '2025-03-03';
export const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

export function staffDoc(
  id: string,
  name: string,
  hourlyCost: number,
  extra: Partial<StaffDoc> = {},
): StaffDoc {
  const now = new Date('2025-01-01T00:00:00Z');
  return {
    _id: id,
    employeeNo: `E-${id}`,
    name,
    skills: ['calls'],
    contract: { minHoursWeek: 0, maxHoursWeek: 40, maxDaysWeek: 5, maxConsecutiveDays: 5 },
    hourlyCost,
    active: true,
    preferences: { desiredDays: [], undesiredDays: [], desiredShifts: [], undesiredShifts: [] },
    createdAt: now,
    updatedAt: now,
    ...extra,
  };
}

export function availabilityDoc(
  staffId: string,
  from = '06:00',
  to = '22:00',
  exceptions: AvailabilityDoc['exceptions'] = [],
): AvailabilityDoc {
  return {
    _id: staffId,
    staffId,
    weekly: EVERY_DAY.map((dayOfWeek) => ({ dayOfWeek, from, to })),
    exceptions,
    updatedAt: new Date('2025-01-01T00:00:00Z'),
    updatedBy: null,
  };
}

export const TEMPLATES: ShiftTemplateDoc[] = [
  {
    _id: 'tpl-early',
    name: 'Early',
    start: '06:00',
    durationMinutes: 480,
    breakMinutes: 0,
    daysOfWeek: EVERY_DAY,
    skills: ['calls'],
    active: true,
  },
  {
    _id: 'tpl-late',
    name: 'Late',
    start: '14:00',
    durationMinutes: 480,
    breakMinutes: 0,
    daysOfWeek: EVERY_DAY,
    skills: ['calls'],
    active: true,
  },
];

/** Hourly values: `n` agents on day `day` (0 = Monday) from hour `from` to hour `to`. */
export function demand(blocks: { day: number; from: number; to: number; n: number }[]): number[] {
  const values = new Array<number>(7 * 24).fill(0);
  for (const b of blocks) for (let h = b.from; h < b.to; h++) values[b.day * 24 + h] = b.n;
  return values;
}

/**
 * One agent Monday–Friday 08:00–12:00 (the early shift covers it), plus Monday 03:00–04:00,
 * which no template covers: the roster always shows under-cover there.
 */
export const REQUIREMENT = {
  intervalMinutes: 60,
  requirements: [
    {
      skill: 'calls',
      values: demand([
        ...[0, 1, 2, 3, 4].map((day) => ({ day, from: 8, to: 12, n: 1 })),
        { day: 0, from: 3, to: 4, n: 1 },
      ]),
    },
  ],
};

/**
 * An inactive channel requiring `calls`: it puts the skill in the catalogue (a passed
 * requirement may name only known skills) without taking part in any plan.
 */
export const CALLS_SKILL_CHANNEL = channel({
  key: 'roster-site-calls',
  requiredSkill: 'calls',
  active: false,
});

export async function seedRosterSite(services: Services): Promise<void> {
  await services.store.collection<ChannelDoc>(CHANNELS).insertOne(CALLS_SKILL_CHANNEL);
  await services.store
    .collection<StaffDoc>(STAFF)
    .insertMany([staffDoc('st-a', 'Ada', 10), staffDoc('st-b', 'Bob', 12), staffDoc('st-c', 'Cy', 14)]);
  await services.store
    .collection<AvailabilityDoc>(AVAILABILITY)
    .insertMany([availabilityDoc('st-a'), availabilityDoc('st-b'), availabilityDoc('st-c')]);
  await services.store.collection<ShiftTemplateDoc>(SHIFT_TEMPLATES).insertMany(TEMPLATES);
}

/** GraphQL variables of generateRoster with the requirement passed in. */
export const generateVariables = (week = WEEK, timeLimitSeconds = 5) => ({
  week,
  options: { timeLimitSeconds, relativeGap: 0, ...REQUIREMENT },
});

export const GENERATE = /* GraphQL */ `
  mutation ($week: String!, $options: RosterOptionsInput) {
    generateRoster(week: $week, options: $options) {
      id
      state
      week
    }
  }
`;
