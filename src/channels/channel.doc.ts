import type { Channel } from './channel.types';

export const CHANNELS = 'channels';

/** A channel as stored: the public `Channel` (channel.types.ts) as it is. */
export type ChannelDoc = Channel;
