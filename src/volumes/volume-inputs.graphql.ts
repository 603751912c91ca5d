import { GraphQLLocalDate } from 'graphql-scalars';
import { Matches } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';

export const CHANNEL_KEY = /^[a-z][a-z0-9_]{0,39}$/;

@ArgsType()
export class ChannelRangeArgs {
  @Field({ description: 'Channel key, e.g. `calls`.' })
  @Matches(CHANNEL_KEY, { message: 'channel must be a channel key such as "calls"' })
  channel!: string;

  @Field(() => GraphQLLocalDate, { description: 'First site-local day (inclusive).' })
  from!: string;

  @Field(() => GraphQLLocalDate, { description: 'Last site-local day (inclusive).' })
  to!: string;
}
