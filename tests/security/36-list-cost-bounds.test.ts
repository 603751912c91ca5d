/**
 * Audit: lists the query cost weighed at an unlisted 20 although a stored roster or a site
 * holds far more, and a channel count with no cap behind the staffing plan's lists. Measured
 * on this in-process test server before the fix (2 cores shared with other jobs):
 *
 * - `Roster.warnings`: the checker's soft issues were stored whole. An empty roster of 64
 *   skills whose requirement alternates short and covered quarter-hours holds 64 × 336 =
 *   21,504 UNDER_COVER warnings; 10 aliases of `warnings { kind message }` passed at cost 420
 *   and answered 17.6 MB in 4.0-4.9 s. A roster now stores the first MAX_ROSTER_WARNINGS
 *   (500) and `warningCount`; the list weighs 500: cost 10,020, 405 KB in 105-370 ms.
 * - `Roster.conflicts`: one per broken assignment and up to a few per person, bounded only by
 *   the roster's size (a roster of 500 people whose records are gone: 2,500). 20 aliases of
 *   whole conflicts passed at cost 4,040 and answered 13.5 MB in 2.5-4.4 s. Repair and the
 *   timetable need them all stored, so the field takes `first` (default 100, at most 500) and
 *   the cost counts it: cost 20,040, 542 KB; `conflictCount` counts them all.
 * - `RosterOutcome.intervals`: one row per slot and (skill, kind) of the active channels, up
 *   to MAX_CHANNELS × 672 a week. 2 aliases on 63 channels with a week of actuals (42,336
 *   rows) passed at cost 124 and answered 5.2 MB in 4.8-6.0 s; now refused at 258,052, and
 *   `skill:` / `date:` narrow it to 2 groups / 96 slots.
 * - Channels: no cap, so a staffing plan's channels, skills and pooled workloads could only be
 *   guessed. A site now holds at most MAX_CHANNELS (64), createChannel and the seed's upsert
 *   refuse more with BAD_USER_INPUT naming `key`, and those lists weigh MAX_CHANNELS: 7
 *   aliases of `staffingPlan { skills { values } }` passed at 94,094, now refused at 301,070.
 */
import type { Viewer } from '../../src/auth/request-context';
import { CHANNELS, type ChannelDoc } from '../../src/channels/channel.doc';
import { MAX_CHANNELS } from '../../src/channels/channel.validation';
import { isAppError } from '../../src/errors';
import { MAX_PAGE_SIZE } from '../../src/common/pagination';
import { intervalsPerWeek } from '../../src/rostering/calendar-util';
import type { RosterProblem } from '../../src/rostering/roster-problem-schema';
import { MAX_REQUIREMENT_SKILLS } from '../../src/rostering/roster-requirement.validation';
import { MAX_ROSTER_WARNINGS } from '../../src/rostering/roster-warnings.core';
import { ROSTERS, type RosterDoc } from '../../src/rostering/roster.doc';
import { LIST_SIZES } from '../../src/server/query-cost';
import { expectOk } from '../helpers/expect-ok';
import { largeProblem, largeRoster, storableResult } from '../helpers/large-roster';
import { codeOf, startTestApp, type GqlResult, type TestApp } from '../helpers/test-app';
import { seedRosterSite, WEEK } from '../integration/rostering/roster.seed';
import { channel } from '../integration/staffing/fixtures';
import { ALL_DAY_CALLS } from './calls-site';
import type { Services } from '../../src/server/services';
import { VOLUMES, volumeId, type VolumeDoc } from '../../src/volumes/volume.doc';

const INTERVALS = intervalsPerWeek(15);
const SKILLS = Array.from({ length: MAX_REQUIREMENT_SKILLS }, (_, i) => `skill_${i + 1}`);
/** Short in every other quarter-hour of an empty roster: one warning per short interval. */
const ALTERNATING = Array.from({ length: INTERVALS }, (_, i) => (i % 2 === 0 ? 1 : 0));
const WARNINGS = SKILLS.length * (INTERVALS / 2);
/** People whose records are not in the store: publishing finds every shift of theirs conflicted. */
const GONE = 500;
const ALIASES = 10;
const CONFLICT_ALIASES = 20;
const LIMIT = 100_000;

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7].map((dayOfWeek) => ({ dayOfWeek, from: '00:00', to: '24:00' }));

/**
 * The roster site filled up to MAX_CHANNELS channels, each LIVE of its own skill, open all
 * day, with the week's Monday of actual volumes: the outcome has a row per quarter-hour and
 * channel of the day.
 */
async function seed(services: Services): Promise<void> {
  await seedRosterSite(services);
  const held = await services.store.collection<ChannelDoc>(CHANNELS).count();
  const wide = Array.from({ length: MAX_CHANNELS - held }, (_, i) =>
    channel({
      key: `wide_${i + 1}`,
      requiredSkill: `wide_${i + 1}`,
      intervalMinutes: 15,
      openingHours: EVERY_DAY,
    }),
  );
  await services.store.collection<ChannelDoc>(CHANNELS).insertMany(wide);
  await services.store.collection<VolumeDoc>(VOLUMES).insertMany(
    wide.map((c) => ({
      _id: volumeId(c.key, WEEK),
      channel: c.key,
      date: WEEK,
      intervalMinutes: 15,
      values: new Array<number>(96).fill(10),
      updatedAt: new Date(),
    })),
  );
}

const viewer: Viewer = { userId: 'test', username: 'test', roles: [], staffId: null };

/** `n` aliases of `roster(id: $id) { <selection> }`. */
const aliases = (n: number, selection: string): string =>
  `query($id: ID!) { ${Array.from({ length: n }, (_, i) => `a${i}: roster(id: $id) { ${selection} }`).join(' ')} }`;

/** A timed call and the size of its answer. */
async function measured<T>(
  call: () => Promise<GqlResult<T>>,
): Promise<{ res: GqlResult<T>; bytes: number; ms: number }> {
  const started = performance.now();
  const res = await call();
  return { res, bytes: JSON.stringify(res).length, ms: Math.round(performance.now() - started) };
}

const costError = (res: GqlResult): [number, string | undefined] => [res.status, codeOf(res)];

describe('audit: list sizes the query cost weighs are the most a roster or a site holds', () => {
  let t: TestApp;
  let manager: string;
  let warned: string;
  let conflicted: string;

  beforeAll(async () => {
    t = await startTestApp({ seed });
    manager = await t.login('manager');
    const base = largeProblem(3, WEEK);
    const problem: RosterProblem = {
      ...base,
      requirements: SKILLS.map((skill) => ({ skill, values: [...ALTERNATING] })),
    };
    warned = (await t.services.rosters.storeDraft(problem, storableResult([]), null, null))._id;
    const crowd = largeProblem(GONE, WEEK);
    const draft = await t.services.rosters.storeDraft(crowd, largeRoster(crowd), null, null);
    conflicted = (await t.services.rosters.publish(draft._id, viewer))._id;
  }, 120_000);
  afterAll(() => t.close());

  describe('Roster.warnings', () => {
    it(`stores the first ${MAX_ROSTER_WARNINGS} of ${WARNINGS} warnings, and their count`, async () => {
      const doc = (await t.services.store.collection<RosterDoc>(ROSTERS).findById(warned))!;
      expect([doc.warnings.length, doc.warningCount]).toEqual([MAX_ROSTER_WARNINGS, WARNINGS]);
      expect(LIST_SIZES['Roster.warnings']).toBe(MAX_ROSTER_WARNINGS);
      expect(LIST_SIZES['UpdateAssignmentResult.warnings']).toBe(MAX_ROSTER_WARNINGS);
    });

    it(`answers ${ALIASES} aliases with what the cost counts`, async () => {
      const { res, bytes } = await measured(() =>
        t.gql<Record<string, { warnings: unknown[]; warningCount: number }>>(
          aliases(ALIASES, 'warningCount warnings { kind message }'),
          { id: warned },
          manager,
        ),
      );
      const data = expectOk(res);
      for (const a of Object.values(data))
        expect([a.warnings.length, a.warningCount]).toEqual([500, WARNINGS]);
      // 10 × 500 warnings of about 70 bytes; all 21,504 of them took 16 MB
      expect(bytes).toBeLessThan(500_000);
    });
  });

  describe('Roster.conflicts', () => {
    it(`holds one conflict per shift of the ${GONE} people gone, and lists ${MAX_PAGE_SIZE} at most`, async () => {
      const res = await t.gql<{ roster: { conflictCount: number; c: unknown[]; all: unknown[] } }>(
        `query($id: ID!) { roster(id: $id) { conflictCount c: conflicts { staffId } all: conflicts(first: ${MAX_PAGE_SIZE}) { staffId } } }`,
        { id: conflicted },
        manager,
      );
      const { roster } = expectOk(res);
      expect([roster.conflictCount, roster.c.length, roster.all.length]).toEqual([
        GONE * 5,
        100,
        MAX_PAGE_SIZE,
      ]);
      const over = await t.gql(
        `query($id: ID!) { roster(id: $id) { conflicts(first: ${MAX_PAGE_SIZE + 1}) { staffId } } }`,
        { id: conflicted },
        manager,
      );
      expect(codeOf(over)).toBe('BAD_USER_INPUT');
    });

    it(`answers ${CONFLICT_ALIASES} aliases of whole conflicts a page each, and refuses them at 500`, async () => {
      const fields = 'staffId date shiftTemplateId start end skill cause rule reason detectedAt';
      const { res, bytes } = await measured(() =>
        t.gql<Record<string, { conflicts: unknown[] }>>(
          aliases(CONFLICT_ALIASES, `conflicts { ${fields} }`),
          { id: conflicted },
          manager,
        ),
      );
      // the default page, 100 each, as counted (cost 20,040); all 2,500 each took 12 MB
      expect(Object.values(expectOk(res)).map((a) => a.conflicts.length)).toEqual(
        new Array<number>(CONFLICT_ALIASES).fill(100),
      );
      expect(bytes).toBeLessThan(1_000_000);
      const pages = await t.gql(
        aliases(CONFLICT_ALIASES, `conflicts(first: ${MAX_PAGE_SIZE}) { ${fields} }`),
        { id: conflicted },
        manager,
      );
      expect(costError(pages)).toEqual([400, 'QUERY_TOO_COMPLEX']);
      expect(pages.errors![0].message).toBe(
        `Query cost ${CONFLICT_ALIASES * (2 + MAX_PAGE_SIZE * 10)} exceeds the limit of ${LIMIT}`,
      );
    });
  });

  describe('RosterOutcome.intervals', () => {
    const outcome = (args: string) =>
      `query($id: ID!) { a: rosterOutcome(rosterId: $id) { intervals${args} { start skill arrivals } } b: rosterOutcome(rosterId: $id) { intervals${args} { start skill arrivals } } }`;
    type Rows = Record<'a' | 'b', { intervals: { skill: string }[] }>;
    let active: number;

    beforeAll(async () => {
      active = (await t.services.channels.listActive()).length;
    });

    it('weighs every row a site of MAX_CHANNELS channels computes: two aliases are refused', async () => {
      // the old weight of 20 let them pass at cost 124 (63 channels, a week of actuals: 42,336
      // rows each, 5.2 MB in 4.8-6.0 s)
      const res = await t.gql(outcome(''), { id: conflicted }, manager);
      expect(costError(res)).toEqual([400, 'QUERY_TOO_COMPLEX']);
      expect(res.errors![0].message).toBe(
        `Query cost ${2 * (2 + MAX_CHANNELS * INTERVALS * 3)} exceeds the limit of ${LIMIT}`,
      );
    });

    it('answers one skill’s rows with `skill:`, one day’s with `date:`', async () => {
      const bySkill = expectOk(await t.gql<Rows>(outcome('(skill: "wide_1")'), { id: conflicted }, manager));
      expect(bySkill.a.intervals).toHaveLength(96);
      expect(new Set(bySkill.b.intervals.map((r) => r.skill))).toEqual(new Set(['wide_1']));
      const byDay = expectOk(await t.gql<Rows>(outcome(`(date: "${WEEK}")`), { id: conflicted }, manager));
      expect(byDay.a.intervals).toHaveLength(active * 96);
    });
  });

  describe('channels', () => {
    const create = (key: string) =>
      t.gql(
        'mutation($i: CreateChannelInput!) { createChannel(input: $i) { id } }',
        {
          i: {
            ...ALL_DAY_CALLS,
            key,
            name: key,
            requiredSkill: key,
            openingHours: [{ dayOfWeek: 1, from: '09:00', to: '17:00' }],
          },
        },
        manager,
      );

    it('weighs a staffing plan’s channel and skill lists by MAX_CHANNELS', async () => {
      for (const key of [
        'StaffingRequirementPlan.channels',
        'StaffingRequirementPlan.skills',
        'StaffingRequirementPlan.workloads',
        'SkillWorkloadPlan.channels',
        'Query.dataSummary',
      ])
        expect([key, LIST_SIZES[key]]).toEqual([key, MAX_CHANNELS]);
      // the staffing page's read of every skill's values, 7 times: 7 × 13,462 passed before
      const plan = `query { ${Array.from({ length: 7 }, (_, i) => `p${i}: staffingPlan(week: "${WEEK}") { skills { values } }`).join(' ')} }`;
      const res = await t.gql(plan, {}, manager);
      expect(costError(res)).toEqual([400, 'QUERY_TOO_COMPLEX']);
      expect(res.errors![0].message).toBe(
        `Query cost ${7 * (2 + MAX_CHANNELS * INTERVALS)} exceeds the limit of ${LIMIT}`,
      );
    });

    it(`holds ${MAX_CHANNELS} channels a site, then refuses with BAD_USER_INPUT naming key`, async () => {
      const channels = t.services.store.collection<ChannelDoc>(CHANNELS);
      expect(await channels.count()).toBe(MAX_CHANNELS);
      const res = await create('one_more');
      expect([codeOf(res), res.errors![0].message, res.errors![0].extensions?.details]).toEqual([
        'BAD_USER_INPUT',
        `Cannot add channel "one_more": a site holds at most ${MAX_CHANNELS} channels and has ${MAX_CHANNELS} (deactivated ones count too)`,
        [{ field: 'key', message: `at most ${MAX_CHANNELS} channels a site` }],
      ]);
      expect(await channels.count()).toBe(MAX_CHANNELS);
      // a place freed is taken again, once
      await channels.deleteOne({ key: 'roster-site-calls' });
      expectOk(await create('last_one'));
      expect(codeOf(await create('one_more'))).toBe('BAD_USER_INPUT');
      expect(await channels.count()).toBe(MAX_CHANNELS);
    });

    it('refuses the seed’s upsert of new channels past the cap, and updates existing ones', async () => {
      const all = await t.services.channels.listAll();
      const spec = { ...all[0]!, key: 'seeded_new' };
      const refused = await t.services.channels
        .upsertByKey([spec], (k) => `channel-${k}`, new Date())
        .then(
          () => null,
          (e: unknown) => (isAppError(e) ? [e.code, e.details[0]?.field] : e),
        );
      expect(refused).toEqual(['BAD_USER_INPUT', 'key']);
      expect(
        await t.services.channels.upsertByKey([{ ...all[0]!, name: 'renamed' }], (k) => k, new Date()),
      ).toBe(1);
    });
  });
});
