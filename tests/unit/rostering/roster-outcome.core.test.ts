/**
 * rosterOutcome pinned against a hand-computed case: two 30-minute intervals (08:00 and
 * 08:30 on Monday 2025-03-03), two skills. The LIVE figures are the published Erlang C and
 * Erlang A values of tests/fixtures/reference/erlang.json (100 calls / 30 min, AHT 180 s,
 * 80 % in 20 s); the DEFERRED figures follow the fluid backlog by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  outcomeRows,
  rosterOutcome,
  type OutcomeChannel,
  type OutcomeInput,
  type OutcomeInterval,
  type QueueEvaluate,
} from '../../../src/rostering/roster-outcome.core';
import { toGrid } from '../../../src/rostering/outcome-grid.core';
import { weekFrame } from '../../../src/staffing/week-slots';
import { fluidBacklog } from '../../../src/rostering/fluid-backlog.core';
import { erlangCalculator } from '../../../src/staffing/erlang-calculator';
import { deadlineSlot } from '../../../src/staffing/workload-flow.core';

const reference = JSON.parse(
  readFileSync(join(__dirname, '../../fixtures/reference/erlang.json'), 'utf8'),
) as {
  erlangC: { byAgents: { agents: number; serviceLevel: number; asaSeconds: number }[] }[];
  erlangA: { byAgents: { agents: number; abandonProbability: number; asaMinutes: number }[] }[];
};
const erlangC = (agents: number) => reference.erlangC[0].byAgents.find((r) => r.agents === agents)!;
const erlangA = (agents: number) => reference.erlangA[0].byAgents.find((r) => r.agents === agents)!;

/** The staffing feature's calculator, exactly as RosterOutcomeService uses it. */
const evaluate: QueueEvaluate = (q) => erlangCalculator(q).atAgents!;

const WEEK = '2025-03-03';
const N = 7 * 48;
const at = (pairs: Record<number, number>): (number | null)[] => {
  const out = new Array<number | null>(N).fill(null);
  for (const [i, v] of Object.entries(pairs)) out[Number(i)] = v;
  return out;
};
const agents = (pairs: Record<number, number>): number[] => at(pairs).map((v) => v ?? 0);

const calls: OutcomeChannel = {
  key: 'calls',
  kind: 'LIVE',
  skill: 'phone',
  ahtSeconds: 180,
  serviceLevelTarget: 0.8,
  answerSeconds: 20,
  patienceSeconds: null,
  maxOccupancy: 1,
  shrinkage: 0.3,
  responseHours: null,
};
const email: OutcomeChannel = {
  key: 'email',
  kind: 'DEFERRED',
  skill: 'mail',
  ahtSeconds: 600,
  serviceLevelTarget: 0.8,
  answerSeconds: 20,
  patienceSeconds: null,
  maxOccupancy: 1,
  shrinkage: 0,
  responseHours: 0.5,
};

const input = (live = calls): OutcomeInput => ({
  weekStart: WEEK,
  intervalMinutes: 30,
  days: [WEEK],
  channels: [live, email],
  arrivals: { calls: at({ 16: 100, 17: 100 }), email: at({ 16: 6, 17: 2 }) },
  // 20 and 19 on shift net of breaks; 30 % shrinkage leaves 14 and 13.3 (13 whole agents)
  rostered: { phone: agents({ 16: 20, 17: 19 }), mail: agents({ 16: 1, 17: 2 }) },
  labourCost: { [WEEK]: 1234.5 },
});

describe('rosterOutcome (plan versus actual)', () => {
  const result = rosterOutcome(input(), evaluate);
  const row = (start: string, skill: string) =>
    result.intervals.find((r) => r.start === start && r.skill === skill)!;

  it('reports only the intervals with actuals, per interval and skill', () => {
    expect(result.intervals.map((r) => `${r.start} ${r.skill}`)).toEqual([
      '2025-03-03T08:00:00 mail',
      '2025-03-03T08:00:00 phone',
      '2025-03-03T08:30:00 mail',
      '2025-03-03T08:30:00 phone',
    ]);
  });

  it('LIVE: Erlang C at the rostered agents after shrinkage, with the published values', () => {
    const first = row('2025-03-03T08:00:00', 'phone');
    expect(first).toMatchObject({ arrivals: 100, rosteredAgents: 20, productiveAgents: 14, metTarget: true });
    expect(first.serviceLevel).toBeCloseTo(erlangC(14).serviceLevel, 5);
    expect(first.asaSeconds).toBeCloseTo(erlangC(14).asaSeconds, 2);
    expect(first.abandonRate).toBeNull();
    const second = row('2025-03-03T08:30:00', 'phone');
    expect(second).toMatchObject({ rosteredAgents: 19, productiveAgents: 13.3, metTarget: false });
    expect(second.serviceLevel).toBeCloseTo(erlangC(13).serviceLevel, 5);
    expect(second.asaSeconds).toBeCloseTo(erlangC(13).asaSeconds, 2);
  });

  it('LIVE with a patience: Erlang A abandonment and ASA', () => {
    const a = rosterOutcome(input({ ...calls, patienceSeconds: 300 }), evaluate);
    const first = a.intervals.find((r) => r.start === '2025-03-03T08:00:00' && r.skill === 'phone')!;
    expect(first.abandonRate).toBeCloseTo(erlangA(14).abandonProbability, 5);
    expect(first.asaSeconds).toBeCloseTo(erlangA(14).asaMinutes * 60, 2);
    const second = a.intervals.find((r) => r.start === '2025-03-03T08:30:00' && r.skill === 'phone')!;
    expect(second.abandonRate).toBeCloseTo(erlangA(13).abandonProbability, 5);
  });

  it('DEFERRED: the fluid backlog by hand', () => {
    // 08:00: 6 e-mails × 600 s = 3600 s due by 08:30; 1 agent does 1800 s → 3 items miss, 3 open
    expect(row('2025-03-03T08:00:00', 'mail')).toMatchObject({
      arrivals: 6,
      backlog: 3,
      deadlineMisses: 3,
      metTarget: false,
      serviceLevel: null,
    });
    // 08:30: 2 more (1200 s); 2 agents do 3600 s: the late 1800 s first, then all 1200 s
    expect(row('2025-03-03T08:30:00', 'mail')).toMatchObject({
      arrivals: 2,
      backlog: 0,
      deadlineMisses: 0,
      metTarget: true,
    });
  });

  it('per day and for the week: totals, labour cost, share of intervals meeting the target', () => {
    const sl = (erlangC(14).serviceLevel * 100 + erlangC(13).serviceLevel * 100) / 200;
    expect(result.days).toHaveLength(1);
    expect(result.days[0]).toMatchObject({
      date: WEEK,
      liveArrivals: 200,
      deferredArrivals: 8,
      deadlineMisses: 3,
      labourCost: 1234.5,
      intervalsCounted: 4,
      intervalsMeetingTarget: 2,
      shareMeetingTarget: 0.5,
      backlogAtEnd: 0,
    });
    expect(result.days[0].serviceLevel).toBeCloseTo(sl, 5);
    expect(result.total).toMatchObject({
      liveArrivals: 200,
      deferredArrivals: 8,
      deadlineMisses: 3,
      labourCost: 1234.5,
      intervalsCounted: 4,
      intervalsMeetingTarget: 2,
      shareMeetingTarget: 0.5,
    });
    expect(result.total.serviceLevel).toBeCloseTo(sl, 5);
  });

  it('maps a channel grid onto the roster grid (split and merge)', () => {
    expect(toGrid([60, null], 720, 360)).toEqual([30, 30, null, null]);
    const quarter = new Array<number | null>(96).fill(null);
    quarter[32] = 1;
    quarter[33] = 2;
    expect(toGrid(quarter, 15, 30)[16]).toBe(3);
  });

  it('places each value at its wall-clock start on clock-change days', () => {
    // 2026-10-25 Europe/London, hourly: 25 values, 01:00 twice; 2026-03-29: 23, no 01:00
    const autumn = [0, 60, 60, ...Array.from({ length: 22 }, (_, h) => (h + 2) * 60)];
    const values = Array.from({ length: 25 }, (_, k) => k + 1);
    const grid = toGrid(values, 60, 60, autumn);
    expect(grid[1]).toBe(2 + 3);
    expect(grid[2]).toBe(4);
    expect(grid[23]).toBe(25);
    expect(grid.reduce<number>((s, v) => s + (v ?? 0), 0)).toBe(325);
    const spring = [0, ...Array.from({ length: 22 }, (_, h) => (h + 2) * 60)];
    const sprung = toGrid(values.slice(0, 23), 60, 30, spring);
    expect(sprung.slice(2, 4)).toEqual([null, null]);
    expect(sprung.slice(4, 6)).toEqual([1, 1]);
    // the passes the outcome weighs each slot by: the week frame's real instants per slot
    const passes = (week: string) =>
      weekFrame(week, 60, 'Europe/London')
        .slots.slice(6 * 24, 6 * 24 + 3)
        .map((x) => x.instants.length);
    expect(passes('2026-10-19')).toEqual([1, 2, 1]);
    expect(passes('2026-03-23')).toEqual([1, 0, 1]);
  });

  it('refuses a channel with shrinkage outside [0, 1) and names it', () => {
    expect(() => rosterOutcome(input({ ...calls, shrinkage: 1 }), evaluate)).toThrow(
      'calls.shrinkage must be in [0, 1), got 1',
    );
  });
});

describe('outcomeRows', () => {
  const row = (skill: string, date: string) => ({ skill, date }) as OutcomeInterval;
  const rows = [row('calls', '2026-11-23'), row('emails', '2026-11-23'), row('calls', '2026-11-24')];

  it('keeps the rows of a skill, a day, both, or all', () => {
    expect(outcomeRows(rows, 'calls', null)).toEqual([rows[0], rows[2]]);
    expect(outcomeRows(rows, undefined, '2026-11-23')).toEqual([rows[0], rows[1]]);
    expect(outcomeRows(rows, 'calls', '2026-11-24')).toEqual([rows[2]]);
    expect(outcomeRows(rows, null, undefined)).toEqual(rows);
  });
});

describe('fluidBacklog', () => {
  it('serves first in, first out and counts work past its deadline once', () => {
    // 2 intervals to the deadline; 100 s arrive at 0, 50 s at 1; capacity 60, 0, 200
    expect(
      fluidBacklog({ workSeconds: [100, 50, 0], capacitySeconds: [60, 0, 200], windowIntervals: 2 }),
    ).toEqual({
      openSeconds: [40, 90, 0],
      missedSeconds: [0, 40, 0],
    });
  });

  it('counts the window in open intervals: work arriving just before closing is due after the next opening', () => {
    // open 2, closed 3, open 2 (e.g. Friday 16–18, the weekend, Monday 08–10); window 2
    const open = [true, true, false, false, false, true, true];
    const work = [0, 100, 0, 0, 0, 0, 0];
    const none = new Array<number>(7).fill(0);
    // no capacity before Monday 08–09: not late yet (wall clock would call it late at slot 2)
    expect(
      fluidBacklog({ workSeconds: work, capacitySeconds: [0, 0, 0, 0, 0, 100, 0], windowIntervals: 2, open }),
    ).toEqual({
      openSeconds: [0, 100, 100, 100, 100, 0, 0],
      missedSeconds: none,
    });
    // nobody on Monday either: due by the end of slot 5, the second open slot from its arrival
    expect(
      fluidBacklog({ workSeconds: work, capacitySeconds: none, windowIntervals: 2, open }).missedSeconds,
    ).toEqual([0, 0, 0, 0, 0, 100, 0]);
  });

  it('uses the staffing plan’s deadline rule (deadlineSlot), work arriving while closed included', () => {
    const open = [false, true, true, false, true, false];
    for (let i = 0; i < open.length; i++) {
      const work = open.map((_, s) => (s === i ? 60 : 0));
      const missed = fluidBacklog({
        workSeconds: work,
        capacitySeconds: open.map(() => 0),
        windowIntervals: 2,
        open,
      }).missedSeconds;
      const due = deadlineSlot(open, i, 2);
      expect(missed.findIndex((m) => m > 0)).toBe(due < open.length ? due : -1);
    }
  });

  it('starts with the carried-in backlog, earliest deadline first', () => {
    // 50 s carried in due at slot 0, 100 s due at slot 1; 30 s arrive at 0 (due at 1)
    expect(
      fluidBacklog({
        workSeconds: [30, 0],
        capacitySeconds: [80, 0],
        windowIntervals: 2,
        carryIn: [
          { workSeconds: 100, dueSlot: 1 },
          { workSeconds: 50, dueSlot: 0 },
        ],
      }),
    ).toEqual({ openSeconds: [100, 100], missedSeconds: [0, 100] });
  });

  it('names an opening of the wrong length', () => {
    expect(() =>
      fluidBacklog({ workSeconds: [1, 2], capacitySeconds: [1, 1], windowIntervals: 1, open: [true] }),
    ).toThrow('open must have one entry per interval (2), got 1');
  });

  it('names a capacity of the wrong length', () => {
    expect(() => fluidBacklog({ workSeconds: [1, 2], capacitySeconds: [1], windowIntervals: 1 })).toThrow(
      'capacitySeconds must have one entry per interval (2), got 1',
    );
  });

  it('names a window below one interval', () => {
    expect(() => fluidBacklog({ workSeconds: [1], capacitySeconds: [1], windowIntervals: 0 })).toThrow(
      'windowIntervals must be an integer ≥ 1, got 0',
    );
  });

  it('names negative work', () => {
    expect(() => fluidBacklog({ workSeconds: [-1], capacitySeconds: [1], windowIntervals: 1 })).toThrow(
      'workSeconds[0] must be ≥ 0, got -1',
    );
  });
});
