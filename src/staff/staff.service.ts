import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import { Role } from '../auth/roles';
import type { UserAccount } from '../auth/user.types';
import type { UserService } from '../auth/user.service';
import type { ChannelService } from '../channels/channel.service';
import { type Connected, toConnection } from '../common/connection';
import { type PageRequest, paginate } from '../common/pagination';
import { hasRole, type LoaderRegistry, type Viewer } from '../auth/request-context';
import { type ChangeHandler, ChangeHandlers } from '../events/change-handlers';
import type { StaffChangedEvent } from '../events/topics';
import { AppError, badInput, conflict, forbidden, notFound, type ErrorLocation } from '../errors';
import { type RowOf, type Table, type ValidatedRow, validateRows } from '../import';
import type { BulkOp, Collection, DocumentStore, Filter } from '../store/document-store';
import { existingByKey, upsertAll } from '../store/upsert-by-key';
import { type ImportSummary, rowsToTable, STAFF_COLUMNS, STAFF_FILE_COLUMNS } from './staff-import';
import { type ActiveCap, writeWithinCap } from '../common/active-cap';
import { MAX_ACTIVE_STAFF, overCap, tooManyActiveStaff } from './active-staff-cap';
import { STAFF, type StaffDoc } from './staff.doc';
import type { Contract, StaffMember, StaffPreferences } from './staff.types';
import { checkContract, checkSkills, normaliseSkills, type FieldProblem } from './staff.validation';
import { unsafeTextProblem } from '../common/plain-text';
import { withoutNulls } from '../common/without-nulls';
import { nextTurn } from '../time-slicer';

export interface StaffSpec {
  employeeNo: string;
  name: string;
  skills: string[];
  contract: Contract;
  hourlyCost: number;
  active?: boolean;
  preferences?: StaffPreferences | null;
}

export type StaffPatch = Partial<StaffSpec>;

export interface StaffFilter {
  skill?: string | null;
  active?: boolean | null;
  /** Case-insensitive substring of name or employeeNo. */
  search?: string | null;
}

const NO_PREFERENCES: StaffPreferences = {
  desiredDays: [],
  undesiredDays: [],
  desiredShifts: [],
  undesiredShifts: [],
};

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Staff master data: CRUD, filters, imports and the per-request loaders of nested fields. */
export class StaffService {
  private readonly staff: Collection<StaffDoc>;
  private readonly changes = new ChangeHandlers<StaffChangedEvent>();

  constructor(
    store: DocumentStore,
    private readonly channels: ChannelService,
    private readonly users: Pick<UserService, 'byStaffIds'>,
  ) {
    this.staff = store.collection<StaffDoc>(STAFF);
  }

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    const staff = store.collection<StaffDoc>(STAFF);
    await staff.createIndex({ keys: { employeeNo: 1 }, unique: true });
    await staff.createIndex({ keys: { skills: 1, active: 1 } });
  }

  /** Registers a feature's handler of contract, skill and active changes (called after the write). */
  onChange(handler: ChangeHandler<StaffChangedEvent>): void {
    this.changes.register(handler);
  }

  private changed(staffIds: string[], cause: 'DEACTIVATION' | 'CONTRACT'): Promise<void> {
    if (staffIds.length === 0) return Promise.resolve();
    return this.changes.emit({ staffIds, cause, dates: [], weekly: false, at: new Date() });
  }

  /** Staff ordered by employee number, a page at a time. */
  async list(filter: StaffFilter, page: PageRequest): Promise<Connected<StaffMember>> {
    return toConnection(
      await paginate(this.staff, toFilter(filter), { field: 'employeeNo', direction: 1 }, page),
    );
  }

  /** Every active staff member (optionally with a skill), ordered by employee number. */
  listActive(skill?: string | null): Promise<StaffMember[]> {
    return this.staff.find(toFilter({ active: true, skill }), { sort: { employeeNo: 1 } });
  }

  /** Who a roster is built for: every active staff member, ordered by id (a stable problem order). */
  forRoster(): Promise<StaffMember[]> {
    return this.staff.find({ active: true }, { sort: { _id: 1 } });
  }

  async require(id: string): Promise<StaffMember> {
    const doc = await this.staff.findById(id);
    if (!doc) throw notFound('Staff', id);
    return doc;
  }

  /** Readers see anyone; an AGENT sees only the staff record linked to their account. */
  async requireVisible(id: string, viewer: Viewer | null): Promise<StaffMember> {
    assertMayRead(viewer, id);
    return this.require(id);
  }

  findByEmployeeNo(employeeNo: string): Promise<StaffMember | null> {
    return this.staff.findOne({ employeeNo });
  }

  /** Staff with any of these employee numbers (one store call). */
  byEmployeeNos(employeeNos: readonly string[]): Promise<StaffMember[]> {
    return this.staff.find({ employeeNo: { $in: [...new Set(employeeNos)] } });
  }

  /** Staff by id in the order asked (null where missing): one store call. */
  async byIds(ids: readonly string[]): Promise<(StaffMember | null)[]> {
    const found = new Map((await this.staff.find({ _id: { $in: [...ids] } })).map((s) => [s._id, s]));
    return ids.map((id) => found.get(id) ?? null);
  }

  /** `staff.user`: batched per request, one `users` query per field level. */
  loadUser(loaders: LoaderRegistry, staffId: string): Promise<UserAccount | null> {
    return loaders
      .get(
        'staff.user',
        () => new DataLoader<string, UserAccount | null>((ids) => this.users.byStaffIds(ids)),
      )
      .load(staffId);
  }

  /** Staff by id, batched per request (for nested fields such as roster assignment → staff). */
  load(loaders: LoaderRegistry, id: string): Promise<StaffMember | null> {
    return loaders
      .get('staff.byId', () => new DataLoader<string, StaffMember | null>((ids) => this.byIds(ids)))
      .load(id);
  }

  /** A new person; an active one within MAX_ACTIVE_STAFF (`writeWithinCap`). */
  async create(spec: StaffSpec, id: string = randomUUID(), now = new Date()): Promise<StaffMember> {
    const doc = await this.build(spec, id, now, now);
    return writeWithinCap(
      this.activeCap(doc.active, doc.employeeNo),
      async () => {
        try {
          return await this.staff.insertOne(doc);
        } catch (e) {
          throw employeeNoConflict(e, spec.employeeNo);
        }
      },
      () => this.staff.deleteOne({ _id: id }),
    );
  }

  private activeCount(): Promise<number> {
    return this.staff.count({ active: true });
  }

  /** The active-staff cap of a write that may make `employeeNo` active. */
  private activeCap(activates: boolean, employeeNo: string): ActiveCap {
    return {
      activates,
      limit: MAX_ACTIVE_STAFF,
      count: () => this.activeCount(),
      refuse: (after) => tooManyActiveStaff(employeeNo, after, { field: 'active' }),
    };
  }

  /** A reactivation stays within MAX_ACTIVE_STAFF (`writeWithinCap`; a raced one is restored whole). */
  async update(id: string, patch: StaffPatch): Promise<StaffMember> {
    const current = await this.require(id);
    const set = withoutNulls(patch);
    const doc = await this.build({ ...current, ...set }, id, current.createdAt, new Date());
    const { _id: _omit, ...fields } = doc;
    try {
      const updated = await writeWithinCap(
        this.activeCap(!current.active && doc.active, doc.employeeNo),
        async () => {
          const written = await this.staff.findOneAndUpdate({ _id: id }, { $set: fields });
          if (!written) throw notFound('Staff', id);
          return written;
        },
        () => this.staff.replaceOne({ _id: id }, current),
      );
      if (current.active && !updated.active) await this.changed([id], 'DEACTIVATION');
      else if (planningChanged(current, updated)) await this.changed([id], 'CONTRACT');
      return updated;
    } catch (e) {
      throw employeeNoConflict(e, doc.employeeNo);
    }
  }

  /** Keeps the record (rosters refer to it) but takes the person out of planning. */
  async deactivate(id: string): Promise<StaffMember> {
    const updated = await this.staff.findOneAndUpdate(
      { _id: id },
      { $set: { active: false, updatedAt: new Date() } },
    );
    if (!updated) throw notFound('Staff', id);
    await this.changed([id], 'DEACTIVATION');
    return updated;
  }

  /**
   * Imports a staff table (from a file or GraphQL rows): validates every row (columns, types,
   * min ≤ max hours, unknown skills, duplicate employeeNo) and writes all rows in one atomic
   * bulk write — or nothing, throwing BAD_USER_INPUT with every bad row.
   */
  async importTable(table: Table): Promise<ImportSummary> {
    const known = new Set(await this.channels.knownSkills());
    const rows = validateRows(table, STAFF_COLUMNS, {
      key: ['employeeNo'],
      check: (v) => [...checkContract(toContract(v)), ...checkSkills(v.skills, known)],
    });
    await nextTurn();
    const existing = new Map(
      (await this.staff.find({ employeeNo: { $in: rows.map((r) => r.value.employeeNo) } })).map((s) => [
        s.employeeNo,
        s,
      ]),
    );
    await this.assertImportFits(rows, existing);
    const now = new Date();
    const ops: BulkOp<StaffDoc>[] = rows.map(({ value: v }) => {
      const old = existing.get(v.employeeNo);
      const fields = {
        employeeNo: v.employeeNo,
        name: v.name,
        skills: normaliseSkills(v.skills),
        contract: toContract(v),
        hourlyCost: v.hourlyCost,
        active: v.active,
        updatedAt: now,
      };
      return old
        ? { update: { filter: { _id: old._id }, update: { $set: fields } } }
        : { insert: { _id: randomUUID(), ...fields, preferences: NO_PREFERENCES, createdAt: now } };
    });
    if (ops.length > 0) await this.staff.bulkWrite(ops);
    await this.takeBackPastCap(rows, existing, ops);
    const touched = planningChanges(
      existing.values(),
      new Map(rows.map(({ value: v }) => [v.employeeNo, v])),
    );
    await this.changed(
      touched.filter(({ old, active }) => old.active && !active).map(({ old }) => old._id),
      'DEACTIVATION',
    );
    await this.changed(
      touched.filter(({ old, active }) => !old.active || active).map(({ old }) => old._id),
      'CONTRACT',
    );
    return { rows: rows.length, created: rows.length - existing.size, updated: existing.size };
  }

  /** Refuses, before anything is written, an import that would leave more than MAX_ACTIVE_STAFF active. */
  private async assertImportFits(rows: ImportedRows, existing: ReadonlyMap<string, StaffDoc>): Promise<void> {
    const over = overCap(activationRows(rows, existing), await this.activeCount());
    if (over) throw tooManyActiveStaff(over.row.employeeNo, over.after, { row: over.row.row });
  }

  /**
   * After an import's bulk write: when imports racing in other processes took the site past
   * MAX_ACTIVE_STAFF, takes this one back (its new people deleted, the others' fields restored)
   * in one bulk write, and refuses it.
   */
  private async takeBackPastCap(
    rows: ImportedRows,
    existing: ReadonlyMap<string, StaffDoc>,
    ops: readonly BulkOp<StaffDoc>[],
  ): Promise<void> {
    const activating = activationRows(rows, existing).filter((r) => r.active && !r.wasActive);
    const [first] = activating;
    if (first === undefined) return;
    const after = await this.activeCount();
    if (after <= MAX_ACTIVE_STAFF) return;
    const undo: BulkOp<StaffDoc>[] = [
      ...ops.flatMap((op) => ('insert' in op ? [{ delete: { filter: { _id: op.insert._id } } }] : [])),
      ...[...existing.values()].map((old) => ({ replace: { filter: { _id: old._id }, doc: old } })),
    ];
    await this.staff.bulkWrite(undo);
    throw tooManyActiveStaff(first.employeeNo, after, { row: first.row });
  }

  /**
   * GraphQL import: the rows go through exactly the file rules; row N is the Nth element (1-based).
   * Each step (coercion, table, validation, write) gets a turn of the event loop of its own.
   */
  async importRows(rows: readonly object[]): Promise<ImportSummary> {
    await nextTurn();
    const table = rowsToTable(rows, STAFF_FILE_COLUMNS);
    await nextTurn();
    return this.importTable(table);
  }

  /**
   * Seed upsert by employeeNo in one atomic bulk write: an existing person keeps their `_id`
   * and `createdAt`; a new one gets `idOf(employeeNo)`. Returns the ids by employeeNo. Refused,
   * with nothing written, when it would leave more than MAX_ACTIVE_STAFF active.
   */
  async upsertByEmployeeNo(
    specs: StaffSpec[],
    idOf: (employeeNo: string) => string,
    at: Date,
  ): Promise<Map<string, string>> {
    const existing = await existingByKey(
      this.staff,
      'employeeNo',
      specs.map((s) => s.employeeNo),
    );
    const known = new Set(await this.channels.knownSkills());
    const docs = specs.map((s) => {
      const old = existing.get(s.employeeNo);
      return this.buildKnown(s, old?._id ?? idOf(s.employeeNo), old?.createdAt ?? at, at, known);
    });
    const activations = docs.map((d, i) => ({
      row: i + 1,
      employeeNo: d.employeeNo,
      active: d.active,
      wasActive: existing.get(d.employeeNo)?.active ?? false,
    }));
    const over = overCap(activations, await this.activeCount());
    if (over) throw tooManyActiveStaff(over.row.employeeNo, over.after, { field: 'active' });
    await upsertAll(this.staff, docs);
    return new Map(docs.map((d) => [d.employeeNo, d._id]));
  }

  count(filter: StaffFilter = {}): Promise<number> {
    return this.staff.count(toFilter(filter));
  }

  private async build(spec: StaffSpec, id: string, createdAt: Date, updatedAt: Date): Promise<StaffDoc> {
    return this.buildKnown(spec, id, createdAt, updatedAt, new Set(await this.channels.knownSkills()));
  }

  private buildKnown(
    spec: StaffSpec,
    id: string,
    createdAt: Date,
    updatedAt: Date,
    known: ReadonlySet<string>,
  ): StaffDoc {
    const skills = normaliseSkills(spec.skills);
    const problems: FieldProblem[] = [...checkContract(spec.contract), ...checkSkills(skills, known)];
    if (skills.length === 0) problems.push({ field: 'skills', message: 'skills must not be empty' });
    for (const field of ['name', 'employeeNo'] as const) {
      const unsafe = unsafeTextProblem(field, spec[field]);
      if (unsafe) problems.push({ field, message: unsafe });
    }
    if (problems.length > 0) {
      const details: ErrorLocation[] = problems.map((p) => ({
        field: ['skills', 'name', 'employeeNo'].includes(p.field) ? p.field : `contract.${p.field}`,
        message: p.message,
      }));
      throw badInput(
        `Invalid staff ${spec.employeeNo}: ${problems.map((p) => p.message).join('; ')}`,
        details,
      );
    }
    return {
      _id: id,
      employeeNo: spec.employeeNo.trim(),
      name: spec.name.trim(),
      skills,
      contract: {
        minHoursWeek: spec.contract.minHoursWeek,
        maxHoursWeek: spec.contract.maxHoursWeek,
        maxDaysWeek: spec.contract.maxDaysWeek,
        maxConsecutiveDays: spec.contract.maxConsecutiveDays,
      },
      hourlyCost: spec.hourlyCost,
      active: spec.active ?? true,
      preferences: { ...NO_PREFERENCES, ...(spec.preferences ?? {}) },
      createdAt,
      updatedAt,
    };
  }
}

/** MANAGER, SERVICE_PROVIDER (and ADMIN) read every record; anyone else only their own. */
export function assertMayRead(viewer: Viewer | null, staffId: string): void {
  if (hasRole(viewer, Role.MANAGER, Role.SERVICE_PROVIDER)) return;
  if (viewer?.staffId && viewer.staffId === staffId) return;
  throw forbidden(
    viewer?.staffId
      ? `You may only see your own staff record and availability (staff ${viewer.staffId}), not staff ${staffId}`
      : 'Your account is not linked to a staff member',
  );
}

function toFilter(filter: StaffFilter): Filter {
  const f: Filter = {};
  if (filter.active !== undefined && filter.active !== null) f.active = filter.active;
  if (filter.skill) f.skills = filter.skill;
  const search = filter.search?.trim();
  if (search) {
    const re = { $regex: escapeRegex(search), $options: 'i' };
    f.$or = [{ name: re }, { employeeNo: re }];
  }
  return f;
}

/** Whether a change can break a published roster: contract, skills or the active flag. */
const planningChanged = (a: StaffDoc, b: Pick<StaffDoc, 'contract' | 'skills' | 'active'>): boolean =>
  a.active !== b.active ||
  JSON.stringify(a.contract) !== JSON.stringify(b.contract) ||
  [...a.skills].sort().join() !== [...b.skills].sort().join();

const toContract = (v: {
  minHoursWeek: number;
  maxHoursWeek: number;
  maxDaysWeek: number;
  maxConsecutiveDays: number;
}): Contract => ({
  minHoursWeek: v.minHoursWeek,
  maxHoursWeek: v.maxHoursWeek,
  maxDaysWeek: v.maxDaysWeek,
  maxConsecutiveDays: v.maxConsecutiveDays,
});

/**
 * The existing people (in store order) whose planning facts an import changed, each with the
 * `active` flag the import sets; `rows` holds every imported row by employeeNo.
 */
function planningChanges(
  existing: Iterable<StaffDoc>,
  rows: ReadonlyMap<string, RowOf<typeof STAFF_COLUMNS>>,
): { old: StaffDoc; active: boolean }[] {
  return [...existing].flatMap((old) => {
    const v = rows.get(old.employeeNo);
    if (!v) throw new AppError('INTERNAL', `staff ${old.employeeNo} was read for an import without that row`);
    const changed = planningChanged(old, {
      ...old,
      skills: normaliseSkills(v.skills),
      contract: toContract(v),
      active: v.active,
    });
    return changed ? [{ old, active: v.active }] : [];
  });
}

const employeeNoConflict = (e: unknown, employeeNo: string): unknown =>
  e instanceof AppError && e.code === 'CONFLICT'
    ? conflict(`employeeNo "${employeeNo}" is taken`, [{ field: 'employeeNo', message: 'already exists' }])
    : e;

type ImportedRows = readonly ValidatedRow<RowOf<typeof STAFF_COLUMNS>>[];

/** Each imported row as the active-staff cap sees it. */
const activationRows = (rows: ImportedRows, existing: ReadonlyMap<string, StaffDoc>) =>
  rows.map(({ row, value: v }) => ({
    row,
    employeeNo: v.employeeNo,
    active: v.active,
    wasActive: existing.get(v.employeeNo)?.active ?? false,
  }));
