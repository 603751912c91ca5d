import { demoProblem } from '../../../src/ranking/simulated-manager.core';
import { SUCCESS_COVERAGE } from '../../../src/ranking/scheduling-kpis.core';
import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';
import { rosterCoveragePercent } from '../../../src/rostering/roster-kpi';
import { solveRoster } from '../../../src/rostering/roster-solver';
import type { RosterVersion } from '../../../src/rostering/roster-version.types';
import type { Services } from '../../../src/server/services';
import type { DocumentStore } from '../../../src/store/document-store';
import type { Viewer } from '../../../src/auth/request-context';
import { Role } from '../../../src/auth/roles';
import { closeServices, servicesFor } from '../staff/services.fixture';

const manager: Viewer = { userId: 'u-manager', username: 'manager', roles: [Role.MANAGER], staffId: null };

describe('scheduler success: each roster judged as its job generated it', () => {
  let services: Services;
  let store: DocumentStore;

  beforeAll(async () => {
    services = await servicesFor();
    store = services.store;
  });
  afterAll(() => closeServices(services));

  /** A heuristic draft of demo week `index`, stored. */
  async function draftOf(index: number): Promise<RosterVersion> {
    const problem = parseRosterProblem(demoProblem(index));
    return services.rosters.storeDraft(
      problem,
      await solveRoster(problem, { heuristicOnly: true }),
      null,
      'u',
    );
  }

  /**
   * Removes shifts by hand, one manual edit each, until `removals` are saved (a removal that
   * breaks a contract minimum is refused and skipped).
   */
  async function removeShifts(draft: RosterVersion, removals: number): Promise<RosterVersion> {
    let roster = draft;
    let saved = 0;
    for (const a of draft.assignments) {
      if (saved === removals) break;
      try {
        roster = (
          await services.rosters.updateAssignment(
            draft._id,
            { action: 'REMOVE', staffId: a.staffId, date: a.date },
            manager,
          )
        ).roster;
        saved++;
      } catch (e) {
        expect(e).toMatchObject({ code: 'BAD_USER_INPUT' });
      }
    }
    expect(saved).toBe(removals);
    return roster;
  }

  const currentCoverage = (r: RosterVersion): number | null => rosterCoveragePercent(r.kpis.skills);

  it('manual edits and publishing leave the coverage as generated; the week is a success on it', async () => {
    const draft = await draftOf(0);
    const generated = draft.generatedCoveragePercent!;
    expect(generated).toBe(currentCoverage(draft));
    expect(generated).toBeGreaterThanOrEqual(SUCCESS_COVERAGE);

    const edited = await removeShifts(draft, 6);
    expect(edited.manualEdits).toBe(6);
    expect(currentCoverage(edited)!).toBeLessThan(SUCCESS_COVERAGE);
    expect(edited.generatedCoveragePercent).toBe(generated);
    const published = await services.rosters.publish(draft._id, manager);
    expect(published.generatedCoveragePercent).toBe(generated);
    expect((await services.rosters.require(draft._id)).generatedCoveragePercent).toBe(generated);

    // the manager's removals do not make the job a failure (the intervention rate counts the
    // published shifts added by hand: none here)
    const kpis = await services.ranking.schedulingKpis(draft.week, draft.week, manager);
    expect(kpis.weeks[0].successRate).toBe(1);
    expect(kpis.weeks[0].interventionRate).toBe(0);
  });

  it('a roster stored before the field: recovered from its proposal when edited, once, and counted', async () => {
    const draft = await draftOf(1);
    const generated = draft.generatedCoveragePercent!;
    await removeShifts(draft, 4);
    await store
      .collection('rosters')
      .updateOne({ _id: draft._id }, { $unset: { generatedCoveragePercent: '' } });
    expect((await services.rosters.require(draft._id)).generatedCoveragePercent).toBeUndefined();

    const kpis = await services.ranking.schedulingKpis(draft.week, draft.week, manager);
    expect(kpis.weeks[0].successRate).toBe(1);
    // stored by the first read, the same value the draft had
    expect((await services.rosters.require(draft._id)).generatedCoveragePercent).toBe(generated);
  });

  it('an edited roster stored before proposals were kept is left out of the rate; an unedited one counts on its coverage', async () => {
    const edited = await draftOf(2);
    await removeShifts(edited, 1);
    await store
      .collection('rosters')
      .updateOne({ _id: edited._id }, { $unset: { generatedCoveragePercent: '', proposed: '' } });
    let kpis = await services.ranking.schedulingKpis(edited.week, edited.week, manager);
    expect(kpis.weeks[0].successRate).toBeNull();
    expect((await services.rosters.require(edited._id)).generatedCoveragePercent).toBeUndefined();

    const unedited = await draftOf(2);
    await store
      .collection('rosters')
      .updateOne({ _id: unedited._id }, { $unset: { generatedCoveragePercent: '', proposed: '' } });
    kpis = await services.ranking.schedulingKpis(edited.week, edited.week, manager);
    expect(kpis.weeks[0].successRate).toBe(currentCoverage(unedited)! >= SUCCESS_COVERAGE ? 1 : 0);
  });
});
