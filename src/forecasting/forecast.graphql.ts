import { GraphQLJSONObject, GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../common/connection.graphql';
import type { ForecastUpdatedEvent } from '../events/topics';
import type * as docs from './forecast.doc';
import type * as types from './forecast.types';

/** GraphQL enums of the core's `ModelSelection` / `ModelKind`. */
export const ModelSelectionEnum = {
  AUTO: 'AUTO',
  SNAIVE: 'SNAIVE',
  MSTL: 'MSTL',
  ARIMA: 'ARIMA',
  THETA: 'THETA',
  ETS: 'ETS',
  HARMONIC: 'HARMONIC',
  PROPHET: 'PROPHET',
  ENSEMBLE: 'ENSEMBLE',
} as const;
export const ModelKindEnum = {
  SNAIVE: 'SNAIVE',
  MSTL: 'MSTL',
  ARIMA: 'ARIMA',
  THETA: 'THETA',
  ETS: 'ETS',
  HARMONIC: 'HARMONIC',
  PROPHET: 'PROPHET',
  ENSEMBLE: 'ENSEMBLE',
} as const;
export const ModelStatusEnum = { ACTIVE: 'ACTIVE', INACTIVE: 'INACTIVE' } as const;
export const BoxCoxModeEnum = { NONE: 'NONE', GUERRERO: 'GUERRERO' } as const;
registerEnumType(ModelSelectionEnum, {
  name: 'ModelSelection',
  description: 'A model kind, or AUTO: the lowest mean MASE in a rolling-origin backtest.',
});
registerEnumType(ModelKindEnum, {
  name: 'ModelKind',
  description:
    'SNAIVE seasonal naive, MSTL (+AutoETS), ARIMA (SARIMA), THETA (SES with drift), ETS (exponential smoothing state space, as R’s ets), HARMONIC (Fourier terms + SES level), PROPHET, ENSEMBLE (inverse-error weighted best three).',
});
registerEnumType(BoxCoxModeEnum, {
  name: 'BoxCoxMode',
  description:
    'Box-Cox transformation of a single model: NONE, or GUERRERO (λ by Guerrero’s method, as R’s `lambda = "auto"`).',
});
registerEnumType(ModelStatusEnum, {
  name: 'ModelStatus',
  description: 'Exactly one ACTIVE version per channel.',
});

type Kind = keyof typeof ModelKindEnum;

@ObjectType({ description: 'Rolling-origin backtest (one week per origin); null: not defined.' })
export class BacktestMetrics {
  @Field(() => Float, {
    nullable: true,
    description: 'Mean absolute scaled error (vs in-sample seasonal naive).',
  })
  mase!: number | null;

  @Field(() => Float, { nullable: true, description: 'Symmetric MAPE, 0–200.' })
  smape!: number | null;

  @Field(() => Float, { nullable: true, description: 'Weighted absolute percentage error, 0–100+.' })
  wape!: number | null;

  @Field(() => Float, { nullable: true })
  rmse!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of actuals inside the 80% interval.' })
  coverage80!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of actuals inside the 95% interval.' })
  coverage95!: number | null;

  @Field(() => Int)
  origins!: number;

  @Field(() => Int, { description: 'Intervals forecast per origin.' })
  horizon!: number;
}

@ObjectType({ description: 'A model considered by a training.' })
export class ModelCandidate {
  @Field(() => ModelKindEnum)
  kind!: Kind;

  @Field(() => BacktestMetrics, { nullable: true })
  metrics!: BacktestMetrics | null;

  @Field(() => String, { nullable: true, description: 'Why it failed (then it was not eligible).' })
  error!: string | null;
}

@ObjectType()
export class TrainingWindow implements docs.TrainingWindow {
  @Field(() => Date, { description: 'First local day (as midnight UTC of that date).' })
  from!: Date;

  @Field(() => Date, { description: 'Day after the last local day (exclusive).' })
  to!: Date;

  @Field(() => Int, { description: 'Intervals in the training series.' })
  points!: number;
}

@ObjectType({ description: 'One trained version of a channel’s forecasting model (the model registry).' })
export class ForecastModel implements Omit<docs.ModelDoc, 'metrics' | 'candidates'> {
  @Field(() => ID, { name: 'id' })
  _id!: string;

  @Field()
  channel!: string;

  @Field(() => Int, { description: '1, 2, 3 … per channel.' })
  version!: number;

  @Field(() => ModelKindEnum)
  kind!: Kind;

  @Field(() => ModelStatusEnum)
  status!: 'ACTIVE' | 'INACTIVE';

  @Field(() => GraphQLJSONObject, {
    description: 'What the engine needs to refit it: periods, orders, members, calibration.',
  })
  params!: docs.StoredModelParams;

  @Field(() => TrainingWindow)
  trainingWindow!: TrainingWindow;

  @Field(() => Int)
  intervalMinutes!: number;

  @Field(() => BacktestMetrics, { description: 'Backtest of the chosen model.' })
  metrics!: BacktestMetrics;

  @Field(() => [ModelCandidate])
  candidates!: ModelCandidate[];

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => ID, { nullable: true, description: 'User who trained it; null for the seed.' })
  createdBy!: string | null;

  @Field(() => Date, { nullable: true })
  activatedAt!: Date | null;
}

/** The mean and bounds of ForecastPoint and DailyTotal (a base only, not a type of the schema). */
@ObjectType('PredictionBands')
export class PredictionBands implements types.PredictionBands {
  @Field(() => Float)
  mean!: number;

  @Field(() => Float)
  lo80!: number;

  @Field(() => Float)
  hi80!: number;

  @Field(() => Float)
  lo95!: number;

  @Field(() => Float)
  hi95!: number;
}

@ObjectType({ description: 'One interval of a forecast, with 80% and 95% prediction intervals.' })
export class ForecastPoint extends PredictionBands implements types.ForecastPoint {
  @Field(() => Date, { description: 'Interval start (UTC).' })
  t!: Date;
}

@ObjectType({
  description:
    'A site-local day’s total: the sum of the interval means, bounds from backtested daily-total errors (never sums of interval bounds, except for models trained before they were kept).',
})
export class DailyTotal extends PredictionBands {
  @Field(() => GraphQLLocalDate)
  date!: string;
}

@ObjectType({ description: 'A stored forecast run.' })
export class Forecast implements Omit<types.ForecastRun, 'scale' | 'totals'> {
  @Field(() => ID, { name: 'id' })
  _id!: string;

  @Field()
  channel!: string;

  @Field(() => ID)
  modelId!: string;

  @Field(() => ModelKindEnum)
  modelKind!: Kind;

  @Field(() => Date, { description: 'First interval start: local midnight of the start day (UTC).' })
  start!: Date;

  @Field(() => Date, { description: 'Exclusive end.' })
  end!: Date;

  @Field(() => Int)
  intervalMinutes!: number;

  @Field(() => Int)
  horizonDays!: number;

  @Field(() => [ForecastPoint], { description: 'Every interval; closed intervals are 0.' })
  points!: ForecastPoint[];

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => ID, { nullable: true })
  createdBy!: string | null;
}

@ObjectType()
export class ForecastConnection extends Connection(Forecast, 'Forecast') {}

@ObjectType({ description: 'Sent to `forecastUpdated` subscribers after a forecast is stored.' })
export class ForecastUpdate implements ForecastUpdatedEvent {
  @Field(() => ID)
  forecastId!: string;

  @Field()
  channel!: string;

  @Field(() => ID)
  modelId!: string;

  @Field(() => ModelKindEnum)
  modelKind!: string;

  @Field(() => Date)
  start!: Date;

  @Field(() => Int)
  intervalMinutes!: number;

  @Field(() => [DailyTotal])
  dailyTotals!: DailyTotal[];
}

@ObjectType({ description: 'Forecast error against actuals, on open intervals that have a value.' })
export class AccuracyMetrics {
  @Field(() => Float, { nullable: true, description: '100·Σ|y−ŷ|/Σ|y|.' })
  wape!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Scaled by the in-sample seasonal naive MAE of the run’s history.',
  })
  mase!: number | null;

  @Field(() => Float, { nullable: true })
  smape!: number | null;

  @Field(() => Float, { nullable: true })
  rmse!: number | null;

  @Field(() => Float, { nullable: true })
  coverage80!: number | null;

  @Field(() => Float, { nullable: true })
  coverage95!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Mean scaled interval score of the 95 % interval (the M4 MSIS): its width plus 40 × the distance to an actual outside it, over the MASE scale. Lower is better.',
  })
  msis!: number | null;

  @Field(() => Int, { description: 'Intervals scored.' })
  n!: number;
}

@ObjectType({ description: 'Forecast minus actual over the scored intervals (positive: over-forecast).' })
export class ForecastBias {
  @Field(() => Float)
  actualTotal!: number;

  @Field(() => Float)
  forecastTotal!: number;

  @Field(() => Float, { nullable: true, description: 'Mean of forecast − actual per interval.' })
  meanError!: number | null;

  @Field(() => Float, { nullable: true, description: '(forecast − actual) / actual total × 100.' })
  percentOfActual!: number | null;
}

@ObjectType()
export class DayAccuracy {
  @Field(() => GraphQLLocalDate)
  date!: string;

  @Field(() => AccuracyMetrics)
  metrics!: AccuracyMetrics;

  @Field(() => ForecastBias, { description: 'Actual vs forecast totals of the day.' })
  bias!: ForecastBias;
}

@ObjectType({ description: 'Accuracy of one stored forecast run.' })
export class RunAccuracy {
  @Field(() => ID)
  forecastId!: string;

  @Field(() => ID)
  modelId!: string;

  @Field(() => ModelKindEnum)
  modelKind!: string;

  @Field(() => Date)
  start!: Date;

  @Field(() => Date)
  end!: Date;

  @Field(() => AccuracyMetrics)
  metrics!: AccuracyMetrics;

  @Field(() => ForecastBias)
  bias!: ForecastBias;

  @Field(() => [DayAccuracy])
  days!: DayAccuracy[];

  @Field(() => Float, { nullable: true })
  backtestWape!: number | null;

  @Field(() => Float, { nullable: true })
  backtestMase!: number | null;

  @Field({
    description:
      'WAPE or MASE above the backtest’s × FORECAST_DRIFT_FACTOR, or |bias| above 10 % of the actual total.',
  })
  drift!: boolean;
}

@ObjectType({ description: 'Accuracy of every stored forecast whose period has actuals in [from, to].' })
export class ForecastAccuracy {
  @Field()
  channel!: string;

  @Field(() => GraphQLLocalDate)
  from!: string;

  @Field(() => GraphQLLocalDate)
  to!: string;

  @Field(() => Float)
  driftFactor!: number;

  @Field({ description: 'The most recent run with actuals drifts.' })
  drift!: boolean;

  @Field(() => [RunAccuracy])
  runs!: RunAccuracy[];
}

/** Deep copy with non-finite numbers as null (GraphQL Float cannot carry NaN). */
export function finiteOrNull<T>(value: T): T {
  if (typeof value === 'number') return (Number.isFinite(value) ? value : null) as T;
  if (Array.isArray(value)) return value.map(finiteOrNull) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, finiteOrNull(v)])) as T;
  }
  return value;
}
