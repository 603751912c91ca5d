/**
 * Rosters stored before problems carried a `timeZone` were planned for the site: read from
 * the store, they get the site's zone (roster.doc.ts `rosterCollection`), so a conflict
 * refresh (and a repair, an edit, an outcome: every reader) times a clock-change week in
 * real time, exactly as for a roster stored with the zone. Europe/London, 2026: the night of
 * Sat 28 → Sun 29 March is an hour short, the night of Sat 24 → Sun 25 October an hour long.
 */
import { createEventBus } from '../../../src/events/pubsub';
import { createLogger } from '../../../src/logger';
import { RosterConflictService } from '../../../src/rostering/roster-conflict.service';
import { ROSTERS, type RosterDoc } from '../../../src/rostering/roster.doc';
import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';
import { RosterService } from '../../../src/rostering/roster.service';
import type { RosterAssignment, RosterResult } from '../../../src/rostering/roster.types';
import { checkRoster } from '../../../src/rostering/roster.validation';
import { problemClock } from '../../../src/rostering/calendar-util';
import { publishSimulatedWeeks } from '../../../src/ranking/ranking.seed';
import type { DocumentStore } from '../../../src/store/document-store';
import { EmbeddedStore } from '../../../src/store/embedded-store';
import { availabilityDoc, staffDoc } from '../../integration/rostering/roster.seed';
import { person, problem } from './roster.fixtures';

const ZONE = 'Europe/London';
const logger = createLogger({ LOG_LEVEL: 'silent', production: false, NODE_ENV: 'test' });

/** Sat `saturday` late (14:00–22:00), Sun early (06:00–14:00): 8 h apart on the wall clock. */
function lateThenEarly(saturday: string, sunday: string): RosterAssignment[] {
  const shift = (date: string, id: string, from: string, to: string): RosterAssignment => ({
    staffId: 'st-a',
    date,
    shiftTemplateId: id,
    start: `${date}T${from}:00`,
    end: `${date}T${to}:00`,
    skill: 'calls',
    breaks: [],
  });
  return [shift(saturday, 'late', '14:00', '22:00'), shift(sunday, 'early', '06:00', '14:00')];
}

/** A PUBLISHED roster of `week` (version `version`), its problem with or without `timeZone`. */
function publishedDoc(
  id: string,
  week: string,
  version: number,
  minRestHours: number,
  assignments: RosterAssignment[],
  timeZone: string | null,
): RosterDoc {
  const base = problem({ weekStart: week, staff: [person('st-a', 10)] });
  const p = parseRosterProblem({
    ...base,
    ...(timeZone ? { timeZone } : {}),
    options: { ...base.options, minRestHours },
  });
  const at = new Date('2026-01-01T00:00:00Z');
  return {
    _id: id,
    week,
    version,
    status: 'PUBLISHED',
    intervalMinutes: 60,
    assignments,
    coverage: [],
    warnings: [],
    diagnosis: null,
    problem: p,
    jobId: null,
    revision: 1,
    manualEdits: 0,
    createdAt: at,
    createdBy: null,
    updatedAt: at,
    publishedAt: at,
    publishedBy: null,
    conflicts: [],
  } as unknown as RosterDoc;
}

describe('a roster stored without a time zone reads with the site’s', () => {
  let store: DocumentStore;
  let rosters: RosterService;
  let conflicts: RosterConflictService;

  beforeAll(async () => {
    store = await EmbeddedStore.open();
    const events = createEventBus();
    rosters = new RosterService(store, events, ZONE);
    conflicts = new RosterConflictService(
      store,
      events,
      { byIds: async (ids: string[]) => ids.map((id) => staffDoc(id, 'Ada', 10)) } as never,
      { byStaffIds: async (ids: string[]) => ids.map((id) => availabilityDoc(id)) } as never,
      ZONE,
      logger,
      { closedInWeek: async () => [] },
    );
    await store.collection<RosterDoc>(ROSTERS).insertMany([
      // spring: 8 wall-clock hours between the shifts are 7 real ones, under 8 h of rest
      publishedDoc('spring-zoned', '2026-03-23', 1, 8, lateThenEarly('2026-03-28', '2026-03-29'), ZONE),
      publishedDoc('spring-old', '2026-03-23', 2, 8, lateThenEarly('2026-03-28', '2026-03-29'), null),
      // autumn: 8 wall-clock hours are 9 real ones, enough for 9 h of rest
      publishedDoc('autumn-zoned', '2026-10-19', 1, 9, lateThenEarly('2026-10-24', '2026-10-25'), ZONE),
      publishedDoc('autumn-old', '2026-10-19', 2, 9, lateThenEarly('2026-10-24', '2026-10-25'), null),
    ]);
  });
  afterAll(() => store.close());

  const refreshed = async (id: string) => {
    const found = await conflicts.recheck(await rosters.require(id), ['st-a'], 'CONTRACT', new Date());
    return found.map((c) => [c.date, c.rule, c.reason]);
  };

  it('spring: the refresh finds the real 7 h of rest, as for the roster stored with the zone', async () => {
    const zoned = await refreshed('spring-zoned');
    expect(zoned).toEqual([['2026-03-29', 'REST', 'st-a: only 7.00 h rest before 2026-03-29T06:00:00']]);
    expect(await refreshed('spring-old')).toEqual(zoned);
  });

  it('autumn: the refresh finds the real 9 h of rest enough, as for the roster stored with the zone', async () => {
    expect(await refreshed('autumn-zoned')).toEqual([]);
    expect(await refreshed('autumn-old')).toEqual([]);
  });

  it('every read through the services names the zone; the stored document is left as it is', async () => {
    expect((await rosters.require('spring-old')).problem.timeZone).toBe(ZONE);
    expect((await rosters.published('2026-03-23'))?.problem.timeZone).toBe(ZONE);
    expect((await rosters.list('2026-10-19', null)).map((d) => d.problem.timeZone)).toEqual([ZONE, ZONE]);
    const stored = await store.collection<RosterDoc>(ROSTERS).findById('spring-old');
    expect(stored?.problem.timeZone).toBeUndefined();
  });

  it('a draft solved without a zone keeps its 24-hour days (stored as UTC), not read as the site’s', async () => {
    // 8 h of rest is enough on a 24-hour Sunday; read as London's it would be 7 h and refused
    const base = problem({ weekStart: '2026-03-23', staff: [person('st-a', 10)] });
    const p = parseRosterProblem({ ...base, options: { ...base.options, minRestHours: 8 } });
    const result: Partial<RosterResult> = {
      status: 'FEASIBLE',
      solverStatus: null,
      objective: 0,
      bound: null,
      gap: null,
      seconds: 0,
      heuristic: true,
      greedyObjective: 0,
      diagnosis: null,
      message: null,
      assignments: lateThenEarly('2026-03-28', '2026-03-29'),
    };
    const draft = await rosters.storeDraft(p, result as RosterResult, null, null);
    const read = await rosters.require(draft._id);
    expect(read.problem.timeZone).toBe('UTC');
    expect(problemClock(read.problem).changes).toBe(false);
    expect(checkRoster(read.problem, read.assignments).violations).toEqual([]);
  });

  it('the ranking seed’s simulated 2025-03-24 week (24-hour days) is stored, edited and published', async () => {
    // read as London's, its Sat 21:00 → Sun 07:00 is 9 h of rest under the 10 h rule: the edits were refused
    await expect(publishSimulatedWeeks({ rosters }, 11, 12, true)).resolves.toBe(1);
    expect((await rosters.published('2025-03-24'))?.problem.timeZone).toBe('UTC');
  });
});
