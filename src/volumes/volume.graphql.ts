import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { MAX_LISTED_ISSUES } from './volume.validation';

@ObjectType({ description: 'One interval of a channel’s history.' })
export class VolumeInterval {
  @Field(() => Date, { description: 'Interval start (UTC).' })
  t!: Date;

  @Field(() => GraphQLLocalDate, { description: 'Site-local day.' })
  date!: string;

  @Field(() => Int, { description: 'Interval of that local day (0-based; 92 / 100 on DST days at 15 min).' })
  index!: number;

  @Field(() => Float, { nullable: true, description: 'Contacts; null: no value received.' })
  value!: number | null;

  @Field({ description: 'Inside the channel’s opening hours.' })
  open!: boolean;
}

@ObjectType({ description: 'A channel’s volumes over a range of site-local days.' })
export class VolumeSeries {
  @Field()
  channel!: string;

  @Field(() => Int)
  intervalMinutes!: number;

  @Field()
  timeZone!: string;

  @Field(() => [VolumeInterval])
  intervals!: VolumeInterval[];
}

@ObjectType({ description: 'Coverage of one channel’s stored history.' })
export class VolumeSummary {
  @Field()
  channel!: string;

  @Field(() => Int)
  intervalMinutes!: number;

  @Field(() => Int, { description: 'Local days with a bucket.' })
  days!: number;

  @Field(() => Date, { nullable: true, description: 'Start of the first interval holding a value.' })
  first!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Start of the last interval holding a value.' })
  last!: Date | null;

  @Field(() => Int, { description: 'Interval slots in the stored days.' })
  intervals!: number;

  @Field(() => Int, { description: 'Slots holding a value.' })
  count!: number;

  @Field(() => Int, { description: 'Slots without a value (missing, or closed).' })
  missing!: number;

  @Field(() => Int)
  zeros!: number;

  @Field(() => Float)
  total!: number;
}

@ObjectType({ description: 'Contacts of one channel read by an import.' })
export class ChannelImportStats {
  @Field()
  channel!: string;

  @Field({ description: '`interval` (one row per interval) or `finer` (summed into intervals).' })
  granularity!: string;

  @Field(() => Int)
  values!: number;

  @Field(() => Int)
  days!: number;

  @Field(() => Float)
  total!: number;
}

@ObjectType({ description: 'An interval of a channel: where a data-quality issue was found.' })
export class VolumeIssue {
  @Field()
  channel!: string;

  @Field(() => GraphQLLocalDate)
  date!: string;

  @Field(() => Int)
  index!: number;

  @Field(() => Date)
  timestamp!: Date;

  @Field(() => Float, { nullable: true })
  value!: number | null;
}

@ObjectType({ description: 'Several rows of one import for the same channel and interval (summed).' })
export class DuplicateIssue extends VolumeIssue {
  @Field(() => [Int], { description: 'File rows (header = 1).' })
  rows!: number[];

  @Field(() => [Float])
  values!: number[];
}

@ObjectType({ description: 'A value far from its interval-of-week median (robust z-score).' })
export class OutlierIssue extends VolumeIssue {
  @Field(() => Float, { description: 'Median of the same local interval of the week.' })
  expected!: number;

  @Field(() => Float, { description: '|residual − median| / (1.4826·MAD), on the Anscombe scale.' })
  score!: number;
}

@ObjectType({ description: 'How many issues of each kind a data-quality report found.' })
export class VolumeIssueCounts {
  @Field(() => Int)
  missing!: number;

  @Field(() => Int)
  duplicates!: number;

  @Field(() => Int)
  negatives!: number;

  @Field(() => Int)
  outsideOpeningHours!: number;

  @Field(() => Int)
  outliers!: number;
}

@ObjectType({
  description:
    `Data-quality report of a channel’s history. Each list holds the first ${MAX_LISTED_ISSUES} ` +
    'issues of its kind in time order; `counts` has them all.',
})
export class VolumeValidation {
  @Field(() => [VolumeIssue], { description: 'Open intervals without a value (absent days included).' })
  missing!: VolumeIssue[];

  @Field(() => [DuplicateIssue], { description: 'Only reported by an import (storage keeps one value).' })
  duplicates!: DuplicateIssue[];

  @Field(() => [VolumeIssue])
  negatives!: VolumeIssue[];

  @Field(() => [VolumeIssue], { description: 'Non-zero values outside opening hours.' })
  outsideOpeningHours!: VolumeIssue[];

  @Field(() => [OutlierIssue])
  outliers!: OutlierIssue[];

  @Field(() => VolumeIssueCounts)
  counts!: VolumeIssueCounts;
}

@ObjectType({ description: 'What an import wrote (all rows, or nothing on any error).' })
export class VolumeImportResult {
  @Field({ description: '`long` (timestamp,channel,value) or `wide` (timestamp,<channel>…).' })
  format!: string;

  @Field(() => Int, { description: 'Data rows read.' })
  rows!: number;

  @Field(() => Int, { description: 'Buckets (channel × local day) written.' })
  days!: number;

  @Field(() => [ChannelImportStats])
  channels!: ChannelImportStats[];

  @Field(() => [DuplicateIssue], {
    description: `Repeated intervals in the file, their values summed: the first ${MAX_LISTED_ISSUES}.`,
  })
  duplicates!: DuplicateIssue[];

  @Field(() => Int, { description: 'Repeated intervals in all.' })
  duplicateCount!: number;
}
