import { createEventBus } from '../../../src/events/pubsub';
import { createLogger } from '../../../src/logger';
import { demoProblem } from '../../../src/ranking/simulated-manager.core';
import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';
import { solveRoster } from '../../../src/rostering/roster-solver';
import { createServices, ensureIndexes, type Services } from '../../../src/server/services';
import { EmbeddedStore } from '../../../src/store/embedded-store';
import { testConfig } from '../../helpers/test-config';
import type { Viewer } from '../../../src/auth/request-context';
import { Role } from '../../../src/auth/roles';

const manager: Viewer = { userId: 'u-manager', username: 'manager', roles: [Role.MANAGER], staffId: null };

describe('labels recorded at publish time', () => {
  let services: Services;

  beforeAll(async () => {
    const config = testConfig();
    const store = await EmbeddedStore.open();
    await ensureIndexes(store);
    services = createServices({ config, logger: createLogger(config), store, events: createEventBus() });
  });
  afterAll(async () => {
    await services.workers.close();
  });

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
});
