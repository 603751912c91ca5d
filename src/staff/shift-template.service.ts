import { clockToMinutes } from '../common/calendar';
import { randomUUID } from 'node:crypto';
import type { ChannelService } from '../channels/channel.service';
import { type Connected, toConnection } from '../common/connection';
import { type PageRequest, paginate } from '../common/pagination';
import { AppError, badInput, conflict, notFound, type ErrorLocation } from '../errors';
import type { Collection, DocumentStore, Filter } from '../store/document-store';
import { existingByKey, upsertAll } from '../store/upsert-by-key';
import { type ActiveCap, writeWithinCap } from '../common/active-cap';
import { MAX_ACTIVE_SHIFT_TEMPLATES, templatesOverCap, tooManyActiveTemplates } from './active-template-cap';
import { breakRuleIssues, breakRulesOf, unpaidBreakMinutes } from './shift-breaks.core';
import { SHIFT_TEMPLATES, type ShiftTemplateDoc } from './staff.doc';
import type { ShiftTemplate } from './staff.types';
import { checkSkills, normaliseSkills } from './staff.validation';
import { withoutNulls } from '../common/without-nulls';

export type ShiftTemplateSpec = Omit<ShiftTemplateDoc, '_id' | 'active'> & { active?: boolean };
export type ShiftTemplatePatch = Partial<ShiftTemplateSpec>;

export interface ShiftTemplateFilter {
  active?: boolean | null;
  skill?: string | null;
}

/** Pure rules of a shift template; every problem with its field. */
export function checkShiftTemplate(t: ShiftTemplateSpec, known: ReadonlySet<string>): ErrorLocation[] {
  const errors: ErrorLocation[] = [];
  if (t.name.trim() === '') errors.push({ field: 'name', message: 'name is required' });
  if (clockToMinutes(t.start) === null)
    errors.push({ field: 'start', message: `start must be a time HH:MM, got "${t.start}"` });
  if (
    !Number.isInteger(t.durationMinutes) ||
    t.durationMinutes < 60 ||
    t.durationMinutes > 720 ||
    t.durationMinutes % 15 !== 0
  )
    errors.push({
      field: 'durationMinutes',
      message: `durationMinutes must be a multiple of 15 in [60, 720], got ${t.durationMinutes}`,
    });
  for (const issue of breakRuleIssues(t.durationMinutes, t.breaks ?? []))
    errors.push({ field: issue.field, message: issue.message });
  if (!Number.isInteger(t.breakMinutes) || t.breakMinutes < 0 || t.breakMinutes >= t.durationMinutes)
    errors.push({
      field: 'breakMinutes',
      message: `breakMinutes must be ≥ 0 and shorter than durationMinutes (${t.durationMinutes}), got ${t.breakMinutes}`,
    });
  const badDays = t.daysOfWeek.filter((d) => !Number.isInteger(d) || d < 1 || d > 7);
  if (t.daysOfWeek.length === 0 || badDays.length > 0)
    errors.push({
      field: 'daysOfWeek',
      message: `daysOfWeek must be 1 (Monday) … 7 (Sunday), at least one, got [${t.daysOfWeek.join(', ')}]`,
    });
  if (t.skills.length === 0) errors.push({ field: 'skills', message: 'skills must not be empty' });
  errors.push(...checkSkills(t.skills, known));
  return errors;
}

export class ShiftTemplateService {
  private readonly templates: Collection<ShiftTemplateDoc>;

  constructor(
    store: DocumentStore,
    private readonly channels: ChannelService,
  ) {
    this.templates = store.collection<ShiftTemplateDoc>(SHIFT_TEMPLATES);
  }

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store
      .collection<ShiftTemplateDoc>(SHIFT_TEMPLATES)
      .createIndex({ keys: { name: 1 }, unique: true });
  }

  /** Templates ordered by name, a page at a time. */
  async list(filter: ShiftTemplateFilter, page: PageRequest): Promise<Connected<ShiftTemplate>> {
    return toConnection(
      await paginate(this.templates, toFilter(filter), { field: 'name', direction: 1 }, page),
    );
  }

  /** Every active template (optionally serving `skill`), ordered by start then name. */
  listActive(skill?: string | null): Promise<ShiftTemplate[]> {
    return this.templates.find(toFilter({ active: true, skill }), { sort: { start: 1, name: 1 } });
  }

  /** The templates a roster may use: every active one, ordered by start then id (a stable problem order). */
  forRoster(): Promise<ShiftTemplate[]> {
    return this.templates.find({ active: true }, { sort: { start: 1, _id: 1 } });
  }

  async require(id: string): Promise<ShiftTemplate> {
    const doc = await this.templates.findById(id);
    if (!doc) throw notFound('ShiftTemplate', id);
    return doc;
  }

  byName(name: string): Promise<ShiftTemplate | null> {
    return this.templates.findOne({ name });
  }

  /** Active templates now (the roster counts them before reading any). */
  countActive(): Promise<number> {
    return this.templates.count({ active: true });
  }

  /** A new template; an active one within MAX_ACTIVE_SHIFT_TEMPLATES (`writeWithinCap`). */
  async create(spec: ShiftTemplateSpec, id: string = randomUUID()): Promise<ShiftTemplate> {
    const doc = await this.build(spec, id);
    return writeWithinCap(
      this.activeCap(doc.active, doc.name),
      async () => {
        try {
          return await this.templates.insertOne(doc);
        } catch (e) {
          throw nameConflict(e, doc.name);
        }
      },
      () => this.templates.deleteOne({ _id: id }),
    );
  }

  /** The active-template cap of a write that may make template `name` active. */
  private activeCap(activates: boolean, name: string): ActiveCap {
    return {
      activates,
      limit: MAX_ACTIVE_SHIFT_TEMPLATES,
      count: () => this.countActive(),
      refuse: (after) => tooManyActiveTemplates(name, after),
    };
  }

  /** A reactivation is refused past the cap, and taken back when a racing one passed it. */
  async update(id: string, patch: ShiftTemplatePatch): Promise<ShiftTemplate> {
    const current = await this.require(id);
    const set = withoutNulls(patch);
    // A legacy client changing breakMinutes without breaks gets the legacy rule for it.
    const base: ShiftTemplateSpec = { ...current };
    if (set.breaks === undefined && set.breakMinutes !== undefined) delete base.breaks;
    const { _id: _omit, ...fields } = await this.build({ ...base, ...set }, id);
    try {
      return await writeWithinCap(
        this.activeCap(!current.active && fields.active, fields.name),
        async () => {
          const updated = await this.templates.findOneAndUpdate({ _id: id }, { $set: fields });
          if (!updated) throw notFound('ShiftTemplate', id);
          return updated;
        },
        // whole: the update may have added fields a legacy template lacked (its break rules)
        () => this.templates.replaceOne({ _id: id }, current),
      );
    } catch (e) {
      throw nameConflict(e, fields.name);
    }
  }

  async deactivate(id: string): Promise<ShiftTemplate> {
    const updated = await this.templates.findOneAndUpdate({ _id: id }, { $set: { active: false } });
    if (!updated) throw notFound('ShiftTemplate', id);
    return updated;
  }

  /**
   * Seed upsert by name (one atomic bulk write); an existing template keeps its `_id`. Refused,
   * with nothing written, when it would leave more than MAX_ACTIVE_SHIFT_TEMPLATES active.
   */
  async upsertByName(specs: ShiftTemplateSpec[], idOf: (name: string) => string): Promise<number> {
    const existing = await existingByKey(
      this.templates,
      'name',
      specs.map((s) => s.name),
    );
    const known = new Set(await this.channels.knownSkills());
    const docs = specs.map((s) => buildTemplate(s, existing.get(s.name)?._id ?? idOf(s.name), known));
    const activations = docs.map((d, i) => ({
      name: d.name,
      active: d.active,
      wasActive: existing.get(specs[i]?.name ?? d.name)?.active ?? false,
    }));
    const over = templatesOverCap(activations, await this.countActive());
    if (over) throw tooManyActiveTemplates(over.row.name, over.after);
    await upsertAll(this.templates, docs);
    return docs.length;
  }

  private async build(spec: ShiftTemplateSpec, id: string): Promise<ShiftTemplateDoc> {
    return buildTemplate(spec, id, new Set(await this.channels.knownSkills()));
  }
}

/**
 * Every stored template carries its break rules: given ones (breakMinutes becomes their
 * unpaid total) or, from breakMinutes alone, one unpaid break with a window around mid-shift.
 */
function buildTemplate(spec: ShiftTemplateSpec, id: string, known: ReadonlySet<string>): ShiftTemplateDoc {
  const given =
    spec.breaks && spec.breaks.length > 0 ? spec.breaks.map((b) => ({ ...b, paid: b.paid ?? false })) : null;
  const t: ShiftTemplateSpec = {
    ...spec,
    breakMinutes: given ? unpaidBreakMinutes(given) : spec.breakMinutes,
    breaks: given ?? breakRulesOf({ durationMinutes: spec.durationMinutes, breakMinutes: spec.breakMinutes }),
    name: spec.name.trim(),
    skills: normaliseSkills(spec.skills),
    daysOfWeek: [...new Set(spec.daysOfWeek)].sort((a, b) => a - b),
  };
  const errors = checkShiftTemplate(t, known);
  if (errors.length > 0)
    throw badInput(`Invalid shift template ${t.name}: ${errors.map((e) => e.message).join('; ')}`, errors);
  return {
    _id: id,
    name: t.name,
    start: t.start,
    durationMinutes: t.durationMinutes,
    breakMinutes: t.breakMinutes,
    breaks: t.breaks,
    daysOfWeek: t.daysOfWeek,
    skills: t.skills,
    active: spec.active ?? true,
  };
}

function toFilter(filter: ShiftTemplateFilter): Filter {
  const f: Filter = {};
  if (filter.active !== undefined && filter.active !== null) f.active = filter.active;
  if (filter.skill) f.skills = filter.skill;
  return f;
}

const nameConflict = (e: unknown, name: string): unknown =>
  e instanceof AppError && e.code === 'CONFLICT'
    ? conflict(`shift template name "${name}" is taken`, [{ field: 'name', message: 'already exists' }])
    : e;
