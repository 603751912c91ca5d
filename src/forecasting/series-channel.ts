import type { Channel } from '../channels/channel.types';
import { arrivalHours } from '../volumes/volume.service';
import type { SeriesChannel } from './history-series';

/** What the history series needs of a channel: its key, interval length and opening hours. */
export const seriesChannel = (c: Channel): SeriesChannel => ({
  key: c.key,
  intervalMinutes: c.intervalMinutes,
  openingHours: arrivalHours(c),
});
