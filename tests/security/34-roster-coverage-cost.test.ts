/**
 * Audit: the query cost weighed `Roster.coverage` at 10 entries ("one per skill") while a
 * roster's requirement may name 64 skills (MAX_REQUIREMENT_SKILLS), and a staffing plan as
 * many as the channels have required skills (up to the problem format's 500). A MANAGER
 * generated and published a roster of 64 skills of 672 quarter-hours; a SERVICE_PROVIDER's
 * 14 aliases of `roster(id) { coverage { required } }` then passed at cost 94,108 and
 * answered 602,112 values, 6.4 times what the cost counted: 11.5 MB in 3.3-3.9 s (the test
 * server in-process). The list now weighs MAX_REQUIREMENT_SKILLS: the same query costs
 * 602,140 and is refused in about 15 ms. No roster of more skills is stored: a job whose
 * requirement names more fails before its solve, and storeDraft refuses one.
 */
import type { Viewer } from '../../src/auth/request-context';
import { CHANNELS, type ChannelDoc } from '../../src/channels/channel.doc';
import { TEAM_LEAD_SKILL } from '../../src/channels/channel.service';
import { isAppError } from '../../src/errors';
import { intervalsPerWeek } from '../../src/rostering/calendar-util';
import { RosterProblemSource } from '../../src/rostering/roster-problem-source';
import { MAX_REQUIREMENT_SKILLS } from '../../src/rostering/roster-requirement.validation';
import { ROSTERS, type RosterDoc } from '../../src/rostering/roster.doc';
import { LIST_SIZES } from '../../src/server/query-cost';
import { expectOk } from '../helpers/expect-ok';
import { storableResult } from '../helpers/large-roster';
import { codeOf, startTestApp, type TestApp } from '../helpers/test-app';
import { CALLS_SKILL_CHANNEL, GENERATE, seedRosterSite, WEEK } from '../integration/rostering/roster.seed';
import { channel } from '../integration/staffing/fixtures';

const INTERVALS = intervalsPerWeek(15);
/** Calls, team_lead and as many more skills as make the most a requirement may name. */
const EXTRA = Array.from({ length: MAX_REQUIREMENT_SKILLS - 2 }, (_, i) => `skill_${i + 1}`);
const SKILLS = [CALLS_SKILL_CHANNEL.requiredSkill, TEAM_LEAD_SKILL, ...EXTRA];
/** A long number: each value the answer repeats is 18 characters. */
const AGENTS = 1 / 3;

/** A checked roster of nobody (the site's people have no minimum hours). */
const EMPTY = storableResult([]);

const requirementOf = (skills: string[]) => ({
  intervalMinutes: 15,
  requirements: skills.map((skill) => ({ skill, values: new Array<number>(INTERVALS).fill(AGENTS) })),
});

/** `n` aliases of the roster's coverage, required agents only. */
const aliases = (n: number): string =>
  `query($id: ID!) { ${Array.from({ length: n }, (_, i) => `a${i}: roster(id: $id) { coverage { required } }`).join(' ')} }`;
/** Its cost: each alias is the roster, its coverage, and the values of every entry. */
const costOf = (n: number, entries: number): number => n * (1 + 1 + entries * INTERVALS);

/** Inactive channels requiring the extra skills: they put them in the catalogue. */
async function seed(services: TestApp['services']): Promise<void> {
  await seedRosterSite(services);
  await services.store
    .collection<ChannelDoc>(CHANNELS)
    .insertMany(EXTRA.map((skill) => channel({ key: `q_${skill}`, requiredSkill: skill, active: false })));
}

describe('audit: a roster covers at most MAX_REQUIREMENT_SKILLS skills, and the cost weighs them all', () => {
  let t: TestApp;
  let manager: string;
  let provider: string;
  let rosterId: string;

  beforeAll(async () => {
    t = await startTestApp({ seed });
    [manager, provider] = await Promise.all([t.login('manager'), t.login('provider')]);
    const res = await t.gql<{ generateRoster: { id: string } }>(
      GENERATE,
      { week: WEEK, options: { timeLimitSeconds: 10, ...requirementOf(SKILLS) } },
      manager,
    );
    const job = await t.services.rosterJobs.settled(expectOk(res).generateRoster.id);
    expect([job.state, job.error]).toEqual(['SUCCEEDED', null]);
    rosterId = job.rosterId!;
    expectOk(await t.gql('mutation($id: ID!) { publishRoster(id: $id) { id } }', { id: rosterId }, manager));
  }, 60_000);
  afterAll(() => t.close());

  it('the cost model weighs a roster skill list by MAX_REQUIREMENT_SKILLS', () => {
    expect(LIST_SIZES['Roster.coverage']).toBe(MAX_REQUIREMENT_SKILLS);
    expect(LIST_SIZES['RosterKpis.skills']).toBe(MAX_REQUIREMENT_SKILLS);
    expect(LIST_SIZES['RosterDiagnosis.uncoverable']).toBe(MAX_REQUIREMENT_SKILLS * INTERVALS);
  });

  it(`refuses 14 aliases of a ${MAX_REQUIREMENT_SKILLS}-skill roster's coverage, which the old weight of 10 let pass`, async () => {
    expect(costOf(14, 10)).toBeLessThan(t.config.GRAPHQL_MAX_COMPLEXITY); // the old model's cost
    const res = await t.gql(aliases(14), { id: rosterId }, provider);
    expect([res.status, codeOf(res), res.data]).toEqual([400, 'QUERY_TOO_COMPLEX', undefined]);
    expect(res.errors![0].message).toBe(
      `Query cost ${costOf(14, MAX_REQUIREMENT_SKILLS)} exceeds the limit of 100000`,
    );
  });

  it('answers what the cost counts: two aliases, every skill of the roster', async () => {
    expect(costOf(2, MAX_REQUIREMENT_SKILLS)).toBeLessThan(t.config.GRAPHQL_MAX_COMPLEXITY);
    const res = await t.gql<Record<string, { coverage: { required: number[] }[] }>>(
      aliases(2),
      { id: rosterId },
      provider,
    );
    const { a0 } = expectOk(res);
    expect(a0.coverage).toHaveLength(MAX_REQUIREMENT_SKILLS);
    expect(a0.coverage.every((c) => c.required.length === INTERVALS)).toBe(true);
  });

  it('answers 14 aliases of one skill each: the cost counts one entry per alias', async () => {
    const query = `query($id: ID!) { ${EXTRA.slice(0, 14)
      .map((skill, i) => `a${i}: roster(id: $id) { coverage(skill: "${skill}") { skill required } }`)
      .join(' ')} }`;
    const res = await t.gql<Record<string, { coverage: { skill: string }[] }>>(
      query,
      { id: rosterId },
      provider,
    );
    const data = expectOk(res);
    expect(Object.values(data).map((a) => a.coverage.map((c) => c.skill))).toEqual(
      EXTRA.slice(0, 14).map((skill) => [skill]),
    );
  });

  it('fails a job whose requirement names more skills, before its solve (e.g. a staffing plan)', async () => {
    const viewer: Viewer = { userId: 'test', username: 'test', roles: [], staffId: null };
    const source = new RosterProblemSource(t.services);
    const over = requirementOf([...SKILLS, 'skill_extra']);
    const options = { timeLimitSeconds: 5, relativeGap: 0, basis: 'MEAN' as const };
    const started = await t.services.rosterJobs.start('GENERATE', WEEK, options, viewer, async (ctx) => {
      await ctx.phase('prepare');
      return source.load(WEEK, over, options);
    });
    const job = await t.services.rosterJobs.settled(started._id);
    expect([job.state, job.phase, job.rosterId, job.error]).toEqual([
      'FAILED',
      'prepare',
      null,
      `The requirement names ${MAX_REQUIREMENT_SKILLS + 1} skills; a roster covers at most ${MAX_REQUIREMENT_SKILLS}`,
    ]);
  });

  it('never stores a roster of more skills: storeDraft refuses it', async () => {
    const rosters = t.services.store.collection<RosterDoc>(ROSTERS);
    const { problem } = (await rosters.findById(rosterId))!;
    const extra = { skill: 'skill_extra', values: new Array<number>(INTERVALS).fill(0) };
    const over = { ...problem, requirements: [...problem.requirements, extra] };
    const refused = await t.services.rosters.storeDraft(over, EMPTY, null, null).then(
      () => null,
      (e: unknown) => (isAppError(e) ? [e.code, e.message] : e),
    );
    expect(refused).toEqual([
      'FAILED_PRECONDITION',
      `The requirement names ${MAX_REQUIREMENT_SKILLS + 1} skills; a roster covers at most ${MAX_REQUIREMENT_SKILLS}`,
    ]);
    // the same empty roster of the week's own skills is stored
    await t.services.rosters.storeDraft(problem, EMPTY, null, null);
    expect(await rosters.count({ week: WEEK })).toBe(2);
  });
});
