import { addDays, assertDateArgument } from '../common/calendar';
import { badInput, notFound } from '../errors';
import type { Collection, DocumentStore } from '../store/document-store';
import { checkFactor, type HolidayEffect } from './holiday-effect';
import { HOLIDAYS, type HolidayDoc, type HolidayEffectKind } from './holiday.doc';

export interface HolidaySpec {
  date: string;
  name: string;
  effect: HolidayEffectKind;
  factor?: number | null;
}

/** Longest name, and most days one query may return. */
export const MAX_HOLIDAY_NAME = 100;
export const MAX_HOLIDAY_RANGE_DAYS = 3700;

const dayMs = 86_400_000;

/** The forecasting effect of a calendar entry. */
export const effectOf = (h: Pick<HolidayDoc, 'effect' | 'factor'>): HolidayEffect =>
  h.effect === 'CLOSED' ? { kind: 'CLOSED' } : { kind: 'FACTOR', factor: h.factor ?? 1 };

/**
 * The site's holiday calendar: one entry per date (a CLOSED day or a volume factor), seeded
 * from seeds/holidays.json and edited by managers. Forecasting reads it for past holidays
 * (not treated as normal history) and for the days ahead.
 */
export class HolidayService {
  private readonly holidays: Collection<HolidayDoc>;

  constructor(store: DocumentStore) {
    this.holidays = store.collection<HolidayDoc>(HOLIDAYS);
  }

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.collection<HolidayDoc>(HOLIDAYS).createIndex({ keys: { date: 1 }, name: 'date' });
  }

  /** Entries with from ≤ date < to, by date. */
  async between(from: string, to: string): Promise<HolidayDoc[]> {
    assertDateArgument('from', from);
    assertDateArgument('to', to);
    const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs;
    if (days < 0 || days > MAX_HOLIDAY_RANGE_DAYS)
      throw badInput(`to must be on or after from and at most ${MAX_HOLIDAY_RANGE_DAYS} days later`, [
        { field: 'to', message: 'range' },
      ]);
    return this.holidays.find({ date: { $gte: from, $lt: to } }, { sort: { date: 1 } });
  }

  /** The dates of the seven days from `week` (a Monday) the site is CLOSED, in order. */
  async closedInWeek(week: string): Promise<string[]> {
    return (await this.between(week, addDays(week, 7)))
      .filter((h) => h.effect === 'CLOSED')
      .map((h) => h.date);
  }

  /** Creates or replaces the entry of a date. */
  async set(spec: HolidaySpec, updatedBy: string | null): Promise<HolidayDoc> {
    assertDateArgument('date', spec.date);
    const name = spec.name.trim();
    if (name.length < 1 || name.length > MAX_HOLIDAY_NAME)
      throw badInput(`name must be 1 to ${MAX_HOLIDAY_NAME} characters`, [
        { field: 'name', message: 'length' },
      ]);
    if (spec.effect !== 'CLOSED' && spec.effect !== 'FACTOR')
      throw badInput(`effect must be CLOSED or FACTOR, got ${String(spec.effect)}`, [
        { field: 'effect', message: 'unknown effect' },
      ]);
    let factor: number | null = null;
    if (spec.effect === 'FACTOR') {
      if (spec.factor === undefined || spec.factor === null)
        throw badInput('factor is required when effect is FACTOR', [
          { field: 'factor', message: 'required' },
        ]);
      checkFactor(spec.factor);
      factor = spec.factor;
    } else if (spec.factor !== undefined && spec.factor !== null)
      // a CLOSED day has no volume to scale: a factor sent with it was dropped without a word
      throw badInput(
        `factor is for FACTOR days only; a CLOSED day has no volume (got factor ${spec.factor})`,
        [{ field: 'factor', message: 'only with effect FACTOR' }],
      );
    const doc: HolidayDoc = {
      _id: spec.date,
      date: spec.date,
      name,
      effect: spec.effect,
      factor,
      updatedAt: new Date(),
      updatedBy,
    };
    const { _id, ...fields } = doc;
    await this.holidays.updateOne({ _id }, { $set: fields }, { upsert: true });
    return doc;
  }

  async remove(date: string): Promise<boolean> {
    assertDateArgument('date', date);
    const removed = await this.holidays.deleteOne({ _id: date });
    if (removed === 0) throw notFound('Holiday', date);
    return true;
  }

  /** Upserts entries that are not in the calendar yet (keeps managers' edits); returns how many were added. */
  async seed(specs: HolidaySpec[]): Promise<number> {
    let added = 0;
    for (const spec of specs) {
      if (await this.holidays.findById(spec.date)) continue;
      await this.set(spec, null);
      added++;
    }
    return added;
  }
}
