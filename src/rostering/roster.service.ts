/**
 * The roster lifecycle over the `rosters` collection: store checked drafts, read (with the
 * SERVICE_PROVIDER and AGENT resource rules), publish (one PUBLISHED per week, earlier
 * versions SUPERSEDED and kept) and manual edits re-checked by the independent checker.
 */
import { Role } from '../auth/roles';
import { hasRole, type Viewer } from '../auth/request-context';
import { AppError, badInput, conflict, isAppError, notFound } from '../errors';
import type { EventBus } from '../events/pubsub';
import { type ChangeHandler, ChangeHandlers } from '../events/change-handlers';
import { type RosterConflictInfo, TOPIC } from '../events/topics';
import type { Collection, DocumentStore, Filter } from '../store/document-store';
import { dateArgumentProblem, isoDayOfWeek } from '../common/calendar';
import { breaksBySkill, coverageBySkill, workedShifts, type WorkedShift } from './roster-facts.validation';
import { rosterCollection, ROSTERS, storedProblem, type RosterDoc } from './roster.doc';
import type { RosterVersion, SkillCoverage } from './roster-version.types';
import type { RosterProblem } from './roster-problem-schema';
import { checkRoster } from './roster.validation';
import {
  checkedResult,
  draftDoc,
  recoveredGeneratedCoverage,
  type DraftExtra,
  type DraftFields,
} from './roster-draft';
import { rosterKpis } from './roster-kpi';
import { assertRosterSkills } from './roster-requirement.validation';
import type { RosterAssignment, RosterResult } from './roster.types';
import { applyChange, type AssignmentChange } from './roster-edit.core';
import { nextTurn } from '../time-slicer';
import { clip } from '../common/bounded';
import { KeyedLanes } from '../common/keyed-lanes';
import { listedWarnings, type ListedWarnings } from './roster-warnings.core';

export { applyChange, type AssignmentAction, type AssignmentChange } from './roster-edit.core';

export interface UpdateAssignmentResult extends ListedWarnings {
  roster: RosterVersion;
}

/** A shift of the caller's timetable, flagged when current staff data breaks it. */
export interface TimetableShift extends RosterAssignment {
  conflict: RosterConflictInfo | null;
}

export interface Timetable {
  week: string;
  staffId: string;
  rosterId: string;
  version: number;
  publishedAt: Date | null;
  shifts: TimetableShift[];
}

/** Refuses anything but a real Monday `YYYY-MM-DD`. */
export function assertWeek(week: string, field = 'week'): void {
  const problem = dateArgumentProblem(week);
  if (problem)
    throw badInput(`${field} must be ${problem}, got "${clip(week, 40)}"`, [
      { field, message: problem === 'a date YYYY-MM-DD' ? 'invalid date' : `not ${problem}` },
    ]);
  if (isoDayOfWeek(week) !== 1)
    throw badInput(`${field} must be a Monday, got ${week}`, [{ field, message: 'not a Monday' }]);
}

/** Requirement vs scheduled agents per interval and skill. */
export function rosterCoverage(
  problem: RosterProblem,
  assignments: RosterAssignment[],
  shifts: WorkedShift[] = workedShifts(problem, assignments),
): SkillCoverage[] {
  const got = coverageBySkill(problem, shifts);
  const away = breaksBySkill(problem, shifts);
  const round = (v: number): number => Math.round(v * 1e4) / 1e4;
  return problem.requirements.map((r) => ({
    skill: r.skill,
    required: [...r.values],
    scheduled: (got.get(r.skill) ?? []).map(round),
    onBreak: (away.get(r.skill) ?? []).map(round),
  }));
}

/** A roster's coverage, or only the entry of `skill` when one is given. */
export const coverageOf = (
  roster: Pick<RosterVersion, 'coverage'>,
  skill?: string | null,
): SkillCoverage[] =>
  skill === undefined || skill === null ? roster.coverage : roster.coverage.filter((c) => c.skill === skill);

const sortAssignments = (a: RosterAssignment[]): RosterAssignment[] =>
  [...a].sort((x, y) => x.start.localeCompare(y.start) || x.staffId.localeCompare(y.staffId));

/**
 * Manual edits of one roster run one at a time, each on the revision the previous one left
 * (all at once, every edit but the first paid its checks and then lost to the revision check);
 * a roster has at most ROSTER_EDIT_QUEUE running or waiting, a user as many across rosters.
 */
export const ROSTER_EDIT_QUEUE = 8;
/**
 * Versions `rosters(week)` lists, newest first (the query cost weighs this many): a week
 * re-solved again and again keeps every version, and the list returned them all.
 */
export const MAX_LISTED_ROSTERS = 20;

export class RosterService {
  private readonly rosters: Collection<RosterDoc>;
  private readonly publishHandlers = new ChangeHandlers<RosterDoc>();
  private readonly edits = new KeyedLanes(
    { lanes: 1, perKey: ROSTER_EDIT_QUEUE, perOwner: ROSTER_EDIT_QUEUE },
    { key: (id) => `edits of roster ${id} are`, owner: 'roster edits' },
  );

  /** `siteTimeZone`: the zone of rosters stored before problems carried one (roster.doc.ts). */
  constructor(
    store: DocumentStore,
    private readonly events: EventBus,
    siteTimeZone: string,
  ) {
    this.rosters = rosterCollection(store, siteTimeZone);
  }

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    const rosters = store.collection<RosterDoc>(ROSTERS);
    await rosters.createIndex({ keys: { week: 1, version: 1 }, unique: true, name: 'week_version' });
    await rosters.createIndex({ keys: { week: 1, status: 1 }, name: 'week_status' });
  }

  /**
   * Stores a solver result as a DRAFT. The solver already checks its rosters; this checks
   * again, against the same problem, so nothing that breaks a hard rule is ever stored, and
   * no roster of more skills than the query cost weighs (MAX_REQUIREMENT_SKILLS) either:
   * every stored roster, of a job, a recovered solve or a repair, passes here. The problem is
   * stored naming its zone (`storedProblem`: none means every day 24 hours).
   */
  async storeDraft(
    solved: RosterProblem,
    result: RosterResult,
    jobId: string | null,
    createdBy: string | null,
    extra: DraftExtra = {},
  ): Promise<RosterDoc> {
    if (result.status !== 'OPTIMAL' && result.status !== 'FEASIBLE')
      throw new AppError('FAILED_PRECONDITION', `Cannot store a ${result.status} roster`);
    assertRosterSkills(solved.requirements.length);
    const stored = await this.storedForJob(jobId, extra);
    if (stored) return stored;
    const problem = storedProblem(solved);
    const { kpis, warnings, warningCount } = checkedResult(problem, result);
    const fields: DraftFields = {
      kpis,
      warnings,
      warningCount,
      assignments: sortAssignments(result.assignments),
      coverage: rosterCoverage(problem, result.assignments),
      jobId,
      createdBy,
      now: new Date(),
      extra,
    };
    return this.insertNextVersion(problem.weekStart, (version) => draftDoc(problem, result, fields, version));
  }

  /**
   * The draft a job already stored, if any: storing is idempotent by job, so a retried or
   * re-delivered job result stores no second draft (a job in shadow mode stores one rules
   * roster and one SHADOW roster, each once).
   */
  private async storedForJob(
    jobId: string | null,
    extra: Pick<RosterDoc, 'ranking'>,
  ): Promise<RosterDoc | null> {
    const shadow = extra.ranking?.path === 'SHADOW';
    return jobId
      ? await this.rosters.findOne({ jobId, 'ranking.path': shadow ? 'SHADOW' : { $ne: 'SHADOW' } })
      : null;
  }

  /** Inserts the week's next version, retrying with the one after when another draft took it (5 tries). */
  private async insertNextVersion(week: string, docOf: (version: number) => RosterDoc): Promise<RosterDoc> {
    for (let attempt = 0; ; attempt++) {
      const latest = await this.rosters.findOne({ week }, { sort: { version: -1 } });
      try {
        return await this.rosters.insertOne(docOf((latest?.version ?? 0) + 1));
      } catch (e) {
        // two drafts of the same week at once: take the next version
        if (!(isAppError(e) && e.code === 'CONFLICT') || attempt >= 4) throw e;
      }
    }
  }

  /** Runs after a roster is published, before publish returns (conflicts already open then). */
  onPublish(handler: ChangeHandler<RosterVersion>): void {
    this.publishHandlers.register(handler);
  }

  async require(id: string): Promise<RosterVersion> {
    const doc = await this.rosters.findById(id);
    if (!doc) throw notFound('Roster', id);
    return doc;
  }

  /** A roster as the viewer may see it: planners see every version, readers PUBLISHED only. */
  async get(id: string, viewer: Viewer | null): Promise<RosterVersion> {
    const doc = await this.require(id);
    if (!mayReadDrafts(viewer) && doc.status !== 'PUBLISHED') throw notFound('Roster', id);
    return doc;
  }

  /** The week's newest MAX_LISTED_ROSTERS versions the viewer may see, newest first (the API's list). */
  async list(week: string, viewer: Viewer | null): Promise<RosterVersion[]> {
    return this.versions(week, viewer, MAX_LISTED_ROSTERS);
  }

  /** The week's versions the viewer may see, newest first (at most `limit`). */
  private async versions(week: string, viewer: Viewer | null, limit?: number): Promise<RosterVersion[]> {
    return this.rosters.find(visibleVersions(week, viewer), { sort: { version: -1 }, limit });
  }

  /**
   * Every version of the week the viewer may see, newest first, with the fields the scheduling
   * KPIs read (`RosterKpiView`). Whole documents carry the solved problem, coverage, conflicts
   * and proposal besides, about 0.35–0.39 MB a roster of 150 staff, and the KPIs read up to
   * 104 weeks of every version (and /metrics 8 weeks on every scrape). A version stored
   * before `generatedCoveragePercent` and edited since gets it recovered once
   * (`recoverGeneratedCoverage`); one that cannot be recovered reads without it.
   */
  async kpiVersions(week: string, viewer: Viewer | null): Promise<RosterKpiView[]> {
    const views = await this.rosters.find(visibleVersions(week, viewer), {
      sort: { version: -1 },
      projection: KPI_FIELDS,
    });
    return Promise.all(
      views.map((v) =>
        v.generatedCoveragePercent === undefined && v.manualEdits > 0
          ? this.recoverGeneratedCoverage(v)
          : Promise.resolve(v),
      ),
    );
  }

  /**
   * Stores the coverage as generated of a version from before the field, recovered from its
   * proposal or repair figures (`recoveredGeneratedCoverage`), once: the write only sets the
   * field where it is still absent, so processes recovering at once store the same value.
   */
  private async recoverGeneratedCoverage(view: RosterKpiView): Promise<RosterKpiView> {
    const doc = await this.rosters.findOne(
      { _id: view._id },
      { projection: { problem: 1, proposed: 1, repair: 1 } },
    );
    const recovered = doc ? recoveredGeneratedCoverage(doc) : undefined;
    if (recovered === undefined) return view;
    await this.rosters.updateOne(
      { _id: view._id, generatedCoveragePercent: { $exists: false } },
      { $set: { generatedCoveragePercent: recovered } },
    );
    return { ...view, generatedCoveragePercent: recovered };
  }

  /**
   * The assignments of one version (the scheduling KPIs compare a SHADOW roster's with the
   * rules roster's); [] when it is gone. `kpiVersions` leaves them out: 5,000 shifts a version
   * of 1,000 people, read for every version of 104 weeks, held the event loop 17–27 s.
   */
  async kpiAssignments(id: string): Promise<RosterVersion['assignments']> {
    return (await this.rosters.findOne({ _id: id }, { projection: { assignments: 1 } }))?.assignments ?? [];
  }

  /** Whether any version of the week is stored (draft, published or superseded). */
  async rostered(week: string): Promise<boolean> {
    return (await this.rosters.findOne({ week }, { projection: { _id: 1 } })) !== null;
  }

  async published(week: string): Promise<RosterVersion | null> {
    return this.rosters.findOne({ week, status: 'PUBLISHED' });
  }

  /**
   * Publishes a DRAFT: the week's current PUBLISHED version (if any) becomes SUPERSEDED in
   * the same atomic write. Publishes ROSTER_PUBLISHED after the write.
   */
  async publish(id: string, viewer: Viewer): Promise<RosterVersion> {
    const doc = await this.require(id);
    if (doc.status !== 'DRAFT')
      throw conflict(`Roster ${id} is ${doc.status}; only a DRAFT can be published`);
    if (doc.ranking?.path === 'SHADOW')
      throw conflict(
        `Roster ${id} is a shadow roster (learned ranking); only the rules roster can be published`,
      );
    const now = new Date();
    await this.rosters.bulkWrite([
      {
        update: {
          filter: { week: doc.week, status: 'PUBLISHED', _id: { $ne: id } },
          update: { $set: { status: 'SUPERSEDED', updatedAt: now }, $inc: { revision: 1 } },
          multi: true,
        },
      },
      {
        update: {
          filter: { _id: id, status: 'DRAFT' },
          update: {
            $set: { status: 'PUBLISHED', publishedAt: now, publishedBy: viewer.userId, updatedAt: now },
            $inc: { revision: 1 },
          },
        },
      },
    ]);
    const published = await this.require(id);
    if (published.status !== 'PUBLISHED') throw conflict(`Roster ${id} changed while publishing`);
    this.events.publish(TOPIC.ROSTER_PUBLISHED, doc.week, {
      rosterId: id,
      week: doc.week,
      publishedAt: now,
      publishedBy: viewer.userId,
    });
    await this.publishHandlers.emit(published);
    return this.require(id);
  }

  /**
   * Applies one manual change to a DRAFT and re-checks the whole roster. A hard-rule break
   * is refused (BAD_USER_INPUT listing the violations; nothing saved); soft issues are
   * saved and returned as warnings. KPIs and coverage are recomputed. The steps take turns
   * with the event loop (each is tens of milliseconds on a roster of thousands of shifts).
   * Edits of one roster queue behind each other (ROSTER_EDIT_QUEUE; beyond it RATE_LIMITED);
   * a write of another process in between is refused by the revision check of the write.
   */
  updateAssignment(id: string, change: AssignmentChange, viewer: Viewer): Promise<UpdateAssignmentResult> {
    return this.edits.run(id, viewer.userId, () => this.applyAssignment(id, change, viewer));
  }

  private async applyAssignment(
    id: string,
    change: AssignmentChange,
    viewer: Viewer,
  ): Promise<UpdateAssignmentResult> {
    const doc = await this.require(id);
    if (doc.status !== 'DRAFT')
      throw new AppError(
        'FAILED_PRECONDITION',
        `Roster ${id} is ${doc.status}; only a DRAFT can be edited (generate a new version)`,
      );
    if (doc.ranking?.path === 'SHADOW')
      throw new AppError(
        'FAILED_PRECONDITION',
        `Roster ${id} is a shadow roster (learned ranking): it is kept as the model solved it, for comparison`,
      );
    const problem = doc.problem;
    await nextTurn();
    const assignments = applyChange(problem, doc.assignments, change);
    const shifts = workedShifts(problem, assignments);
    const { violations, warnings: found } = checkRoster(problem, assignments, shifts);
    if (violations.length > 0)
      throw badInput(
        `The change breaks ${violations.length} rule(s): ${violations.map((v) => v.message).join('; ')}`,
        violations.map((v) => ({ field: v.rule, message: v.message })),
      );
    await nextTurn();
    const kpis = { ...rosterKpis(problem, assignments, shifts), solver: doc.kpis.solver };
    const coverage = rosterCoverage(problem, assignments, shifts);
    const { warnings, warningCount } = listedWarnings(found);
    await nextTurn();
    const now = new Date();
    const updated = await this.rosters.findOneAndUpdate(
      { _id: id, revision: doc.revision, status: 'DRAFT' },
      {
        $set: {
          assignments: sortAssignments(assignments),
          kpis,
          coverage,
          warnings,
          warningCount,
          updatedAt: now,
          lastEditedBy: viewer.userId,
        },
        $inc: { revision: 1, manualEdits: 1 },
      },
    );
    if (!updated) throw conflict(`Roster ${id} was changed by someone else; reload and retry`);
    return { roster: updated, warnings, warningCount };
  }

  /** The caller's own shifts in the week's PUBLISHED roster (null when none is published). */
  async myTimetable(week: string, viewer: Viewer): Promise<Timetable | null> {
    assertWeek(week);
    if (!viewer.staffId)
      throw new AppError('FAILED_PRECONDITION', 'This account is not linked to a staff member');
    const doc = await this.published(week);
    if (!doc) return null;
    return {
      week,
      staffId: viewer.staffId,
      rosterId: doc._id,
      version: doc.version,
      publishedAt: doc.publishedAt,
      shifts: doc.assignments
        .filter((a) => a.staffId === viewer.staffId)
        .map((a) => ({ ...a, conflict: conflictOf(doc, a) })),
    };
  }
}

const conflictOf = (doc: RosterDoc, a: RosterAssignment): RosterConflictInfo | null =>
  (doc.conflicts ?? []).find(
    (c) => c.staffId === a.staffId && c.date === a.date && c.shiftTemplateId === a.shiftTemplateId,
  ) ?? null;

/** The filter of a week's versions the viewer may see (see mayReadDrafts). */
function visibleVersions(week: string, viewer: Viewer | null): Filter {
  assertWeek(week);
  return mayReadDrafts(viewer) ? { week } : { week, status: 'PUBLISHED' };
}

/** What the scheduling KPIs read of a roster version. */
export type RosterKpiView = Pick<
  RosterVersion,
  '_id' | 'week' | 'version' | 'status' | 'kpis' | 'manualEdits' | 'ranking' | 'generatedCoveragePercent'
>;

const KPI_FIELDS = {
  week: 1,
  version: 1,
  status: 1,
  kpis: 1,
  manualEdits: 1,
  ranking: 1,
  generatedCoveragePercent: 1,
} as const satisfies Record<Exclude<keyof RosterKpiView, '_id'>, 1>;

/** MANAGER (and ADMIN) see drafts and superseded versions; other readers only PUBLISHED. */
export const mayReadDrafts = (viewer: Viewer | null): boolean => hasRole(viewer, Role.MANAGER);
