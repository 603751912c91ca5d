import { addDays, dateRefusal, isIsoDate, isoDayOfWeek, todayIn } from '../common/calendar';
import { type Connected, toConnection } from '../common/connection';
import { type PageRequest, paginateList } from '../common/pagination';
import DataLoader from 'dataloader';
import { Role } from '../auth/roles';
import { hasRole, LoaderRegistry, type Viewer } from '../auth/request-context';
import { type ChangeHandler, ChangeHandlers } from '../events/change-handlers';
import type { StaffChangedEvent } from '../events/topics';
import { badInput, forbidden, type ErrorLocation } from '../errors';
import { normalizeHeader, type Table, validateRows } from '../import';
import type { BulkOp, Collection, DocumentStore } from '../store/document-store';
import { upsertAll } from '../store/upsert-by-key';
import { availableWindows, checkExceptions, isAvailable, type TimeSpan } from './availability.core';
import type { SiteSettingsService } from './site-settings.service';
import {
  AVAILABILITY_COLUMNS,
  AVAILABILITY_FILE_COLUMNS,
  availabilityRowCheck,
  type ImportSummary,
  rowsToTable,
  weeklyByStaff,
} from './staff-import';
import { assertMayRead, type StaffService } from './staff.service';
import { AVAILABILITY, type AvailabilityDoc } from './staff.doc';
import type { Availability, AvailabilityException, StaffMember, WeeklyWindow } from './staff.types';
import { checkSpan, checkWeeklyWindows, sortWindows } from '../common/time-window';
import { nextTurn } from '../time-slicer';

export interface AvailabilitySpec {
  weekly: WeeklyWindow[];
  exceptions: {
    date: string;
    available: boolean;
    from?: string | null;
    to?: string | null;
    reason: string;
  }[];
}

/** Who `availableStaff` asks for: a window of a date, and a skill when given. */
export interface AvailableStaffQuery {
  date: string;
  from: string;
  to: string;
  skill?: string | null;
}

/** One person's available windows on each day of a week. */
export interface StaffWeekAvailability {
  staff: StaffMember;
  days: { date: string; dayOfWeek: number; windows: TimeSpan[] }[];
}

const emptyAvailability = (staffId: string): AvailabilityDoc => ({
  _id: staffId,
  staffId,
  weekly: [],
  exceptions: [],
  updatedAt: null as unknown as Date,
  updatedBy: null,
});

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Availability: weekly windows and dated exceptions per person (one document per staff
 * member, `_id` = staff id), the agent lock-date rule, and "who can work then" queries.
 */
export class AvailabilityService {
  private readonly availability: Collection<AvailabilityDoc>;
  private readonly changes = new ChangeHandlers<StaffChangedEvent>();

  constructor(
    store: DocumentStore,
    private readonly staff: StaffService,
    private readonly settings: SiteSettingsService,
    private readonly timeZone: string,
  ) {
    this.availability = store.collection<AvailabilityDoc>(AVAILABILITY);
  }

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.collection<AvailabilityDoc>(AVAILABILITY).createIndex({ keys: { staffId: 1 }, unique: true });
  }

  /** Registers a feature's handler of availability changes (called after the write succeeded). */
  onChange(handler: ChangeHandler<StaffChangedEvent>): void {
    this.changes.register(handler);
  }

  /** A person's availability (empty when never set); AGENTs may read only their own. */
  async get(staffId: string, viewer: Viewer | null = null): Promise<Availability> {
    if (viewer) assertMayRead(viewer, staffId);
    await this.staff.require(staffId);
    return (await this.availability.findById(staffId)) ?? emptyAvailability(staffId);
  }

  /** The caller's own availability (their account must be linked to a staff member). */
  mine(viewer: Viewer): Promise<Availability> {
    return this.get(ownStaffId(viewer), viewer);
  }

  /** Availability of many people in the order asked (empty where never set): one store call. */
  async byStaffIds(ids: readonly string[]): Promise<Availability[]> {
    const found = new Map((await this.availability.find({ _id: { $in: [...ids] } })).map((a) => [a._id, a]));
    return ids.map((id) => found.get(id) ?? emptyAvailability(id));
  }

  /** The patterns stored for these people (none for someone who never set one): one store call. */
  storedFor(ids: readonly string[]): Promise<Availability[]> {
    return this.availability.find({ staffId: { $in: [...ids] } });
  }

  /** `staff.availability`: batched per request, one store query per field level. */
  load(loaders: LoaderRegistry, staffId: string): Promise<Availability> {
    return loaders
      .get('staff.availability', () => new DataLoader<string, Availability>((ids) => this.byStaffIds(ids)))
      .load(staffId);
  }

  /**
   * Replaces a person's availability. MANAGER/ADMIN may change anyone's at any time; anyone
   * else only their own, and never on or before the lock date (FORBIDDEN, with the reason).
   */
  async set(staffId: string, spec: AvailabilitySpec, viewer: Viewer | null): Promise<Availability> {
    const planner = viewer === null || hasRole(viewer, Role.MANAGER);
    if (!planner && viewer.staffId !== staffId)
      throw forbidden(
        viewer.staffId
          ? `Agents may change only their own availability (staff ${viewer.staffId}), not staff ${staffId}`
          : 'Your account is not linked to a staff member, so it has no availability to change',
      );
    await this.staff.require(staffId);
    const next = normalise(spec);
    if (!planner) await this.assertUnlocked(staffId, next);
    const current = (await this.availability.findById(staffId)) ?? emptyAvailability(staffId);
    const doc: AvailabilityDoc = {
      _id: staffId,
      staffId,
      weekly: next.weekly,
      exceptions: next.exceptions,
      updatedAt: new Date(),
      updatedBy: viewer?.userId ?? null,
    };
    await this.availability.replaceOne({ _id: staffId }, doc, { upsert: true });
    const dates = changedExceptionDates(current.exceptions, doc.exceptions);
    const weekly = !sameJson(current.weekly, doc.weekly);
    if (weekly || dates.length > 0)
      await this.changes.emit({
        staffIds: [staffId],
        cause: 'AVAILABILITY',
        dates,
        weekly,
        at: doc.updatedAt,
      });
    return doc;
  }

  setMine(viewer: Viewer, spec: AvailabilitySpec): Promise<Availability> {
    return this.set(ownStaffId(viewer), spec, viewer);
  }

  /**
   * Active staff (with `skill`, when given) available for the whole of [from, to) on `date`, by
   * employee number, a page at a time: a site may have MAX_ACTIVE_STAFF of them. `memo` is the
   * request's: its calls with the same skill read the active staff and their availability once,
   * and those with the same window and skill filter them once (aliases of one query).
   */
  async availableStaff(
    { date, from, to, skill }: AvailableStaffQuery,
    page: PageRequest,
    memo: LoaderRegistry = new LoaderRegistry(),
  ): Promise<Connected<StaffMember>> {
    const errors: ErrorLocation[] = [];
    const badDate = dateRefusal('date', date);
    if (badDate) errors.push({ field: 'date', message: badDate.message });
    const span = checkSpan(from, to, 'window');
    errors.push(...span.errors.map((e) => ({ ...e, field: e.field?.replace('window.', '') })));
    if (errors.length > 0) throw badInput(errors.map((e) => e.message).join('; '), errors);
    const key = JSON.stringify([date, from, to, skill ?? null]);
    const available = await memo.get(`availableStaff.free:${key}`, async () => {
      const { candidates, patterns } = await this.activeWithPatterns(memo, skill);
      return candidates.filter((_, i) => isAvailable(patterns[i], date, from, to));
    });
    return toConnection(paginateList(available, (s) => s.employeeNo, page));
  }

  /** Active staff (with `skill`) and their availability in the same order: read once per `memo`. */
  private activeWithPatterns(
    memo: LoaderRegistry,
    skill: string | null | undefined,
  ): Promise<{ candidates: StaffMember[]; patterns: Availability[] }> {
    return memo.get(`availableStaff.read:${JSON.stringify(skill ?? null)}`, async () => {
      const candidates = await this.staff.listActive(skill);
      return { candidates, patterns: await this.byStaffIds(candidates.map((s) => s._id)) };
    });
  }

  /**
   * Available windows of every active person (with `skill`, when given) on each of the seven
   * days from `weekStart`: two store calls, whatever the number of staff.
   */
  async forWeek(weekStart: string, skill?: string | null): Promise<StaffWeekAvailability[]> {
    if (!isIsoDate(weekStart))
      throw badInput(`weekStart must be a real date YYYY-MM-DD, got "${weekStart}"`, [
        { field: 'weekStart', message: 'invalid date' },
      ]);
    const staff = await this.staff.listActive(skill);
    const patterns = await this.byStaffIds(staff.map((s) => s._id));
    const dates = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
    return staff.map((s, i) => ({
      staff: s,
      days: dates.map((date) => ({
        date,
        dayOfWeek: isoDayOfWeek(date),
        windows: availableWindows(patterns[i], date),
      })),
    }));
  }

  lockDate(): Promise<string | null> {
    return this.settings.availabilityLockDate();
  }

  async setLockDate(date: string | null): Promise<string | null> {
    return (await this.settings.setAvailabilityLockDate(date)).availabilityLockDate;
  }

  /**
   * Imports weekly windows (employeeNo, dayOfWeek, from, to — one window per row). Every
   * person in the table gets exactly the table's windows (exceptions are kept); everyone
   * else is untouched. Unknown employees, from ≥ to and overlapping windows are row errors;
   * nothing is written unless every row is good (one atomic bulk write).
   */
  async importTable(table: Table, viewer: Viewer | null = null): Promise<ImportSummary> {
    const staffByNo = await this.staffByEmployeeNo(table);
    const rows = validateRows(table, AVAILABILITY_COLUMNS, { check: availabilityRowCheck(staffByNo) });
    await nextTurn();
    const weekly = weeklyByStaff(rows, staffByNo);
    const existing = new Set(
      (await this.availability.find({ _id: { $in: [...weekly.keys()] } })).map((a) => a._id),
    );
    await this.replaceWeekly(weekly, viewer);
    return { rows: rows.length, created: weekly.size - existing.size, updated: existing.size };
  }

  /** The staff members the table's employeeNo column names, by employee number. */
  private async staffByEmployeeNo(table: Table): Promise<Map<string, StaffMember>> {
    const column = table.columns.find((c) => normalizeHeader(c) === 'employeeno');
    const numbers = column ? table.rows.map((r) => r.values[column] ?? '') : [];
    return new Map((await this.staff.byEmployeeNos(numbers)).map((s) => [s.employeeNo, s]));
  }

  /** Replaces these people's weekly windows (exceptions kept) in one atomic bulk write, then announces it. */
  private async replaceWeekly(weekly: Map<string, WeeklyWindow[]>, viewer: Viewer | null): Promise<void> {
    const now = new Date();
    const ops: BulkOp<AvailabilityDoc>[] = [...weekly].map(([staffId, windows]) => ({
      update: {
        filter: { _id: staffId },
        update: {
          $set: { staffId, weekly: sortWindows(windows), updatedAt: now, updatedBy: viewer?.userId ?? null },
          $setOnInsert: { exceptions: [] },
        },
        upsert: true,
      },
    }));
    if (ops.length > 0) await this.availability.bulkWrite(ops);
    if (weekly.size > 0)
      await this.changes.emit({
        staffIds: [...weekly.keys()],
        cause: 'AVAILABILITY',
        dates: [],
        weekly: true,
        at: now,
      });
  }

  /** GraphQL import: the rows go through exactly the file rules; row N is the Nth element (1-based). */
  async importRows(rows: readonly object[], viewer: Viewer | null): Promise<ImportSummary> {
    await nextTurn();
    const table = rowsToTable(rows, AVAILABILITY_FILE_COLUMNS);
    await nextTurn();
    return this.importTable(table, viewer);
  }

  /** Seed: replaces the availability of the given people in one atomic bulk write (docs are validated). */
  async replaceMany(docs: AvailabilityDoc[]): Promise<number> {
    const checked = docs.map((d) => ({ ...d, ...normalise(d) }));
    await upsertAll(this.availability, checked);
    return checked.length;
  }

  /** An agent may not add, change or remove anything dated on or before the lock date. */
  private async assertUnlocked(
    staffId: string,
    next: Pick<AvailabilityDoc, 'weekly' | 'exceptions'>,
  ): Promise<void> {
    const lock = await this.lockDate();
    if (lock === null) return;
    const current = (await this.availability.findById(staffId)) ?? emptyAvailability(staffId);
    const key = (e: AvailabilityException) => JSON.stringify([e.date, e.available, e.from, e.to, e.reason]);
    const before = new Set(current.exceptions.map(key));
    const after = new Set(next.exceptions.map(key));
    const touched = [
      ...current.exceptions.filter((e) => !after.has(key(e))),
      ...next.exceptions.filter((e) => !before.has(key(e))),
    ]
      .filter((e) => e.date <= lock)
      .map((e) => e.date);
    if (touched.length > 0)
      throw forbidden(
        `Availability is locked on or before ${lock}: you cannot add, change or remove the exception on ${[...new Set(touched)].sort().join(', ')}; ask a manager`,
      );
    if (!sameJson(current.weekly, next.weekly) && lock >= todayIn(this.timeZone))
      throw forbidden(
        `Availability is locked until ${lock}: weekly windows apply to every week, including locked dates, so they cannot change until after ${lock}; ask a manager or add dated exceptions after ${lock}`,
      );
  }
}

/** Dates of exceptions added, changed or removed between two lists. */
function changedExceptionDates(before: AvailabilityException[], after: AvailabilityException[]): string[] {
  const key = (e: AvailabilityException) => JSON.stringify([e.date, e.available, e.from, e.to, e.reason]);
  const a = new Set(before.map(key));
  const b = new Set(after.map(key));
  const dates = [...before.filter((e) => !b.has(key(e))), ...after.filter((e) => !a.has(key(e)))].map(
    (e) => e.date,
  );
  return [...new Set(dates)].sort();
}

function ownStaffId(viewer: Viewer): string {
  if (!viewer.staffId)
    throw forbidden('Your account is not linked to a staff member, so it has no availability');
  return viewer.staffId;
}

/** Validates (every problem at once) and returns the stored form: windows sorted, exceptions by date. */
function normalise(spec: AvailabilitySpec): Pick<AvailabilityDoc, 'weekly' | 'exceptions'> {
  const weekly = spec.weekly.map((w) => ({ dayOfWeek: w.dayOfWeek, from: w.from, to: w.to }));
  const exceptions: AvailabilityException[] = spec.exceptions.map((e) => ({
    date: e.date,
    available: e.available,
    from: e.from ?? null,
    to: e.to ?? null,
    reason: e.reason.trim(),
  }));
  const errors = [...checkWeeklyWindows(weekly, 'weekly'), ...checkExceptions(exceptions, 'exceptions')];
  if (errors.length > 0)
    throw badInput(`Invalid availability: ${errors.map((e) => e.message).join('; ')}`, errors);
  return {
    weekly: sortWindows(weekly),
    exceptions: [...exceptions].sort(
      (a, b) => a.date.localeCompare(b.date) || (a.from ?? '').localeCompare(b.from ?? ''),
    ),
  };
}
