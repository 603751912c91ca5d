/**
 * The counts each stored day keeps for `dataSummary` (see `dayCounts`), stamped with the basis
 * they were counted on: its channel's arrival hours and the site's zone, the two things that
 * decide which nulls are missing and when an interval starts. A day whose basis is not its
 * channel's current one (the hours changed, or it was stored before days kept counts) is
 * counted again before a summary adds it up.
 */
import { createHash } from 'node:crypto';
import { dayCounts, type VolumeDayCounts } from './volume-summary';
import type { OpeningHours, VolumeBucket } from './volume.types';

export interface VolumeDayStats extends VolumeDayCounts {
  /** A digest of the arrival hours and zone the counts were made with (`statsBasis`). */
  basis: string;
}

/** The basis of counts made with `hours` (null: every slot expects a value) in `timeZone`. */
export function statsBasis(hours: OpeningHours | null, timeZone: string): string {
  const days = hours
    ? Object.entries(hours)
        .flatMap(([day, windows]) =>
          windows && windows.length > 0 ? [[day, windows.map((w) => `${w.from}-${w.to}`)] as const] : [],
        )
        .sort(([a], [b]) => Number(a) - Number(b))
    : null;
  return createHash('sha256')
    .update(JSON.stringify([timeZone, days]))
    .digest('base64url')
    .slice(0, 16);
}

/** A day's counts with their basis (given when known: one digest a channel, not one a day). */
export const dayStats = (
  bucket: VolumeBucket,
  hours: OpeningHours | null,
  timeZone: string,
  basis = statsBasis(hours, timeZone),
): VolumeDayStats => ({ ...dayCounts(bucket, hours, timeZone), basis });
