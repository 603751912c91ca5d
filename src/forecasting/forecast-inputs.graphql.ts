import { GraphQLLocalDate } from 'graphql-scalars';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { ArgsType, Field, Float, Int } from 'type-graphql';
import { clip } from '../common/bounded';
import { PageArgs } from '../common/connection.graphql';
import { badInput } from '../errors';
import { CHANNEL_KEY } from '../volumes/volume-inputs.graphql';
import { BoxCoxModeEnum, ModelSelectionEnum } from './forecast.graphql';
import { BOX_COX_LAMBDA_RANGE } from './model-training-options';
import { MAX_HORIZON_DAYS } from './forecast.service';

const CHANNEL_MESSAGE = 'channel must be a channel key such as "calls"';

/** Refuses what `ChannelArgs` refuses, for a subscription's topic (checked when it opens). */
export function assertChannelKey(value: string, field: string): void {
  if (!CHANNEL_KEY.test(value))
    throw badInput(`${CHANNEL_MESSAGE}, got "${clip(value, 40)}"`, [{ field, message: 'not a channel key' }]);
}

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

  @Field(() => BoxCoxModeEnum, {
    nullable: true,
    description:
      'Box-Cox for a single model kind (default NONE); AUTO and ENSEMBLE choose it by backtest and refuse it.',
  })
  boxCox?: keyof typeof BoxCoxModeEnum;

  @Field(() => Float, {
    nullable: true,
    description: `A fixed Box-Cox λ in [${BOX_COX_LAMBDA_RANGE.join(', ')}] for a single model kind, instead of boxCox.`,
  })
  @Min(BOX_COX_LAMBDA_RANGE[0])
  @Max(BOX_COX_LAMBDA_RANGE[1])
  boxCoxLambda?: number;
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
