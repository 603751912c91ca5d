import { demoProblem } from '../../../src/ranking/simulated-manager.core';
import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';
import { applyChange } from '../../../src/rostering/roster-edit.core';
import { rosterCoveragePercent, rosterKpis } from '../../../src/rostering/roster-kpi';
import { SUCCESS_COVERAGE } from '../../../src/ranking/scheduling-kpis.core';
import type { RosterConflictService } from '../../../src/rostering/roster-conflict.service';
import { RosterRepairService } from '../../../src/rostering/roster-repair.service';
import type { RosterResult } from '../../../src/rostering/roster.types';
import type { TaskRunner } from '../../../src/workers/task-runner';
import { solveRoster } from '../../../src/rostering/roster-solver';
import type { Services } from '../../../src/server/services';
import type { DocumentStore } from '../../../src/store/document-store';
import type { Viewer } from '../../../src/auth/request-context';
import { Role } from '../../../src/auth/roles';
import { closeServices, servicesFor } from '../staff/services.fixture';

const manager: Viewer = { userId: 'u-manager', username: 'manager', roles: [Role.MANAGER], staffId: null };

const fatesOf = (labels: { fate: string }[]) =>
  labels.reduce<Record<string, number>>((n, l) => ({ ...n, [l.fate]: (n[l.fate] ?? 0) + 1 }), {});

describe('labels recorded at publish time', () => {
  let services: Services;
  let store: DocumentStore;

  beforeAll(async () => {
    services = await servicesFor();
    store = services.store;
  });
  afterAll(() => closeServices(services));

  it('a published roster gets one label document: kept, removed and added from the draft and the edits', async () => {
    const problem = parseRosterProblem(demoProblem(0));
    const result = await solveRoster(problem, { heuristicOnly: true });
    const draft = await services.rosters.storeDraft(problem, result, null, manager.userId);
    const first = draft.assignments[0];
    const to = first.shiftTemplateId === 'E' ? 'M' : 'E';
    await services.rosters.updateAssignment(
      draft._id,
      { action: 'MOVE', staffId: first.staffId, date: first.date, toShiftTemplateId: to },
      manager,
    );
    await services.rosters.publish(draft._id, manager);

    const [label] = await services.rankingLabels.between(problem.weekStart, problem.weekStart);
    expect(label).toMatchObject({ _id: draft._id, week: problem.weekStart, manualEdits: 1, path: 'RULES' });
    const fates = label.labels.reduce<Record<string, number>>(
      (n, l) => ({ ...n, [l.fate]: (n[l.fate] ?? 0) + 1 }),
      {},
    );
    expect(fates).toEqual({ KEPT: draft.assignments.length - 1, REMOVED: 1, ADDED: 1 });
    expect(label.labels.find((l) => l.fate === 'ADDED')).toMatchObject({
      staffId: first.staffId,
      date: first.date,
      shiftTemplateId: to,
    });
    expect(label.interventionRate).toBeCloseTo(1 / draft.assignments.length, 12);
  });

  it("a repaired roster keeps the manager's changes apart from the optimiser's in its labels and KPIs", async () => {
    // week 1: the manager moves one shift and publishes (1 of n published shifts by hand)
    const problem = parseRosterProblem(demoProblem(1));
    const result = await solveRoster(problem, { heuristicOnly: true });
    const draft = await services.rosters.storeDraft(problem, result, null, manager.userId, {
      ranking: { path: 'MODEL', fallbackRate: 0.25, modelId: 'm1', reason: null },
    });
    const [first, second] = [draft.assignments[0], draft.assignments.at(-1)!];
    const moveTo = (a: typeof first) => (a.shiftTemplateId === 'E' ? 'M' : 'E');
    await services.rosters.updateAssignment(
      draft._id,
      { action: 'MOVE', staffId: first.staffId, date: first.date, toShiftTemplateId: moveTo(first) },
      manager,
    );
    const published = await services.rosters.publish(draft._id, manager);
    const n = published.assignments.length;
    // a conflict on another shift, which the repair moves (the solve is stubbed: no worker)
    await store.collection('rosters').updateOne(
      { _id: draft._id },
      {
        $set: {
          conflicts: [
            {
              ...second,
              cause: 'AVAILABILITY',
              rule: 'AVAILABILITY',
              reason: 'sick',
              detectedAt: new Date(),
            },
          ],
        },
      },
    );
    const repairedShifts = applyChange(problem, published.assignments, {
      action: 'MOVE',
      staffId: second.staffId,
      date: second.date,
      toShiftTemplateId: moveTo(second),
    });
    const conflicts = { refreshed: (p: unknown) => p, snapshot: () => Promise.resolve({}) };
    const workers = {
      run: () =>
        Promise.resolve({
          result: { ...result, assignments: repairedShifts } as RosterResult,
          widened: false,
        }),
    };
    const repair = new RosterRepairService(
      services.rosters,
      conflicts as unknown as RosterConflictService,
      workers as unknown as TaskRunner,
    );
    const repaired = await repair.repair(draft._id, {}, manager);
    expect(repaired).toMatchObject({ addedAssignments: 1, removedAssignments: 1 });
    await services.rosters.publish(repaired.roster._id, manager);

    const labels = await services.rankingLabels.between(problem.weekStart, problem.weekStart);
    expect(labels.map((l) => l.version)).toEqual([published.version, repaired.roster.version]);
    const [before, after] = labels;
    expect(fatesOf(before.labels)).toEqual({ KEPT: n - 1, REMOVED: 1, ADDED: 1 });
    // the repair's move is the optimiser's (KEPT); the manager's move is still theirs
    expect(fatesOf(after.labels)).toEqual({ KEPT: n - 1, REMOVED: 1, ADDED: 1 });
    expect(after.labels.find((l) => l.fate === 'ADDED')).toMatchObject({
      staffId: first.staffId,
      shiftTemplateId: moveTo(first),
    });
    expect(after).toMatchObject({ manualEdits: 1, path: 'MODEL', fallbackRate: 0.25 });
    const kpis = await services.ranking.schedulingKpis(problem.weekStart, problem.weekStart, manager);
    expect(kpis.weeks[0].interventionRate).toBeCloseTo(1 / n, 12);
    // each version counts as its job generated it, the manager's edit aside: the published one
    // as the solver proposed it, the repair's draft as the repair produced it
    expect(draft.generatedCoveragePercent).toBe(rosterCoveragePercent(draft.kpis.skills));
    const superseded = await services.rosters.require(draft._id);
    expect(superseded.generatedCoveragePercent).toBe(draft.generatedCoveragePercent);
    expect(repaired.roster.generatedCoveragePercent).toBe(
      rosterCoveragePercent(rosterKpis(repaired.roster.problem, repairedShifts).skills),
    );
    const met = [draft, repaired.roster].filter((r) => r.generatedCoveragePercent! >= SUCCESS_COVERAGE);
    expect(kpis.weeks[0].successRate).toBe(met.length / 2);
  });
});
