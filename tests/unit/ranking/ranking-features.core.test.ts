import { historyWeek } from '../../../src/ranking/ranker-dataset.core';
import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';
import {
  candidateFeatures,
  FEATURE_NAMES,
  type FeatureName,
  type HistoryShift,
  type WeekHistory,
} from '../../../src/ranking/ranking-features.core';

const templates = [
  {
    id: 'E',
    start: '07:00',
    durationMinutes: 480,
    breakMinutes: 0,
    daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
    skills: ['voice'],
  },
  {
    id: 'L',
    start: '13:30',
    durationMinutes: 480,
    breakMinutes: 0,
    daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
    skills: ['voice'],
  },
];
const person = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  skills: ['voice'],
  hourlyCost: 20,
  minHoursWeek: 8,
  maxHoursWeek: 40,
  maxDaysWeek: 5,
  availability: [],
  ...extra,
});
const problem = parseRosterProblem({
  weekStart: '2025-03-03',
  intervalMinutes: 60,
  staff: [
    person('a', { preferences: { desiredShifts: ['L'], undesiredDays: [5] } }),
    person('lead1', { skills: ['voice', 'lead'] }),
    person('lead2', { skills: ['voice', 'lead'], minHoursWeek: 16, maxHoursWeek: 24 }),
  ],
  shiftTemplates: templates,
  requirements: [{ skill: 'voice', values: new Array(168).fill(0) }],
});

const shift = (staffId: string, day: number, templateId: string): HistoryShift => ({
  staffId,
  day,
  templateId,
  skill: 'voice',
  paidHours: 8,
});

/** 8 weeks, newest first: `a` works E on Monday in weeks 0, 1 and 5; L on Tuesday every week. */
const history: WeekHistory = Array.from({ length: 8 }, (_, w) => [
  ...([0, 1, 5].includes(w) ? [shift('a', 0, 'E')] : []),
  shift('a', 1, 'L'),
  ...(w < 3 ? [shift('lead2', 4, 'E')] : []),
]);

const features = (staffIndex: number, day: number, templateIndex: number, h = history) => {
  const values = candidateFeatures(problem, h, { staffIndex, day, templateIndex, skill: 'voice' });
  return Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, values[i]])) as Record<FeatureName, number>;
};

describe('candidate features', () => {
  const aMonE = features(0, 0, 0);

  it('tplDayShare: weeks with this template on this weekday over the active weeks of 4/12/26', () => {
    expect([aMonE.tplDayShare4, aMonE.tplDayShare12, aMonE.tplDayShare26]).toEqual([0.5, 3 / 8, 3 / 8]);
  });

  it('tplShare: share of the person’s shifts with this template', () => {
    // newest 4 weeks: 6 shifts, 2 of them E; all 8 weeks: 11 shifts, 3 E
    expect(aMonE.tplShare4).toBeCloseTo(2 / 6, 12);
    expect(aMonE.tplShare12).toBeCloseTo(3 / 11, 12);
    expect(aMonE.tplShare26).toBeCloseTo(3 / 11, 12);
  });

  it('dayShare: weeks the person worked this weekday', () => {
    const tue = features(0, 1, 1);
    expect([tue.dayShare4, tue.dayShare12, tue.dayShare26]).toEqual([1, 1, 1]);
    expect(features(0, 2, 1).dayShare12).toBe(0);
  });

  it('skillShare12: share of shifts with the candidate skill', () => {
    expect(aMonE.skillShare12).toBe(1);
  });

  it('lastWeekSameStart and lastWeekSameDayOff', () => {
    expect(aMonE.lastWeekSameStart).toBe(1);
    expect(aMonE.lastWeekSameDayOff).toBe(0);
    const wed = features(0, 2, 0);
    expect(wed.lastWeekSameDayOff).toBe(1);
    const shorter = features(0, 0, 0, history.slice(2));
    expect(shorter.lastWeekSameStart).toBe(0);
  });

  it('contract and last week’s hours', () => {
    expect([aMonE.contractMaxHours, aMonE.contractMinHours, aMonE.lastWeekHours]).toEqual([40, 8, 16]);
    expect(features(2, 0, 0).lastWeekHours).toBe(8);
  });

  it('lastWeekHours counts paid hours as the roster does: unpaid break rules are left out', () => {
    // 8 h shifts: E with an unpaid 30-minute break rule (counted 8 h before: rules were
    // ignored), L with a paid one, M with a legacy 45-minute breakMinutes
    const withBreaks = parseRosterProblem({
      ...problem,
      shiftTemplates: [
        {
          ...templates[0],
          breaks: [{ durationMinutes: 30, paid: false, earliestStartMinutes: 180, latestStartMinutes: 300 }],
        },
        {
          ...templates[1],
          breaks: [{ durationMinutes: 15, paid: true, earliestStartMinutes: 120, latestStartMinutes: 240 }],
        },
        { ...templates[0], id: 'M', breakMinutes: 45 },
      ],
    });
    const shifts = ['E', 'L', 'M'].map((shiftTemplateId, day) => ({
      staffId: 'a',
      date: `2025-03-0${3 + day}`,
      shiftTemplateId,
      skill: 'voice',
    }));
    expect(historyWeek(withBreaks, shifts).map((s) => s.paidHours)).toEqual([7.5, 8, 7.25]);
  });

  it('tenureWeeks: weeks since the first shift in the window; 0 for someone never rostered', () => {
    expect(aMonE.tenureWeeks).toBe(8);
    expect(features(2, 0, 0).tenureWeeks).toBe(3);
    expect(features(1, 0, 0).tenureWeeks).toBe(0);
  });

  it('stated preferences: misses (undesired day, not desired template) and desired hits', () => {
    expect([aMonE.prefMisses, aMonE.prefDesired]).toEqual([1, 0]);
    const friL = features(0, 4, 1);
    expect([friL.prefMisses, friL.prefDesired]).toEqual([1, 1]);
    expect(features(0, 1, 1).prefMisses).toBe(0);
  });

  it('team-lead pairing: share of weeks the other lead worked the same day and template', () => {
    const lead1FriE = features(1, 4, 0);
    expect(lead1FriE.teamLead).toBe(1);
    expect(lead1FriE.otherLeadSameShare12).toBe(1);
    expect(features(1, 3, 0).otherLeadSameShare12).toBe(0);
    expect(aMonE.teamLead).toBe(0);
    expect(aMonE.otherLeadSameShare12).toBe(0);
  });

  it('weekday, weekend and the start hour', () => {
    expect([aMonE.weekday, aMonE.weekend, aMonE.startHour]).toEqual([0, 0, 7]);
    const sunL = features(0, 6, 1);
    expect([sunL.weekday, sunL.weekend, sunL.startHour]).toEqual([6, 1, 13.5]);
  });

  it('no history gives zero shares, not NaN', () => {
    expect(features(0, 0, 0, []).tplDayShare26).toBe(0);
    expect(
      candidateFeatures(problem, [], { staffIndex: 0, day: 0, templateIndex: 0, skill: 'voice' }).every(
        Number.isFinite,
      ),
    ).toBe(true);
  });
});
