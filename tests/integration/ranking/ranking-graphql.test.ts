import { Role } from '../../../src/auth/roles';
import { demoProblem, demoWeek } from '../../../src/ranking/simulated-manager.core';
import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';
import { solveRoster } from '../../../src/rostering/roster-solver';
import { codeOf, createInProcessApp, type GqlApp } from '../../helpers/in-process-app';
import { expectOk } from '../../helpers/expect-ok';

describe('learned ranking over GraphQL', () => {
  let t: GqlApp;
  let manager: string;

  beforeAll(async () => {
    t = await createInProcessApp();
    manager = await t.login('manager');
  });
  afterAll(() => t.close());

  it('Roster.ranking shows the path and fallback rate; publishRoster refuses a SHADOW roster', async () => {
    const problem = parseRosterProblem(demoProblem(3));
    const result = await solveRoster(problem, { heuristicOnly: true });
    const ranking = { path: 'SHADOW' as const, fallbackRate: 0.25, modelId: 'm1', reason: null };
    const shadow = await t.services.rosters.storeDraft(problem, result, null, null, { ranking });
    const res = await t.gql<{ roster: { ranking: typeof ranking } }>(
      'query($id: ID!) { roster(id: $id) { ranking { path fallbackRate modelId reason } } }',
      { id: shadow._id },
      manager,
    );
    expectOk(res);
    expect(res.data!.roster.ranking).toEqual(ranking);
    const publish = await t.gql(
      'mutation($id: ID!) { publishRoster(id: $id) { id } }',
      { id: shadow._id },
      manager,
    );
    expect(codeOf(publish)).toBe('CONFLICT');
  });

  it('trainAssignmentRanker validates lookbackWeeks and needs published weeks', async () => {
    const bad = await t.gql('mutation { trainAssignmentRanker(lookbackWeeks: 2) { id } }', {}, manager);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    // the field is named once (class-validator's own message starts with it too)
    expect(bad.errors![0].message).toBe('Invalid input: lookbackWeeks must not be less than 6');
    const none = await t.gql('mutation { trainAssignmentRanker(lookbackWeeks: 8) { id } }', {}, manager);
    expect(codeOf(none)).toBe('FAILED_PRECONDITION');
    expect(none.errors![0].message).toBe('Training needs 6 published weeks, found 0');
  });

  it('schedulingKpis answers with empty weeks when nothing was generated', async () => {
    const res = await t.gql<{ schedulingKpis: { weeks: { week: string; successRate: number | null }[] } }>(
      'query { schedulingKpis(from: "2030-01-07", to: "2030-01-14") { weeks { week successRate } overall { successRate fallbackRate } } }',
      {},
      manager,
    );
    expectOk(res);
    expect(res.data!.schedulingKpis.weeks).toEqual([
      { week: '2030-01-07', successRate: null },
      { week: '2030-01-14', successRate: null },
    ]);
  });
});

describe('KPI targets and the rollback target over GraphQL', () => {
  let t: GqlApp;
  let manager: string;
  const week = demoWeek(3);

  beforeAll(async () => {
    // targets the published week's figures fall on known sides of (each better than its
    // baseline, as the configuration demands)
    t = await createInProcessApp({
      env: {
        KPI_SUCCESS_RATE_BASELINE: '0',
        KPI_SUCCESS_RATE_TARGET: '0.01',
        KPI_WORKLOAD_BALANCE_BASELINE: '3',
        KPI_WORKLOAD_BALANCE_TARGET: '0',
        KPI_INTERVENTION_RATE_BASELINE: '0.4',
        KPI_INTERVENTION_RATE_TARGET: '0',
      },
    });
    manager = await t.login('manager');
  });
  afterAll(() => t.close());

  const KPIS = `query($from: String!, $to: String!) { schedulingKpis(from: $from, to: $to) {
    targets {
      successRate { baseline target direction unit }
      workloadBalance { baseline target direction unit }
      interventionRate { baseline target direction unit }
    }
    overall { successRate workloadBalance interventionRate targetMet { successRate workloadBalance interventionRate } }
    weeks { week workloadBalance interventionRate targetMet { workloadBalance interventionRate } }
  } }`;
  type Kpis = {
    schedulingKpis: {
      targets: Record<string, { baseline: number; target: number; direction: string; unit: string }>;
      overall: Record<string, unknown> & { targetMet: Record<string, boolean | null> };
      weeks: (Record<string, unknown> & { targetMet: Record<string, boolean | null> })[];
    };
  };

  it('schedulingKpis serves the configured targets and judges each figure against them', async () => {
    const problem = parseRosterProblem(demoProblem(3));
    const draft = await t.services.rosters.storeDraft(
      problem,
      await solveRoster(problem, { heuristicOnly: true }),
      null,
      'u',
    );
    const viewer = { userId: 'u-manager', username: 'manager', roles: [Role.MANAGER], staffId: null };
    await t.services.rosters.publish(draft._id, viewer);
    const res = await t.gql<Kpis>(KPIS, { from: week, to: week }, manager);
    expectOk(res);
    const { targets, overall, weeks } = res.data!.schedulingKpis;
    expect(targets).toEqual({
      successRate: { baseline: 0, target: 0.01, direction: 'HIGHER_IS_BETTER', unit: 'SHARE' },
      workloadBalance: { baseline: 3, target: 0, direction: 'LOWER_IS_BETTER', unit: 'HOURS' },
      interventionRate: { baseline: 0.4, target: 0, direction: 'LOWER_IS_BETTER', unit: 'SHARE' },
    });
    // published as generated: no hand-made assignment; the demo's hours are not all on target
    expect(overall).toMatchObject({ interventionRate: 0, successRate: expect.any(Number) });
    expect(overall.workloadBalance).toBeGreaterThan(0);
    // one job: success is 0 or 1, which meets 0.01 (higher is better) only at 1; balance > 0
    // misses a target of 0, 0 hand-made meets 0
    expect([0, 1]).toContain(overall.successRate);
    expect(overall.targetMet).toEqual({
      successRate: overall.successRate === 1,
      workloadBalance: false,
      interventionRate: true,
    });
    expect(weeks).toEqual([
      {
        week,
        workloadBalance: overall.workloadBalance,
        interventionRate: 0,
        targetMet: { workloadBalance: false, interventionRate: true },
      },
    ]);
    // a week with nothing generated: no figure, no verdict (null, not false)
    const empty = await t.gql<Kpis>(KPIS, { from: '2030-01-07', to: '2030-01-07' }, manager);
    expectOk(empty);
    expect(empty.data!.schedulingKpis.overall.targetMet).toEqual({
      successRate: null,
      workloadBalance: null,
      interventionRate: null,
    });
  });

  it('rankerRollback gives the refusal rollbackRanker answers with; an agent gets neither', async () => {
    const plan = await t.gql<{
      rankerRollback: { target: { version: number } | null; refusal: string | null };
    }>('{ rankerRollback { target { version } refusal } }', {}, manager);
    expectOk(plan);
    expect(plan.data!.rankerRollback).toEqual({ target: null, refusal: 'No active ranker to roll back' });
    const rollback = await t.gql('mutation { rollbackRanker { id } }', {}, manager);
    expect(codeOf(rollback)).toBe('FAILED_PRECONDITION');
    expect(rollback.errors![0].message).toBe(plan.data!.rankerRollback.refusal);
    const agent = await t.login('agent');
    const refused = await t.gql('{ rankerRollback { refusal } }', {}, agent);
    expect(codeOf(refused)).toBe('FORBIDDEN');
  });
});
