import { Arg, Args, Authorized, Mutation, Query, Resolver } from 'type-graphql';
import { PLAN_READERS, Role } from '../auth/roles';
import { ChannelRangeArgs } from './volume-inputs.graphql';
import { MAX_SERIES_DAYS, VolumeService } from './volume.service';
import { VolumeImportResult, VolumeSeries, VolumeSummary, VolumeValidation } from './volume.graphql';
import type { VolumeSummary as CoreSummary } from './volume-summary';
import type { VolumeIssues } from './volume.validation';
import type { VolumeImportReport } from './volume.service';
import { sum } from '../common/sum';

const toSummary = (s: CoreSummary): VolumeSummary => ({
  channel: s.channel,
  intervalMinutes: s.intervalMinutes,
  days: s.days,
  first: s.first ? new Date(s.first) : null,
  last: s.last ? new Date(s.last) : null,
  intervals: s.intervals,
  count: s.withValue,
  missing: s.missing,
  zeros: s.zeros,
  total: s.total,
});

const withDate = <T extends { timestamp: string }>(i: T): Omit<T, 'timestamp'> & { timestamp: Date } => ({
  ...i,
  timestamp: new Date(i.timestamp),
});

const toValidation = (v: VolumeIssues): VolumeValidation => ({
  missing: v.missing.map(withDate),
  duplicates: v.duplicates.map(withDate),
  negatives: v.negatives.map(withDate),
  outsideOpeningHours: v.outsideOpeningHours.map(withDate),
  outliers: v.outliers.map(withDate),
  counts: v.counts,
});

const toImportResult = (r: VolumeImportReport): VolumeImportResult => ({
  ...r,
  duplicates: r.duplicates.map((d) => ({ ...withDate(d), value: sum(d.values) })),
});

@Resolver()
export class VolumeResolver {
  constructor(private readonly volumeService: VolumeService) {}

  @Authorized(Role.MANAGER)
  @Mutation(() => VolumeImportResult, {
    description:
      'Imports CSV volumes, long (`timestamp,channel,value`) or wide (`timestamp,<channel>,…`). ' +
      'All or nothing: any bad row fails the whole import with every error in `extensions.details`.',
  })
  importVolumes(@Arg('csv') csv: string): Promise<VolumeImportResult> {
    return this.volumeService.importCsv(csv).then(toImportResult);
  }

  @Authorized(...PLAN_READERS)
  @Query(() => VolumeSeries, {
    description: `Every interval of a channel over site-local days [from, to], at most ${MAX_SERIES_DAYS} days.`,
  })
  volumes(@Args() { channel, from, to }: ChannelRangeArgs): Promise<VolumeSeries> {
    return this.volumeService.series(channel, from, to);
  }

  @Authorized(...PLAN_READERS)
  @Query(() => [VolumeSummary], {
    description: 'Per channel: first / last timestamp, counts, missing, zeros.',
  })
  async dataSummary(): Promise<VolumeSummary[]> {
    return (await this.volumeService.summary()).map(toSummary);
  }

  @Authorized(...PLAN_READERS)
  @Query(() => VolumeValidation, {
    description: 'Missing intervals, negatives, values outside opening hours and seasonal outliers.',
  })
  validateVolumes(@Args() { channel, from, to }: ChannelRangeArgs): Promise<VolumeValidation> {
    return this.volumeService.validate(channel, from, to).then(toValidation);
  }
}
