import { Arg, Args, Authorized, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { type AccessRule, PLAN_READERS, SIGNED_IN } from '../auth/roles';
import {
  ErlangCalculatorInput,
  StaffingArgs,
  StaffingPlanArgs,
  StaffingScenarioArgs,
  WorkloadArgs,
} from './staffing-inputs.graphql';
import { StaffingService } from './staffing.service';
import {
  ErlangCalculationResult,
  StaffingPlan,
  StaffingRequirementPlan,
  StaffingScenario,
} from './staffing.graphql';
import { SkillWorkloadPlan } from './workload.graphql';
import { workloadsOf } from './workload-plan.service';
import { withoutNulls } from '../common/without-nulls';
import type { KeyedLanes } from '../common/keyed-lanes';
import type { Viewer } from '../auth/request-context';
import { CurrentViewer } from '../auth/current-viewer';

@Resolver()
export class StaffingResolver {
  constructor(
    private readonly staffingService: StaffingService,
    /** The caller's heavy reads, a few at a time (the skill plan of every channel is one). */
    private readonly heavyReads: KeyedLanes,
  ) {}

  @Authorized<AccessRule>(...PLAN_READERS)
  @Query(() => StaffingPlan, {
    description: 'A channel’s staffing per wall-clock interval for a week, from a stored forecast.',
  })
  staffing(@Args() { scenario, ...request }: StaffingArgs): Promise<StaffingPlan> {
    return this.staffingService.channelPlan(request, scenario);
  }

  @Authorized<AccessRule>(...PLAN_READERS)
  @Query(() => StaffingRequirementPlan, {
    description:
      'Every active channel’s scheduled agents summed by required skill per 15 minutes. A heavy read: a user’s run two at a time, six at most (then RATE_LIMITED).',
  })
  staffingPlan(
    @Args() { week, basis, scenario }: StaffingPlanArgs,
    @CurrentViewer() viewer: Viewer,
  ): Promise<StaffingRequirementPlan> {
    return this.heavyReads.run(viewer.userId, viewer.userId, () =>
      this.staffingService.skillPlan(week, basis, scenario),
    );
  }

  @Authorized<AccessRule>(...PLAN_READERS)
  @Query(() => StaffingScenario, { description: 'Base and what-if plans of a channel side by side.' })
  staffingScenario(@Args() { overrides, ...request }: StaffingScenarioArgs): Promise<StaffingScenario> {
    return this.staffingService.scenario(request, overrides);
  }

  @Authorized(SIGNED_IN)
  @Query(() => ErlangCalculationResult, {
    description: 'Erlang C (or A with a patience) for one interval: required agents and queue figures.',
  })
  erlangCalculator(@Arg('input') input: ErlangCalculatorInput): ErlangCalculationResult {
    return this.staffingService.erlangCalculator(withoutNulls(input));
  }
}

/** A plan's pooled workloads, of one skill when asked (the query cost counts one then). */
@Resolver(() => StaffingRequirementPlan)
export class StaffingRequirementPlanResolver {
  @FieldResolver(() => [SkillWorkloadPlan], {
    description: 'Pooled DEFERRED workload per skill (included in skills).',
  })
  workloads(@Root() plan: StaffingRequirementPlan, @Args() { skill }: WorkloadArgs): SkillWorkloadPlan[] {
    return workloadsOf(plan.workloads, skill);
  }
}
