import { graphql } from '../gql';
import type { KpiTargetFieldsFragment, RankerFieldsFragment, SchedulingKpisQuery } from '../gql/graphql';

/** The API's bounds on `trainAssignmentRanker(lookbackWeeks)` (MIN_TRAIN_WEEKS, MAX_LOOKBACK_WEEKS). */
export const LOOKBACK_WEEKS = { min: 6, max: 104, default: 26 } as const;
/** The API's bound on a `schedulingKpis` range (MAX_KPI_WEEKS). */
export const MAX_KPI_WEEKS = 104;
/** The default KPI range: this many weeks before the site's current week. */
export const DEFAULT_KPI_WEEKS = 8;

/** What the registry shows of a ranker; every mutation answers with it. */
export const RankerFields = graphql(`
  fragment RankerFields on RankerModel {
    id
    version
    status
    createdAt
    activatedAt
    lookbackWeeks
    metrics {
      auc
      baselineAuc
      precisionAtK
      baselinePrecisionAtK
      trainRows
      validationRows
      trainWeeks
      validationWeeks
    }
  }
`);

/** The registry, and what Roll back would do (the API's own rule: `rankerRollback`). */
export const RankerModels = graphql(`
  query RankerModels {
    rankerModels {
      ...RankerFields
    }
    rankerRollback {
      target {
        id
        version
      }
      refusal
    }
  }
`);

export const TrainRanker = graphql(`
  mutation TrainRanker($lookbackWeeks: Int!) {
    trainAssignmentRanker(lookbackWeeks: $lookbackWeeks) {
      ...RankerFields
    }
  }
`);

export const ActivateRanker = graphql(`
  mutation ActivateRanker($id: ID!) {
    activateRanker(id: $id) {
      ...RankerFields
    }
  }
`);

export const RollbackRanker = graphql(`
  mutation RollbackRanker {
    rollbackRanker {
      ...RankerFields
    }
  }
`);

export const KpiTargetFields = graphql(`
  fragment KpiTargetFields on KpiTarget {
    baseline
    target
    direction
    unit
  }
`);

export const SchedulingKpis = graphql(`
  query SchedulingKpis($from: String!, $to: String!) {
    schedulingKpis(from: $from, to: $to) {
      targets {
        successRate {
          ...KpiTargetFields
        }
        workloadBalance {
          ...KpiTargetFields
        }
        interventionRate {
          ...KpiTargetFields
        }
      }
      overall {
        successRate
        workloadBalance
        interventionRate
        fallbackRate
        targetMet {
          successRate
          workloadBalance
          interventionRate
        }
      }
      weeks {
        week
        successRate
        workloadBalance
        interventionRate
        fallbackRate
        targetMet {
          workloadBalance
          interventionRate
        }
        mlVsRules {
          rulesCoveragePercent
          modelCoveragePercent
          rulesLabourCost
          modelLabourCost
          differingAssignments
        }
      }
    }
  }
`);

export type RankerRow = RankerFieldsFragment;
export type KpiData = SchedulingKpisQuery['schedulingKpis'];
export type KpiTargetData = KpiTargetFieldsFragment;
