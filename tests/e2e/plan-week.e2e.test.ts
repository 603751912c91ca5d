import { DEMO_ANCHOR, openDemoStore } from '../helpers/demo-snapshot';
import { expectOk } from '../helpers/expect-ok';
import { startTestApp, type TestApp } from '../helpers/test-app';

const WEEK = DEMO_ANCHOR; // the Monday after the snapshot's demo history ends

interface Job {
  id: string;
  state: string;
  phase: string;
  rosterId: string | null;
  error: string | null;
}

/**
 * planWeek with nothing stood in: the demo site and its 52-week history with trained models
 * (the run's seeded snapshot), forecasts in worker threads, the staffing plan, and a HiGHS
 * solve, all over HTTP.
 */
describe('planWeek on the demo site', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { WORKER_THREADS: '2' }, store: await openDemoStore() });
  }, 120_000);
  afterAll(() => t.close());

  it('forecasts every channel, plans staffing and stores a checked draft roster', async () => {
    const token = await t.login('manager');
    const started = await t.gql<{ planWeek: Job }>(
      `mutation { planWeek(week: "${WEEK}", options: { timeLimitSeconds: 20, relativeGap: 0.02, basis: MEAN }) { id state phase } }`,
      {},
      token,
    );
    const id = expectOk(started).planWeek.id;

    // the job's own settle event, then its state as the API reports it
    await t.services.rosterJobs.settled(id);
    const job = expectOk(
      await t.gql<{ rosterJob: Job }>(
        `{ rosterJob(id: "${id}") { id state phase rosterId error diagnosis { messages } } }`,
        {},
        token,
      ),
    ).rosterJob;
    if (job.state !== 'SUCCEEDED') console.log(JSON.stringify(job, null, 1));
    expect(job).toMatchObject({ state: 'SUCCEEDED', error: null });

    for (const channel of ['calls', 'emails', 'outbound_ook', 'outbound_omk', 'outbound_nb']) {
      const f = await t.gql<{ latestForecast: { start: string; points: { mean: number }[] } | null }>(
        `{ latestForecast(channel: "${channel}") { start points { mean } } }`,
        {},
        token,
      );
      expect(f.data!.latestForecast!.points.length).toBeGreaterThan(0);
    }

    const roster = await t.gql<{
      roster: {
        status: string;
        solver: { status: string };
        staffWeeks: {
          nodes: { assignments: { staffId: string; breaks: { start: string; end: string }[] }[] }[];
        };
        kpis: { labourCost: number; skills: { skill: string; coveragePercent: number }[] };
      };
    }>(
      `{ roster(id: "${job.rosterId}") { status solver { status } staffWeeks(first: 500) { nodes { assignments { staffId breaks { start end } } } } kpis { labourCost skills { skill coveragePercent } } } }`,
      {},
      token,
    );
    const r = roster.data!.roster;
    const shifts = r.staffWeeks.nodes.flatMap((n) => n.assignments);
    // the coverage a skill at a time (every skill at once weighs 64 skills' worth)
    type Coverage = { skill: string; required: number[]; scheduled: number[]; onBreak: number[] };
    const bySkill = r.kpis.skills.map(
      (s, i) => `c${i}: coverage(skill: "${s.skill}") { skill required scheduled onBreak }`,
    );
    const coverage = Object.values(
      expectOk(
        await t.gql<{ roster: Record<string, Coverage[]> }>(
          `{ roster(id: "${job.rosterId}") { ${bySkill.join(' ')} } }`,
          {},
          token,
        ),
      ).roster,
    ).flat();
    expect(coverage.map((c) => c.skill).sort()).toEqual(['calls', 'emails', 'outbound']);
    expect(r.status).toBe('DRAFT');
    expect(['OPTIMAL', 'FEASIBLE']).toContain(r.solver.status);
    expect(shifts.length).toBeGreaterThan(50);
    expect(r.kpis.labourCost).toBeGreaterThan(0);
    expect(r.kpis.skills.map((s) => s.skill).sort()).toEqual(['calls', 'emails', 'outbound']);
    for (const s of r.kpis.skills) expect(s.coveragePercent).toBeGreaterThan(50);

    // Staggered breaks (issue #13): wherever agents are required and some are on shift,
    // not all of them are on break at once.
    expect(shifts.some((a) => a.breaks.length > 0)).toBe(true);
    const emptied: string[] = [];
    for (const c of coverage) {
      c.required.forEach((required, i) => {
        const onShift = c.scheduled[i] + c.onBreak[i];
        if (required >= 1 && onShift > 0 && c.scheduled[i] <= 1e-9) emptied.push(`${c.skill} #${i}`);
      });
    }
    expect(emptied).toEqual([]);
  }, 240_000);
});
