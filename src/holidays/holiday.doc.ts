export const HOLIDAYS = 'holidays';

export type HolidayEffectKind = 'CLOSED' | 'FACTOR';

/** One day of the site's holiday calendar (`_id` = the date: one entry per day). */
export interface HolidayDoc {
  _id: string;
  /** Site-local day, YYYY-MM-DD. */
  date: string;
  name: string;
  /** CLOSED: no volume; FACTOR: the forecast is multiplied by `factor`. */
  effect: HolidayEffectKind;
  factor: number | null;
  updatedAt: Date;
  updatedBy: string | null;
}
