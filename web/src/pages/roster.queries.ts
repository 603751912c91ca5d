import { graphql } from '../gql';
import type { RosterDetailQuery, RosterStaffQuery } from '../gql/graphql';

export const Rosters = graphql(`
  query Rosters($week: String!) {
    rosters(week: $week) {
      id
      version
      status
      createdAt
    }
  }
`);

export const RosterDetail = graphql(`
  query RosterDetail($id: ID!) {
    roster(id: $id) {
      id
      week
      version
      status
      manualEdits
      intervalMinutes
      publishedAt
      solver {
        status
        gap
        seconds
        heuristic
      }
      assignments {
        staffId
        date
        start
        end
        skill
        shiftTemplateId
      }
      kpis {
        labourCost
        preferencesMetPercent
        skills {
          skill
          coveragePercent
          requiredHours
          underStaffedHours
          overStaffedHours
        }
        fairness {
          hoursDeviationStdDev
          weekendShiftsMin
          weekendShiftsMax
          weekendShiftsSpread
        }
      }
      warnings {
        kind
        message
      }
    }
  }
`);

/**
 * Required against scheduled agents of the skill the chart shows, apart from RosterDetail: a
 * roster may cover 64 skills of 672 quarter-hours, and every skill's coverage inside
 * RosterDetail would weigh about 111,000 of the 100,000 allowed. One skill weighs 1,350.
 */
export const RosterCoverage = graphql(`
  query RosterCoverage($id: ID!, $skill: String!) {
    roster(id: $id) {
      id
      coverage(skill: $skill) {
        skill
        required
        scheduled
      }
    }
  }
`);

/**
 * The shifts' placed breaks, apart from RosterDetail so each stays within the query-cost
 * limit (lean: in the order of RosterDetail's assignments, no `paid`; the 3,500-shift worst
 * case with urql's `__typename`s weighs about 49,000 of the 50,000 allowed).
 */
export const RosterBreaks = graphql(`
  query RosterBreaks($id: ID!) {
    roster(id: $id) {
      id
      assignments {
        breaks {
          start
          end
        }
      }
    }
  }
`);

export const RosterStaff = graphql(`
  query RosterStaff {
    staff(first: 500) {
      nodes {
        id
        name
        employeeNo
      }
    }
    shiftTemplates(first: 100) {
      nodes {
        id
        name
        start
        durationMinutes
        breakMinutes
      }
    }
  }
`);

export const Publish = graphql(`
  mutation PublishRoster($id: ID!) {
    publishRoster(id: $id) {
      id
      status
      publishedAt
    }
  }
`);

export const UpdateAssignment = graphql(`
  mutation UpdateAssignment($rosterId: ID!, $input: UpdateAssignmentInput!) {
    updateAssignment(rosterId: $rosterId, input: $input) {
      roster {
        id
        manualEdits
      }
      warnings {
        kind
        message
      }
    }
  }
`);

export const PlanWeek = graphql(`
  mutation PlanWeek($week: String!, $options: RosterOptionsInput) {
    planWeek(week: $week, options: $options) {
      id
      state
      phase
    }
  }
`);

export const CancelJob = graphql(`
  mutation CancelRosterJob($id: ID!) {
    cancelRosterJob(id: $id) {
      id
      state
      phase
    }
  }
`);

export const RosterJob = graphql(`
  query RosterJob($id: ID!) {
    rosterJob(id: $id) {
      id
      state
      phase
      rosterId
      error
      notes
      progress {
        elapsedSeconds
        gap
        objective
      }
    }
  }
`);

export const JobProgress = graphql(`
  subscription RosterJobProgress($jobId: ID!) {
    rosterJobProgress(jobId: $jobId) {
      jobId
      state
      phase
      elapsedSeconds
      gap
      objective
      message
      rosterId
    }
  }
`);

export type RosterData = RosterDetailQuery['roster'];
export type StaffAndTemplates = RosterStaffQuery;
