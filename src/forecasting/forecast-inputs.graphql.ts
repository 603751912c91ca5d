import { GraphQLLocalDate } from 'graphql-scalars';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { PageArgs } from '../common/connection.graphql';
import { CHANNEL_KEY } from '../volumes/volume-inputs.graphql';
import { ModelSelectionEnum } from './forecast.graphql';
import { MAX_HORIZON_DAYS } from './forecast.service';

const CHANNEL_MESSAGE = 'channel must be a channel key such as "calls"';

@ArgsType()
export class ChannelArgs {
  @Field({ description: 'Channel key, e.g. `calls`.' })
  @Matches(CHANNEL_KEY, { message: CHANNEL_MESSAGE })
  channel!: string;
}

@ArgsType()
export class TrainModelArgs extends ChannelArgs {
  @Field(() => ModelSelectionEnum, { defaultValue: 'AUTO' })
  kind!: keyof typeof ModelSelectionEnum;
}

@ArgsType()
export class RunForecastArgs extends ChannelArgs {
  @Field(() => GraphQLLocalDate, { description: 'First site-local day forecast (from its local midnight).' })
  start!: string;

  @Field(() => Int, { description: `Days to forecast, 1–${MAX_HORIZON_DAYS}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_HORIZON_DAYS)
  horizonDays!: number;
}

@ArgsType()
export class ForecastListArgs extends PageArgs {
  @Field({ description: 'Channel key.' })
  @Matches(CHANNEL_KEY, { message: CHANNEL_MESSAGE })
  channel!: string;
}
