import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../common/connection.graphql';

/** GraphQL enum of the model's `ChannelKind`. */
export const ChannelKindEnum = { LIVE: 'LIVE', DEFERRED: 'DEFERRED' } as const;
registerEnumType(ChannelKindEnum, {
  name: 'ChannelKind',
  description:
    'LIVE: answered as it arrives (Erlang). DEFERRED: worked later within responseHours (workload).',
});

@ObjectType({ description: 'Share of contacts answered within `answerSeconds`.' })
export class ServiceLevel {
  @Field(() => Float, { description: 'Target share in (0, 1], e.g. 0.8.' })
  target!: number;

  @Field(() => Int)
  answerSeconds!: number;
}

@ObjectType({ description: 'An opening window on one day of the week (1 = Monday … 7 = Sunday).' })
export class OpeningWindow {
  @Field(() => Int)
  dayOfWeek!: number;

  @Field({ description: '"HH:MM".' })
  from!: string;

  @Field({ description: '"HH:MM" or "24:00".' })
  to!: string;
}

@ObjectType({ description: 'A contact channel and its planning parameters.' })
export class Channel {
  @Field(() => ID, { name: 'id' })
  _id!: string;

  @Field({ description: 'Stable key used in imports and queries, e.g. `calls`, `outbound_nb`.' })
  key!: string;

  @Field()
  name!: string;

  @Field(() => ChannelKindEnum)
  kind!: 'LIVE' | 'DEFERRED';

  @Field(() => Int, { description: '15, 30 or 60.' })
  intervalMinutes!: number;

  @Field(() => Float, { description: 'Average handling time.' })
  ahtSeconds!: number;

  @Field(() => ServiceLevel)
  serviceLevel!: ServiceLevel;

  @Field(() => Float, { nullable: true, description: 'Mean caller patience (Erlang A); null: Erlang C.' })
  patienceSeconds!: number | null;

  @Field(() => Float, { description: 'In (0, 1].' })
  maxOccupancy!: number;

  @Field(() => Float, { description: 'Share of paid time not available for work, in [0, 1).' })
  shrinkage!: number;

  @Field(() => Float, { nullable: true, description: 'Hours within which DEFERRED work must be done.' })
  responseHours!: number | null;

  @Field({ description: 'Skill an agent needs to work this channel.' })
  requiredSkill!: string;

  @Field(() => [OpeningWindow])
  openingHours!: OpeningWindow[];

  @Field()
  active!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType()
export class ChannelConnection extends Connection(Channel, 'Channel') {}

@InputType()
export class ChannelFilterInput {
  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;

  @Field(() => ChannelKindEnum, { nullable: true })
  kind?: 'LIVE' | 'DEFERRED' | null;
}

@ArgsType()
export class ChannelListArgs {
  @Field(() => ChannelFilterInput, { nullable: true })
  filter?: ChannelFilterInput | null;
}
