import { Arg, Args, Authorized, ID, Mutation, Query, Resolver } from 'type-graphql';
import { CurrentViewer } from '../auth/current-viewer';
import { FORECAST_READERS, Role } from '../auth/roles';
import type { Viewer } from '../auth/request-context';
import { badInput } from '../errors';
import { BoxCoxModeEnum, finiteOrNull, ForecastModel } from './forecast.graphql';
import { ChannelArgs, TrainModelArgs } from './forecast-inputs.graphql';
import type { ModelDoc } from './forecast.doc';
import type { BoxCoxOption } from './forecast.types';
import { ModelRegistryService } from './model-registry.service';

const toModel = (doc: ModelDoc): ForecastModel => ({
  ...doc,
  metrics: finiteOrNull(doc.metrics),
  candidates: finiteOrNull(doc.candidates),
  params: finiteOrNull(doc.params),
});

/** The GraphQL Box-Cox arguments as a fit option; both at once is refused. */
function boxCoxChoice(
  mode: keyof typeof BoxCoxModeEnum | undefined,
  lambda: number | undefined,
): BoxCoxOption | undefined {
  if (lambda !== undefined && lambda !== null) {
    if (mode !== undefined && mode !== null)
      throw badInput('give boxCox or boxCoxLambda, not both', [
        { field: 'boxCoxLambda', message: 'not with boxCox' },
      ]);
    return lambda;
  }
  if (mode === undefined || mode === null) return undefined;
  return mode === 'GUERRERO' ? 'auto' : 'none';
}

@Resolver(() => ForecastModel)
export class ModelRegistryResolver {
  constructor(private readonly registry: ModelRegistryService) {}

  @Authorized(Role.MANAGER)
  @Mutation(() => ForecastModel, {
    description:
      'Backtests and fits a new model version in the worker pool; the first one of a channel becomes ACTIVE. ' +
      'A model that cannot be fitted fails with FAILED_PRECONDITION (MODEL_FIT_FAILED) and writes nothing.',
  })
  async trainModel(
    @Args() { channel, kind, boxCox, boxCoxLambda }: TrainModelArgs,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ForecastModel> {
    const choice = boxCoxChoice(boxCox, boxCoxLambda);
    return toModel(
      await this.registry.train(channel, kind, viewer.userId, choice === undefined ? {} : { boxCox: choice }),
    );
  }

  @Authorized(Role.MANAGER)
  @Mutation(() => ForecastModel, {
    description: 'Makes the version its channel’s only ACTIVE one (rollback).',
  })
  async activateModel(@Arg('id', () => ID) id: string): Promise<ForecastModel> {
    return toModel(await this.registry.activate(id));
  }

  @Authorized(...FORECAST_READERS)
  @Query(() => [ForecastModel], { description: 'A channel’s model versions, newest first.' })
  async models(@Args() { channel }: ChannelArgs): Promise<ForecastModel[]> {
    return (await this.registry.list(channel)).map(toModel);
  }
}
