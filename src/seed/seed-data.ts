/**
 * The one module of src/ that reads seeds/ (a dependency-cruiser rule enforces it): the demo
 * data and generators, typed as the features' seed steps take them.
 */
import channelFile from '../../seeds/channels.json';
import holidayFile from '../../seeds/holidays.json';
import templateFile from '../../seeds/shift-templates.json';
import { generateHistory, historyToCsv } from '../../seeds/history.generator';
import { generateStaff } from '../../seeds/staff.generator';
import type { ChannelSpec } from '../channels/channel.service';
import type { ShiftTemplateSpec } from '../staff/shift-template.service';
import type { SeedSite } from '../staff/staff.seed';

export interface DemoSeedData {
  channels: ChannelSpec[];
  shiftTemplates: ShiftTemplateSpec[];
  holidays: readonly { date: string; name: string }[];
  /** The generated people and leave, relative to the anchor Monday. */
  site: (anchorDate: string) => SeedSite;
  /** `weeks` of generated history ending on `end`, as an import CSV. */
  historyCsv: (end: string, weeks: number) => string;
}

export const DEMO_SEED_DATA: DemoSeedData = {
  channels: channelFile as ChannelSpec[],
  shiftTemplates: templateFile,
  holidays: holidayFile.dates,
  site: (anchorDate) => generateStaff({ anchorDate }),
  historyCsv: (end, weeks) => historyToCsv(generateHistory({ end, weeks })),
};
