/**
 * Conflicts after publishing. Registers with the staff feature at start (STYLE 16): after
 * an availability, contract or active change, every PUBLISHED roster of a week not yet over
 * that employs the changed people is re-checked against their current data; the roster's
 * `conflicts` are replaced for those people, and ROSTER_CONFLICT (keyed by week) carries
 * the first page of the result and its count to managers (a roster of thousands of people
 * gone holds thousands of conflicts: every event carried them all, to every subscriber). Idempotent: the same change checked twice gives the same list.
 */
import { mondayOf, todayIn } from '../common/calendar';
import { MAX_PAGE_SIZE } from '../common/pagination';
import { AppError } from '../errors';
import type { EventBus } from '../events/pubsub';
import { type RosterConflictInfo, type StaffChangedEvent, TOPIC } from '../events/topics';
import type { HolidayService } from '../holidays/holiday.service';
import type { Logger } from '../logger';
import type { AvailabilityService } from '../staff/availability.service';
import type { StaffService } from '../staff/staff.service';
import type { Availability, StaffMember } from '../staff/staff.types';
import type { Collection, DocumentStore } from '../store/document-store';
import { findConflicts, type ConflictRule, type FoundConflict } from './roster-conflicts.core';
import { rosterCollection, type RosterDoc } from './roster.doc';
import type { RosterProblem } from './roster-problem-schema';
import { refreshProblem } from './roster-refresh.core';
import type { RosterService } from './roster.service';

/** What a rule says changed, when the change itself is not known (a check at publishing). */
export function causeOf(rule: ConflictRule): StaffChangedEvent['cause'] {
  if (rule === 'STAFF_INACTIVE') return 'DEACTIVATION';
  return rule === 'AVAILABILITY' ? 'AVAILABILITY' : 'CONTRACT';
}

/** Current master data of some people (staff feature), and the week's CLOSED days (calendar). */
export interface StaffSnapshot {
  staff: StaffMember[];
  availability: Availability[];
  closedDates: string[];
}

const conflictKey = (c: Pick<RosterConflictInfo, 'staffId' | 'date' | 'shiftTemplateId' | 'rule'>): string =>
  `${c.staffId}|${c.date}|${c.shiftTemplateId}|${c.rule}`;

/** "sickness: flu" for an unavailable exception on the date, when there is one. */
function exceptionNote(availability: Availability[]): (staffId: string, date: string) => string | null {
  return (staffId, date) => {
    const e = availability
      .find((a) => a.staffId === staffId)
      ?.exceptions.find((x) => x.date === date && !x.available);
    return e ? `exception on ${date}: ${e.reason || 'unavailable'}` : null;
  };
}

/** Conflicts as stored: a conflict found before with the same reason keeps its first detection. */
function conflictInfos(
  found: FoundConflict[],
  previous: Map<string, RosterConflictInfo>,
  cause: StaffChangedEvent['cause'] | null,
  at: Date,
): RosterConflictInfo[] {
  return found.map((f) => {
    const info: RosterConflictInfo = {
      staffId: f.assignment.staffId,
      date: f.assignment.date,
      shiftTemplateId: f.assignment.shiftTemplateId,
      start: f.assignment.start,
      end: f.assignment.end,
      skill: f.assignment.skill,
      cause: f.rule === 'STAFF_INACTIVE' || cause === null ? causeOf(f.rule) : cause,
      rule: f.rule,
      reason: f.reason,
      detectedAt: at,
    };
    const old = previous.get(conflictKey(info));
    return old && old.reason === info.reason ? old : info;
  });
}

/** The first `first` open conflicts of a roster, in shift order (stored so). */
export const conflictsOf = (roster: Pick<RosterDoc, 'conflicts'>, first: number): RosterConflictInfo[] =>
  (roster.conflicts ?? []).slice(0, first);

/** How many conflicts a roster has open. */
export const conflictCountOf = (roster: Pick<RosterDoc, 'conflicts'>): number =>
  roster.conflicts?.length ?? 0;

export class RosterConflictService {
  private readonly rosters: Collection<RosterDoc>;

  constructor(
    store: DocumentStore,
    private readonly events: EventBus,
    private readonly staff: StaffService,
    private readonly availability: AvailabilityService,
    private readonly timeZone: string,
    private readonly logger: Logger,
    private readonly holidays: Pick<HolidayService, 'closedInWeek'>,
  ) {
    this.rosters = rosterCollection(store, timeZone);
  }

  /**
   * Registers with the staff feature's change hooks, and with publishing (a change made
   * between generating and publishing a draft shows at once); called once at start.
   */
  listen(rosters: RosterService): void {
    const handler = (e: StaffChangedEvent): Promise<void> => this.onStaffChanged(e);
    this.staff.onChange(handler);
    this.availability.onChange(handler);
    rosters.onPublish(async (doc) => {
      await this.recheck(doc, [...new Set(doc.assignments.map((a) => a.staffId))], null, new Date());
    });
  }

  /** Current data of `ids` (people no longer stored are simply absent: treated as inactive). */
  async snapshot(ids: string[], week: string): Promise<StaffSnapshot> {
    const staff = (await this.staff.byIds(ids)).filter((s): s is StaffMember => s !== null);
    const closedDates = await this.holidays.closedInWeek(week);
    return { staff, availability: await this.availability.byStaffIds(ids), closedDates };
  }

  /** The stored problem with `ids` refreshed from `data` (a person no longer stored counts as inactive). */
  refreshed(problem: RosterProblem, ids: string[], data: StaffSnapshot): RosterProblem {
    return refreshProblem(problem, ids, data.staff, data.availability, data.closedDates);
  }

  async onStaffChanged(event: StaffChangedEvent): Promise<void> {
    const from = mondayOf(todayIn(this.timeZone));
    // the assignments only, first: the stored problems are read just for the rosters concerned
    const published = await this.rosters.find(
      { status: 'PUBLISHED', week: { $gte: from } },
      { sort: { week: 1 }, projection: { assignments: 1 } },
    );
    for (const { _id, assignments } of published) {
      const ids = event.staffIds.filter((id) => assignments.some((a) => a.staffId === id));
      if (ids.length === 0) continue;
      const roster = await this.rosters.findOne({ _id, status: 'PUBLISHED' });
      if (!roster) continue; // superseded meanwhile: the new version was checked when published
      const conflicts = await this.recheck(roster, ids, event.cause, event.at);
      this.logger.debug(
        { rosterId: roster._id, staffIds: ids, conflicts: conflicts.length },
        'roster re-checked',
      );
    }
  }

  /** Re-checks `ids`' assignments of one roster and stores the result (optimistic on revision). */
  async recheck(
    roster: RosterDoc,
    ids: string[],
    cause: StaffChangedEvent['cause'] | null,
    at: Date,
  ): Promise<RosterConflictInfo[]> {
    const data = await this.snapshot(ids, roster.problem.weekStart);
    for (let attempt = 0, doc: RosterDoc | null = roster; doc; attempt++) {
      const current = this.refreshed(doc.problem, ids, data);
      const before = doc.conflicts ?? [];
      const previous = new Map(before.map((c) => [conflictKey(c), c]));
      const found = conflictInfos(
        findConflicts(current, doc.assignments, ids, exceptionNote(data.availability)),
        previous,
        cause,
        at,
      );
      const conflicts = [...before.filter((c) => !ids.includes(c.staffId)), ...found].sort(
        (a, b) => a.start.localeCompare(b.start) || a.staffId.localeCompare(b.staffId),
      );
      if (JSON.stringify(conflicts) === JSON.stringify(before)) return conflicts;
      const added = found.filter((c) => !previous.has(conflictKey(c))).length;
      if (await this.store(doc, conflicts, added, at)) return conflicts;
      if (attempt >= 4)
        throw new AppError('CONFLICT', `Roster ${doc._id} kept changing while re-checking it`);
      doc = await this.rosters.findOne({ _id: roster._id, status: 'PUBLISHED' });
    }
    return [];
  }

  /** Stores the conflicts if the roster is still at the revision read; false when it moved on. */
  private async store(
    doc: RosterDoc,
    conflicts: RosterConflictInfo[],
    added: number,
    at: Date,
  ): Promise<boolean> {
    const updated = await this.rosters.findOneAndUpdate(
      { _id: doc._id, revision: doc.revision, status: 'PUBLISHED' },
      { $set: { conflicts }, $inc: { revision: 1 } },
    );
    if (!updated) return false;
    this.events.publish(TOPIC.ROSTER_CONFLICT, doc.week, {
      rosterId: doc._id,
      week: doc.week,
      conflicts: conflicts.slice(0, MAX_PAGE_SIZE),
      conflictCount: conflicts.length,
      added,
      at,
    });
    return true;
  }
}
