import {
  Arg,
  Args,
  Authorized,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { CurrentViewer } from '../auth/current-viewer';
import { FORECAST_READERS, Role } from '../auth/roles';
import type { Viewer } from '../auth/request-context';
import { subscribeById } from '../events/keyed-subscription';
import { type ForecastUpdatedEvent, TOPIC } from '../events/topics';
import { ChannelRangeArgs } from '../volumes/volume-inputs.graphql';
import { AccuracyService, MAX_ACCURACY_RUNS } from './accuracy.service';
import {
  DailyTotal,
  finiteOrNull,
  Forecast,
  ForecastAccuracy,
  ForecastConnection,
  ForecastModel,
  ForecastUpdate,
} from './forecast.graphql';
import { assertChannelKey, ChannelArgs, ForecastListArgs, RunForecastArgs } from './forecast-inputs.graphql';
import type { ForecastRun } from './forecast.types';
import { ForecastService } from './forecast.service';
import { ModelRegistryService } from './model-registry.service';

@Resolver(() => Forecast)
export class ForecastResolver {
  constructor(
    private readonly forecastService: ForecastService,
    private readonly registry: ModelRegistryService,
    private readonly accuracyService: AccuracyService,
  ) {}

  @Authorized(Role.MANAGER)
  @Mutation(() => Forecast, {
    description:
      'Forecasts `horizonDays` site-local days from `start` with the channel’s ACTIVE model (AUTO-trained ' +
      'when there is none), refitted on the history before `start`; stores the run and notifies subscribers.',
  })
  runForecast(
    @Args() { channel, start, horizonDays }: RunForecastArgs,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ForecastRun> {
    return this.forecastService.run(channel, start, horizonDays, viewer.userId);
  }

  @Authorized(...FORECAST_READERS)
  @Query(() => Forecast)
  forecast(@Arg('id', () => ID) id: string): Promise<ForecastRun> {
    return this.forecastService.require(id);
  }

  @Authorized(...FORECAST_READERS)
  @Query(() => ForecastConnection, { description: 'A channel’s forecast runs, newest first.' })
  forecasts(@Args() { channel, first, after }: ForecastListArgs): Promise<ForecastConnection> {
    return this.forecastService.list(channel, { first, after });
  }

  @Authorized(...FORECAST_READERS)
  @Query(() => Forecast, { nullable: true, description: 'The channel’s most recently stored forecast.' })
  latestForecast(@Args() { channel }: ChannelArgs): Promise<ForecastRun | null> {
    return this.forecastService.latest(channel);
  }

  @Authorized(...FORECAST_READERS)
  @Query(() => ForecastAccuracy, {
    description: `WAPE, MASE and interval coverage of each stored run with actuals in [from, to] (of the newest ${MAX_ACCURACY_RUNS} overlapping it), and drift.`,
  })
  async forecastAccuracy(@Args() { channel, from, to }: ChannelRangeArgs): Promise<ForecastAccuracy> {
    return finiteOrNull(await this.accuracyService.report(channel, from, to));
  }

  @Authorized(Role.PARTNER, Role.MANAGER)
  @Subscription(() => ForecastUpdate, {
    subscribe: subscribeById(TOPIC.FORECAST_UPDATED, 'channel', assertChannelKey),
    description: 'Fires after a forecast of the channel is stored. A channel that does not exist: NOT_FOUND.',
  })
  forecastUpdated(@Root() event: ForecastUpdatedEvent, @Args() _args: ChannelArgs): ForecastUpdate {
    return event;
  }

  @FieldResolver(() => [DailyTotal], {
    description:
      'Per site-local day: the sum of the means, with an interval from backtested daily-total errors.',
  })
  dailyTotals(@Root() doc: ForecastRun): DailyTotal[] {
    return this.forecastService.dailyTotals(doc);
  }

  @FieldResolver(() => DailyTotal, {
    description: 'The whole run’s total (date: its first day), with its own interval.',
  })
  total(@Root() doc: ForecastRun): DailyTotal {
    return this.forecastService.total(doc);
  }

  @FieldResolver(() => ForecastModel, { nullable: true, description: 'The model version used.' })
  async model(@Root() doc: ForecastRun): Promise<ForecastModel | null> {
    const model = await this.registry.findById(doc.modelId);
    return model ? finiteOrNull(model) : null;
  }
}
