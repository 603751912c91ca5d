import type { VolumeDayStats } from './volume-stats';
import type { VolumeBucket } from './volume.types';

export const VOLUMES = 'volumes';

/** `_id` of a volume bucket: one per channel and site-local day. */
export const volumeId = (channel: string, date: string): string => `${channel}:${date}`;

/** One channel's volumes of one site-local day (bucket pattern), `_id` = `${channel}:${date}`. */
export interface VolumeDoc extends VolumeBucket {
  _id: string;
  updatedAt: Date;
  /** The day's counts for `dataSummary`, written with the values (absent on days stored before). */
  stats?: VolumeDayStats;
}
