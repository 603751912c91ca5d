import type { ChannelDoc } from '../../../src/channels/channel.doc';
import { CHANNELS } from '../../../src/channels/channel.doc';
import type { Viewer } from '../../../src/auth/request-context';
import { TOPIC, type RosterJobProgressEvent } from '../../../src/events/topics';
import { MODELS } from '../../../src/forecasting/forecast.doc';
import { AppError, badInput } from '../../../src/errors';
import {
  PlanWeekService,
  type ForecastProvider,
  type PlanWeekFeatures,
} from '../../../src/rostering/plan-week.service';
import { RosterProblemSource } from '../../../src/rostering/roster-problem-source';
import { RosterJobService } from '../../../src/rostering/roster-job.service';
import type { RequirementProvider } from '../../../src/rostering/roster-job.service';
import { AVAILABILITY, STAFF, type AvailabilityDoc, type StaffDoc } from '../../../src/staff/staff.doc';
import { createInProcessApp, type GqlApp } from '../../helpers/in-process-app';
import { availabilityDoc, REQUIREMENT, seedRosterSite, staffDoc, WEEK } from './roster.seed';

const channel = (key: string): ChannelDoc =>
  ({ _id: `ch-${key}`, key, active: true }) as unknown as ChannelDoc;

/** Records every roster-job progress event published (no subscription race). */
function recordProgress(t: GqlApp): RosterJobProgressEvent[] {
  const events: RosterJobProgressEvent[] = [];
  const publish = t.services.events.publish.bind(t.services.events);
  jest.spyOn(t.services.events, 'publish').mockImplementation(((topic: string, ...rest: unknown[]) => {
    if (topic === TOPIC.ROSTER_JOB_PROGRESS) events.push(rest[1] as RosterJobProgressEvent);
    return (publish as (...a: unknown[]) => void)(topic, ...rest);
  }) as typeof publish);
  return events;
}

describe('planWeek', () => {
  let t: GqlApp;
  let viewer: Viewer;
  const calls: string[] = [];

  beforeAll(async () => {
    t = await createInProcessApp({ seed: seedRosterSite });
    await t.services.store.collection<ChannelDoc>(CHANNELS).insertMany([channel('calls'), channel('emails')]);
    await t.services.store
      .collection<{ _id: string; channel: string; status: string }>(MODELS)
      .insertOne({ _id: 'm-calls', channel: 'calls', status: 'ACTIVE' });
    const manager = await t.services.users.findByUsername('manager');
    viewer = { userId: manager!._id, username: 'manager', roles: manager!.roles, staffId: null };
  });
  afterAll(() => t.close());

  /** The real channels, active models and job service; forecasting runs and staffing recorded. */
  const planner = (
    forecasting: Partial<ForecastProvider> = {},
    channels: PlanWeekFeatures['channels'] = t.services.channels,
  ) => {
    const staffing: RequirementProvider = {
      requirementForWeek: async (week, basis) => {
        calls.push(`staffing ${week} ${basis}`);
        return REQUIREMENT;
      },
    };
    return new PlanWeekService(
      t.services.rosterJobs,
      new RosterProblemSource(t.services),
      {
        channels,
        forecasting: {
          hasActiveModel: (ch) => t.services.forecasting.hasActiveModel(ch),
          trainModel: async (ch, kind) => void calls.push(`train ${ch} ${kind}`),
          runForecast: async (ch, start, days) =>
            void calls.push(`forecast ${ch} ${start.toISOString()} ${days}`),
          ...forecasting,
        },
        staffing,
      },
      'Europe/London',
    );
  };

  it('forecasts each active channel (training where no model is active), plans staffing, solves: one job', async () => {
    const all = recordProgress(t);
    const job = await planner().planWeek(WEEK, { timeLimitSeconds: 5, basis: 'HI80' }, viewer);
    expect(job).toMatchObject({ kind: 'PLAN_WEEK', state: 'QUEUED', week: WEEK });
    const final = await t.services.rosterJobs.settled(job._id);
    expect(final.state).toBe('SUCCEEDED');
    const events = all.filter((e) => e.jobId === job._id);
    expect(events[events.length - 1]).toMatchObject({ state: 'SUCCEEDED', rosterId: final.rosterId });
    expect(calls).toEqual([
      'forecast calls 2025-03-03T00:00:00.000Z 7',
      'train emails AUTO',
      'forecast emails 2025-03-03T00:00:00.000Z 7',
      `staffing ${WEEK} HI80`,
    ]);
    const phases = [...new Set(events.map((e) => e.phase))];
    expect(phases).toEqual(['forecast', 'staffing', 'prepare', 'solve', 'store', 'done']);
    expect(events.find((e) => e.message === 'training a model for emails')).toBeDefined();
    const roster = await t.services.rosters.require(final.rosterId!);
    expect(roster).toMatchObject({ week: WEEK, status: 'DRAFT', jobId: job._id });
    expect(roster.assignments).toHaveLength(5);
  });

  it('rosters nobody on a day the calendar closes the site, and says so on the job', async () => {
    await t.services.holidays.set({ date: '2025-03-05', name: 'Closure', effect: 'CLOSED' }, null);
    try {
      const job = await planner().planWeek(WEEK, { timeLimitSeconds: 5 }, viewer);
      const final = await t.services.rosterJobs.settled(job._id);
      expect(final.state).toBe('SUCCEEDED');
      expect(final.notes).toContain('site closed on 2025-03-05: nobody is rostered on those days');
      const roster = await t.services.rosters.require(final.rosterId!);
      expect(roster.assignments.map((a) => a.date).sort()).toEqual([
        '2025-03-03',
        '2025-03-04',
        '2025-03-06',
        '2025-03-07',
      ]);
    } finally {
      await t.services.holidays.remove('2025-03-05');
    }
  });

  it('a failing step fails the job with its message, in its phase', async () => {
    const failing = planner({
      runForecast: async () => {
        throw new AppError('FAILED_PRECONDITION', 'volumes missing');
      },
    });
    const job = await failing.planWeek(WEEK, { timeLimitSeconds: 5 }, viewer);
    const final = await t.services.rosterJobs.settled(job._id);
    expect(final).toMatchObject({
      state: 'FAILED',
      phase: 'forecast',
      error: 'volumes missing',
      rosterId: null,
    });
  });

  it('a site without an active channel fails the job before forecasting anything', async () => {
    calls.length = 0;
    const job = await planner({}, { listActive: async () => [] }).planWeek(WEEK, {}, viewer);
    const final = await t.services.rosterJobs.settled(job._id);
    expect(final).toMatchObject({
      state: 'FAILED',
      phase: 'forecast',
      error: 'There is no active channel to plan',
    });
    expect(calls).toEqual([]);
  });
});

describe('roster job failures', () => {
  let t: GqlApp;
  let viewer: Viewer;

  beforeAll(async () => {
    t = await createInProcessApp({
      seed: async (s) => {
        await seedRosterSite(s);
        // 40 h minimum but available on Monday only: the week cannot be rostered
        await s.store.collection<StaffDoc>(STAFF).insertOne(
          staffDoc('st-m', 'Min', 9, {
            contract: { minHoursWeek: 40, maxHoursWeek: 40, maxDaysWeek: 5, maxConsecutiveDays: 5 },
          }),
        );
        const monday = availabilityDoc('st-m');
        monday.weekly = monday.weekly.filter((w) => w.dayOfWeek === 1);
        await s.store.collection<AvailabilityDoc>(AVAILABILITY).insertOne(monday);
      },
    });
    const manager = await t.services.users.findByUsername('manager');
    viewer = { userId: manager!._id, username: 'manager', roles: manager!.roles, staffId: null };
  });
  afterAll(() => t.close());

  it('an infeasible week fails the job with a diagnosis and stores no roster', async () => {
    const job = await t.services.rosterJobs.generate(
      WEEK,
      { timeLimitSeconds: 5, relativeGap: 0, requirement: REQUIREMENT },
      viewer,
    );
    const final = await t.services.rosterJobs.settled(job._id);
    expect(final.state).toBe('FAILED');
    expect(final.rosterId).toBeNull();
    expect(final).toMatchObject({ error: 'Minimum hours cannot be met', phase: 'solve' });
    // Early or Late (8 h, no break) on Monday, the one day of the pattern
    expect(final.diagnosis!.staff).toEqual([
      {
        staffId: 'st-m',
        code: 'MIN_HOURS_ABOVE_SHIFTS',
        minHoursWeek: 40,
        reachableHours: 8,
        reason:
          'Min (st-m): minimum 40 h this week exceeds the 8 h they can work (shifts fit Mon 8 h; at most 5 days, 40 h)',
      },
    ]);
    expect(await t.services.rosters.list(WEEK, viewer)).toEqual([]);
  });

  it('without a passed requirement the staffing plan is used; its failure fails the job in prepare', async () => {
    const s = t.services;
    const jobs = new RosterJobService(
      s.store,
      s.events,
      s.workers,
      s.rosters,
      new RosterProblemSource(s),
      {
        requirementForWeek: async (week: string) => {
          throw badInput(`no forecast covers the week of ${week}`);
        },
      },
      s.logger,
    );
    const job = await jobs.generate(WEEK, { timeLimitSeconds: 5 }, viewer);
    const final = await jobs.settled(job._id);
    expect(final).toMatchObject({
      state: 'FAILED',
      phase: 'prepare',
      error: `no forecast covers the week of ${WEEK}`,
      rosterId: null,
    });
    expect(final.finishedAt).toEqual(expect.any(Date));
  });
});
