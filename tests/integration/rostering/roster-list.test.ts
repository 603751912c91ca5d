/**
 * Audit 2026-12-03, defect 1: `rosters(week)` returned every stored version of the week
 * while the query cost weighed 20; a week solved again and again answered all of them.
 * It lists the newest MAX_LISTED_ROSTERS now; the scheduling KPIs still count every version.
 */
import { createInProcessApp, type GqlApp } from '../../helpers/in-process-app';
import { expectOk } from '../../helpers/expect-ok';
import { ROSTERS, type RosterDoc } from '../../../src/rostering/roster.doc';
import { MAX_LISTED_ROSTERS } from '../../../src/rostering/roster.service';
import { Role } from '../../../src/auth/roles';
import type { Viewer } from '../../../src/auth/request-context';
import { GENERATE, generateVariables, seedRosterSite, WEEK } from './roster.seed';

const VERSIONS = MAX_LISTED_ROSTERS + 5;

describe('rosters(week) lists the newest versions only', () => {
  let t: GqlApp;
  let manager: string;
  beforeAll(async () => {
    t = await createInProcessApp({ seed: seedRosterSite });
    manager = await t.login('manager');
    const res = await t.gql<{ generateRoster: { id: string } }>(GENERATE, generateVariables(), manager);
    expectOk(res);
    const job = await t.services.rosterJobs.settled(res.data!.generateRoster.id);
    const rosters = t.services.store.collection<RosterDoc>(ROSTERS);
    const first = (await rosters.findById(job.rosterId!))!;
    // the versions a week re-solved VERSIONS times keeps
    for (let version = 2; version <= VERSIONS; version++)
      await rosters.insertOne({ ...first, _id: `${first._id}-v${version}`, version });
  });
  afterAll(() => t.close());

  it(`answers the newest ${MAX_LISTED_ROSTERS} of ${VERSIONS} versions, newest first`, async () => {
    const res = await t.gql<{ rosters: { version: number }[] }>(
      'query($w: String!) { rosters(week: $w) { version } }',
      { w: WEEK },
      manager,
    );
    expectOk(res);
    expect(res.data!.rosters.map((r) => r.version)).toEqual(
      Array.from({ length: MAX_LISTED_ROSTERS }, (_, i) => VERSIONS - i),
    );
    // the scheduling KPIs read them all
    const planner: Viewer = { userId: 'test', username: 'test', roles: [Role.MANAGER], staffId: null };
    const views = await t.services.rosters.kpiVersions(WEEK, planner);
    expect(views).toHaveLength(VERSIONS);
    // …without the solved problem, coverage and conflicts they do not read (0.35–0.39 MB a
    // roster of 150 staff, up to 104 weeks of every version per call)
    // (nor the assignments: read only for a week's SHADOW and rules pair, `kpiAssignments`)
    for (const field of ['problem', 'coverage', 'conflicts', 'warnings', 'proposed', 'assignments'])
      expect(views.some((v) => field in v)).toBe(false);
    expect(views.every((v) => v.kpis)).toBe(true);
  });
});
