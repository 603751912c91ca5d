import { Arg, Args, Authorized, ID, Mutation, Query, Resolver } from 'type-graphql';
import { CurrentViewer } from '../auth/current-viewer';
import type { KeyedLanes } from '../common/keyed-lanes';
import { PLANNERS } from '../auth/roles';
import type { Viewer } from '../auth/request-context';
import {
  KpiRangeArgs,
  RankerModel,
  RankerRollbackType,
  SchedulingKpisType,
  TrainRankerArgs,
} from './ranking.graphql';
import { RankerRegistryService } from './ranker-registry.service';
import { RankingService } from './ranking.service';

/** Learned ranking: train, list, activate and roll back rankers; scheduling KPIs. */
@Resolver()
export class RankingResolver {
  constructor(
    private readonly ranking: RankingService,
    private readonly registry: RankerRegistryService,
    /** The caller's heavy reads, a few at a time (up to 104 weeks of every roster version is one). */
    private readonly heavyReads: KeyedLanes,
  ) {}

  @Authorized(...PLANNERS)
  @Query(() => [RankerModel], { description: 'Assignment rankers, newest first.' })
  rankerModels(): Promise<RankerModel[]> {
    return this.registry.list();
  }

  @Authorized(...PLANNERS)
  @Query(() => RankerRollbackType, {
    description:
      'The ranker `rollbackRanker` would activate now, or why it would be refused (MANAGER, ADMIN).',
  })
  rankerRollback(): Promise<RankerRollbackType> {
    return this.registry.rollbackTarget();
  }

  @Authorized(...PLANNERS)
  @Mutation(() => RankerModel, {
    description:
      'Trains a ranker on the last published weeks (worker pool). One at a time: another sent meanwhile is refused (RATE_LIMITED).',
  })
  trainAssignmentRanker(
    @Args() { lookbackWeeks }: TrainRankerArgs,
    @CurrentViewer() viewer: Viewer,
  ): Promise<RankerModel> {
    return this.ranking.trainAssignmentRanker(lookbackWeeks, viewer);
  }

  @Authorized(...PLANNERS)
  @Mutation(() => RankerModel, { description: 'Makes a ranker the ACTIVE one.' })
  activateRanker(@Arg('id', () => ID) id: string): Promise<RankerModel> {
    return this.registry.activate(id);
  }

  @Authorized(...PLANNERS)
  @Mutation(() => RankerModel, { description: 'Re-activates the previously active ranker.' })
  rollbackRanker(): Promise<RankerModel> {
    return this.registry.rollback();
  }

  @Authorized(...PLANNERS)
  @Query(() => SchedulingKpisType, {
    description:
      'Scheduling KPIs per week and overall (MANAGER, ADMIN). A heavy read: a user’s run two at a time, six at most (then RATE_LIMITED).',
  })
  schedulingKpis(
    @Args() { from, to }: KpiRangeArgs,
    @CurrentViewer() viewer: Viewer,
  ): Promise<SchedulingKpisType> {
    return this.heavyReads.run(viewer.userId, viewer.userId, () =>
      this.ranking.schedulingKpis(from, to, viewer),
    );
  }
}
