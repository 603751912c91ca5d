import { demoProblem } from '../../../src/ranking/simulated-manager.core';
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
