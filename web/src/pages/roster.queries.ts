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

/**
 * A roster and a page of its people's weeks: a roster may employ 10,000 people, whose 70,000
 * shifts in one answer would weigh about 490,000 of the 100,000 the query cost allows. 500
 * people a page (PEOPLE_PER_PAGE) weigh about 33,000 with urql's `__typename`s.
 */
export const RosterDetail = graphql(`
  query RosterDetail($id: ID!, $after: String) {
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
      ranking {
        path
        fallbackRate
        reason
      }
      assignmentCount
      staffWeeks(first: 500, after: $after) {
        totalCount
        pageInfo {
          endCursor
          hasNextPage
        }
        nodes {
          staffId
          assignments {
            staffId
            date
            start
            end
            skill
            shiftTemplateId
          }
        }
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
 * The placed breaks of the same page of people's shifts, apart from RosterDetail so each stays
 * within the query-cost limit (lean: in the order of RosterDetail's shifts, no `paid`; 500
 * people's weeks with urql's `__typename`s weigh about 51,000 of the 100,000 allowed).
 */
export const RosterBreaks = graphql(`
  query RosterBreaks($id: ID!, $after: String) {
    roster(id: $id) {
      id
      staffWeeks(first: 500, after: $after) {
        nodes {
          assignments {
            breaks {
              start
              end
            }
          }
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
export type RosterShift = NonNullable<RosterData>['staffWeeks']['nodes'][number]['assignments'][number];

/** People a page of the timetable shows: the `first` of RosterDetail and RosterBreaks. */
export const PEOPLE_PER_PAGE = 500;

/** The shifts of the page's people, person by person, each in day order. */
export const shiftsOf = (roster: NonNullable<RosterData>): RosterShift[] =>
  roster.staffWeeks.nodes.flatMap((n) => n.assignments);
export type StaffAndTemplates = RosterStaffQuery;
