import type { SeedStep } from '../common/seed-step';
import type { ChannelService, ChannelSpec } from './channel.service';

/** Upserts the demo channels by key, with ids `channel-<key>`. */
export const channelSeedStep = (channels: ChannelService, specs: ChannelSpec[]): SeedStep => ({
  name: 'channels',
  run: (ctx) => channels.upsertByKey(specs, (key) => `channel-${key}`, ctx.at),
});
