/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  subscription Ping {\n    ping {\n      seq\n    }\n  }\n": typeof types.PingDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query MyAvailability {\n    availabilityLockDate\n    myAvailability {\n      updatedAt\n      weekly {\n        dayOfWeek\n        from\n        to\n      }\n      exceptions {\n        date\n        available\n        from\n        to\n        reason\n      }\n    }\n  }\n": typeof types.MyAvailabilityDocument,
    "\n  mutation SetMyAvailability($input: AvailabilityInput!) {\n    setMyAvailability(input: $input) {\n      updatedAt\n    }\n  }\n": typeof types.SetMyAvailabilityDocument,
    "\n  query MyTimetable($week: String!) {\n    myTimetable(week: $week) {\n      version\n      publishedAt\n      shifts {\n        date\n        start\n        end\n        skill\n        breaks {\n          start\n          end\n          paid\n        }\n      }\n    }\n  }\n": typeof types.MyTimetableDocument,
    "\n  subscription MyRosterPublished($week: String!) {\n    rosterPublished(week: $week) {\n      rosterId\n    }\n  }\n": typeof types.MyRosterPublishedDocument,
    "\n  query AuditLog($filter: AuditFilterInput, $after: String) {\n    auditLog(filter: $filter, first: 100, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        at\n        username\n        action\n        target\n        ok\n        code\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query ErlangCalculator($input: ErlangCalculatorInput!) {\n    erlangCalculator(input: $input) {\n      model\n      trafficErlangs\n      rawAgents\n      scheduledAgents\n      binding\n      atRequired {\n        agents\n        serviceLevel\n        asaSeconds\n        occupancy\n        waitProbability\n        abandonProbability\n      }\n    }\n  }\n": typeof types.ErlangCalculatorDocument,
    "\n  query ForecastModels($channel: String!) {\n    models(channel: $channel) {\n      id\n      version\n      kind\n      status\n      createdAt\n      metrics {\n        mase\n        wape\n        coverage80\n        coverage95\n        origins\n      }\n    }\n  }\n": typeof types.ForecastModelsDocument,
    "\n  mutation ActivateModel($id: ID!) {\n    activateModel(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ActivateModelDocument,
    "\n  query ForecastAccuracy($channel: String!, $from: LocalDate!, $to: LocalDate!) {\n    forecastAccuracy(channel: $channel, from: $from, to: $to) {\n      drift\n      driftFactor\n      runs {\n        forecastId\n        modelKind\n        start\n        drift\n        backtestWape\n        metrics {\n          n\n          wape\n          mase\n          coverage80\n          coverage95\n        }\n      }\n    }\n  }\n": typeof types.ForecastAccuracyDocument,
    "\n  fragment ForecastRunFields on Forecast {\n    id\n    start\n    end\n    horizonDays\n    intervalMinutes\n    modelKind\n    createdAt\n    points {\n      t\n      mean\n      lo80\n      hi80\n      lo95\n      hi95\n    }\n    dailyTotals {\n      date\n      mean\n      lo80\n      hi80\n      lo95\n      hi95\n    }\n  }\n": typeof types.ForecastRunFieldsFragmentDoc,
    "\n  query LatestForecast($channel: String!) {\n    latestForecast(channel: $channel) {\n      ...ForecastRunFields\n    }\n  }\n": typeof types.LatestForecastDocument,
    "\n  query ForecastById($id: ID!) {\n    forecast(id: $id) {\n      ...ForecastRunFields\n    }\n  }\n": typeof types.ForecastByIdDocument,
    "\n  query ForecastRuns($channel: String!) {\n    forecasts(channel: $channel, first: 20) {\n      nodes {\n        id\n        start\n        createdAt\n        modelKind\n      }\n    }\n  }\n": typeof types.ForecastRunsDocument,
    "\n  query ForecastHistory($channel: String!, $from: LocalDate!, $to: LocalDate!) {\n    volumes(channel: $channel, from: $from, to: $to) {\n      intervals {\n        t\n        value\n      }\n    }\n  }\n": typeof types.ForecastHistoryDocument,
    "\n  mutation RunForecast($channel: String!, $start: LocalDate!, $horizonDays: Int!) {\n    runForecast(channel: $channel, start: $start, horizonDays: $horizonDays) {\n      id\n    }\n  }\n": typeof types.RunForecastDocument,
    "\n  subscription ForecastUpdated($channel: String!) {\n    forecastUpdated(channel: $channel) {\n      forecastId\n      start\n    }\n  }\n": typeof types.ForecastUpdatedDocument,
    "\n  query ForecastChannels {\n    channels(first: 50, filter: { active: true }) {\n      nodes {\n        key\n        name\n      }\n    }\n  }\n": typeof types.ForecastChannelsDocument,
    "\n  query HistoryQuality($channel: String!, $from: LocalDate!, $to: LocalDate!) {\n    validateVolumes(channel: $channel, from: $from, to: $to) {\n      counts {\n        missing\n        negatives\n        outsideOpeningHours\n        outliers\n      }\n      outliers {\n        timestamp\n        value\n        expected\n        score\n      }\n    }\n  }\n": typeof types.HistoryQualityDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      expiresAt\n      user {\n        username\n        roles\n        staffId\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  fragment RankerFields on RankerModel {\n    id\n    version\n    status\n    createdAt\n    activatedAt\n    lookbackWeeks\n    metrics {\n      auc\n      baselineAuc\n      precisionAtK\n      baselinePrecisionAtK\n      trainRows\n      validationRows\n      trainWeeks\n      validationWeeks\n    }\n  }\n": typeof types.RankerFieldsFragmentDoc,
    "\n  query RankerModels {\n    rankerModels {\n      ...RankerFields\n    }\n    rankerRollback {\n      target {\n        id\n        version\n      }\n      refusal\n    }\n  }\n": typeof types.RankerModelsDocument,
    "\n  mutation TrainRanker($lookbackWeeks: Int!) {\n    trainAssignmentRanker(lookbackWeeks: $lookbackWeeks) {\n      ...RankerFields\n    }\n  }\n": typeof types.TrainRankerDocument,
    "\n  mutation ActivateRanker($id: ID!) {\n    activateRanker(id: $id) {\n      ...RankerFields\n    }\n  }\n": typeof types.ActivateRankerDocument,
    "\n  mutation RollbackRanker {\n    rollbackRanker {\n      ...RankerFields\n    }\n  }\n": typeof types.RollbackRankerDocument,
    "\n  fragment KpiTargetFields on KpiTarget {\n    baseline\n    target\n    direction\n    unit\n  }\n": typeof types.KpiTargetFieldsFragmentDoc,
    "\n  query SchedulingKpis($from: String!, $to: String!) {\n    schedulingKpis(from: $from, to: $to) {\n      targets {\n        successRate {\n          ...KpiTargetFields\n        }\n        workloadBalance {\n          ...KpiTargetFields\n        }\n        interventionRate {\n          ...KpiTargetFields\n        }\n      }\n      overall {\n        successRate\n        workloadBalance\n        interventionRate\n        fallbackRate\n        targetMet {\n          successRate\n          workloadBalance\n          interventionRate\n        }\n      }\n      weeks {\n        week\n        successRate\n        workloadBalance\n        interventionRate\n        fallbackRate\n        targetMet {\n          workloadBalance\n          interventionRate\n        }\n        mlVsRules {\n          rulesCoveragePercent\n          modelCoveragePercent\n          rulesLabourCost\n          modelLabourCost\n          differingAssignments\n        }\n      }\n    }\n  }\n": typeof types.SchedulingKpisDocument,
    "\n  query Rosters($week: String!) {\n    rosters(week: $week) {\n      id\n      version\n      status\n      createdAt\n    }\n  }\n": typeof types.RostersDocument,
    "\n  query RosterDetail($id: ID!, $after: String) {\n    roster(id: $id) {\n      id\n      week\n      version\n      status\n      manualEdits\n      intervalMinutes\n      publishedAt\n      solver {\n        status\n        gap\n        seconds\n        heuristic\n      }\n      ranking {\n        path\n        fallbackRate\n        reason\n      }\n      assignmentCount\n      staffWeeks(first: 500, after: $after) {\n        totalCount\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n        nodes {\n          staffId\n          assignments {\n            staffId\n            date\n            start\n            end\n            skill\n            shiftTemplateId\n          }\n        }\n      }\n      kpis {\n        labourCost\n        preferencesMetPercent\n        skills {\n          skill\n          coveragePercent\n          requiredHours\n          underStaffedHours\n          overStaffedHours\n        }\n        fairness {\n          hoursDeviationStdDev\n          weekendShiftsMin\n          weekendShiftsMax\n          weekendShiftsSpread\n        }\n      }\n      warnings {\n        kind\n        message\n      }\n    }\n  }\n": typeof types.RosterDetailDocument,
    "\n  query RosterCoverage($id: ID!, $skill: String!) {\n    roster(id: $id) {\n      id\n      coverage(skill: $skill) {\n        skill\n        required\n        scheduled\n      }\n    }\n  }\n": typeof types.RosterCoverageDocument,
    "\n  query RosterBreaks($id: ID!, $after: String) {\n    roster(id: $id) {\n      id\n      staffWeeks(first: 500, after: $after) {\n        nodes {\n          assignments {\n            breaks {\n              start\n              end\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.RosterBreaksDocument,
    "\n  query RosterStaff {\n    staff(first: 500) {\n      nodes {\n        id\n        name\n        employeeNo\n      }\n    }\n    shiftTemplates(first: 100) {\n      nodes {\n        id\n        name\n        start\n        durationMinutes\n        breakMinutes\n      }\n    }\n  }\n": typeof types.RosterStaffDocument,
    "\n  mutation PublishRoster($id: ID!) {\n    publishRoster(id: $id) {\n      id\n      status\n      publishedAt\n    }\n  }\n": typeof types.PublishRosterDocument,
    "\n  mutation UpdateAssignment($rosterId: ID!, $input: UpdateAssignmentInput!) {\n    updateAssignment(rosterId: $rosterId, input: $input) {\n      roster {\n        id\n        manualEdits\n      }\n      warnings {\n        kind\n        message\n      }\n    }\n  }\n": typeof types.UpdateAssignmentDocument,
    "\n  mutation PlanWeek($week: String!, $options: RosterOptionsInput) {\n    planWeek(week: $week, options: $options) {\n      id\n      state\n      phase\n    }\n  }\n": typeof types.PlanWeekDocument,
    "\n  mutation CancelRosterJob($id: ID!) {\n    cancelRosterJob(id: $id) {\n      id\n      state\n      phase\n    }\n  }\n": typeof types.CancelRosterJobDocument,
    "\n  query RosterJob($id: ID!) {\n    rosterJob(id: $id) {\n      id\n      state\n      phase\n      rosterId\n      error\n      notes\n      progress {\n        elapsedSeconds\n        gap\n        objective\n      }\n    }\n  }\n": typeof types.RosterJobDocument,
    "\n  subscription RosterJobProgress($jobId: ID!) {\n    rosterJobProgress(jobId: $jobId) {\n      jobId\n      state\n      phase\n      elapsedSeconds\n      gap\n      objective\n      message\n      rosterId\n    }\n  }\n": typeof types.RosterJobProgressDocument,
    "\n  query StaffingScenario(\n    $channel: String!\n    $week: String\n    $basis: StaffingBasis!\n    $overrides: ScenarioInput!\n  ) {\n    staffingScenario(channel: $channel, week: $week, basis: $basis, overrides: $overrides) {\n      base {\n        intervalMinutes\n        totals {\n          volume\n          workloadHours\n          scheduledStaffHours\n          weeklyFte\n          peakScheduledAgents\n        }\n        rows {\n          scheduledAgents\n        }\n      }\n      scenario {\n        totals {\n          volume\n          workloadHours\n          scheduledStaffHours\n          weeklyFte\n          peakScheduledAgents\n        }\n        rows {\n          scheduledAgents\n        }\n      }\n    }\n  }\n": typeof types.StaffingScenarioDocument,
    "\n  query StaffingPlan($week: String!, $basis: StaffingBasis!) {\n    staffingPlan(week: $week, basis: $basis) {\n      week\n      intervalMinutes\n      totalFte\n      totalStaffHours\n      skills {\n        skill\n        fte\n        peak\n        staffHours\n        values\n      }\n      channels {\n        channel\n        skill\n        model\n        weeklyFte\n        weeklyStaffHours\n        peakScheduledAgents\n      }\n    }\n  }\n": typeof types.StaffingPlanDocument,
    "\n  query Users {\n    users(first: 200) {\n      totalCount\n      nodes {\n        id\n        username\n        roles\n        active\n        staffId\n        lastLoginAt\n        lockedUntil\n      }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      active\n      roles\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation ResetPassword($id: ID!, $password: String!) {\n    resetPassword(id: $id, password: $password) {\n      id\n      lockedUntil\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  query SiteZone {\n    serverInfo {\n      timeZone\n    }\n  }\n": typeof types.SiteZoneDocument,
};
const documents: Documents = {
    "\n  subscription Ping {\n    ping {\n      seq\n    }\n  }\n": types.PingDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query MyAvailability {\n    availabilityLockDate\n    myAvailability {\n      updatedAt\n      weekly {\n        dayOfWeek\n        from\n        to\n      }\n      exceptions {\n        date\n        available\n        from\n        to\n        reason\n      }\n    }\n  }\n": types.MyAvailabilityDocument,
    "\n  mutation SetMyAvailability($input: AvailabilityInput!) {\n    setMyAvailability(input: $input) {\n      updatedAt\n    }\n  }\n": types.SetMyAvailabilityDocument,
    "\n  query MyTimetable($week: String!) {\n    myTimetable(week: $week) {\n      version\n      publishedAt\n      shifts {\n        date\n        start\n        end\n        skill\n        breaks {\n          start\n          end\n          paid\n        }\n      }\n    }\n  }\n": types.MyTimetableDocument,
    "\n  subscription MyRosterPublished($week: String!) {\n    rosterPublished(week: $week) {\n      rosterId\n    }\n  }\n": types.MyRosterPublishedDocument,
    "\n  query AuditLog($filter: AuditFilterInput, $after: String) {\n    auditLog(filter: $filter, first: 100, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        at\n        username\n        action\n        target\n        ok\n        code\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query ErlangCalculator($input: ErlangCalculatorInput!) {\n    erlangCalculator(input: $input) {\n      model\n      trafficErlangs\n      rawAgents\n      scheduledAgents\n      binding\n      atRequired {\n        agents\n        serviceLevel\n        asaSeconds\n        occupancy\n        waitProbability\n        abandonProbability\n      }\n    }\n  }\n": types.ErlangCalculatorDocument,
    "\n  query ForecastModels($channel: String!) {\n    models(channel: $channel) {\n      id\n      version\n      kind\n      status\n      createdAt\n      metrics {\n        mase\n        wape\n        coverage80\n        coverage95\n        origins\n      }\n    }\n  }\n": types.ForecastModelsDocument,
    "\n  mutation ActivateModel($id: ID!) {\n    activateModel(id: $id) {\n      id\n      status\n    }\n  }\n": types.ActivateModelDocument,
    "\n  query ForecastAccuracy($channel: String!, $from: LocalDate!, $to: LocalDate!) {\n    forecastAccuracy(channel: $channel, from: $from, to: $to) {\n      drift\n      driftFactor\n      runs {\n        forecastId\n        modelKind\n        start\n        drift\n        backtestWape\n        metrics {\n          n\n          wape\n          mase\n          coverage80\n          coverage95\n        }\n      }\n    }\n  }\n": types.ForecastAccuracyDocument,
    "\n  fragment ForecastRunFields on Forecast {\n    id\n    start\n    end\n    horizonDays\n    intervalMinutes\n    modelKind\n    createdAt\n    points {\n      t\n      mean\n      lo80\n      hi80\n      lo95\n      hi95\n    }\n    dailyTotals {\n      date\n      mean\n      lo80\n      hi80\n      lo95\n      hi95\n    }\n  }\n": types.ForecastRunFieldsFragmentDoc,
    "\n  query LatestForecast($channel: String!) {\n    latestForecast(channel: $channel) {\n      ...ForecastRunFields\n    }\n  }\n": types.LatestForecastDocument,
    "\n  query ForecastById($id: ID!) {\n    forecast(id: $id) {\n      ...ForecastRunFields\n    }\n  }\n": types.ForecastByIdDocument,
    "\n  query ForecastRuns($channel: String!) {\n    forecasts(channel: $channel, first: 20) {\n      nodes {\n        id\n        start\n        createdAt\n        modelKind\n      }\n    }\n  }\n": types.ForecastRunsDocument,
    "\n  query ForecastHistory($channel: String!, $from: LocalDate!, $to: LocalDate!) {\n    volumes(channel: $channel, from: $from, to: $to) {\n      intervals {\n        t\n        value\n      }\n    }\n  }\n": types.ForecastHistoryDocument,
    "\n  mutation RunForecast($channel: String!, $start: LocalDate!, $horizonDays: Int!) {\n    runForecast(channel: $channel, start: $start, horizonDays: $horizonDays) {\n      id\n    }\n  }\n": types.RunForecastDocument,
    "\n  subscription ForecastUpdated($channel: String!) {\n    forecastUpdated(channel: $channel) {\n      forecastId\n      start\n    }\n  }\n": types.ForecastUpdatedDocument,
    "\n  query ForecastChannels {\n    channels(first: 50, filter: { active: true }) {\n      nodes {\n        key\n        name\n      }\n    }\n  }\n": types.ForecastChannelsDocument,
    "\n  query HistoryQuality($channel: String!, $from: LocalDate!, $to: LocalDate!) {\n    validateVolumes(channel: $channel, from: $from, to: $to) {\n      counts {\n        missing\n        negatives\n        outsideOpeningHours\n        outliers\n      }\n      outliers {\n        timestamp\n        value\n        expected\n        score\n      }\n    }\n  }\n": types.HistoryQualityDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      expiresAt\n      user {\n        username\n        roles\n        staffId\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  fragment RankerFields on RankerModel {\n    id\n    version\n    status\n    createdAt\n    activatedAt\n    lookbackWeeks\n    metrics {\n      auc\n      baselineAuc\n      precisionAtK\n      baselinePrecisionAtK\n      trainRows\n      validationRows\n      trainWeeks\n      validationWeeks\n    }\n  }\n": types.RankerFieldsFragmentDoc,
    "\n  query RankerModels {\n    rankerModels {\n      ...RankerFields\n    }\n    rankerRollback {\n      target {\n        id\n        version\n      }\n      refusal\n    }\n  }\n": types.RankerModelsDocument,
    "\n  mutation TrainRanker($lookbackWeeks: Int!) {\n    trainAssignmentRanker(lookbackWeeks: $lookbackWeeks) {\n      ...RankerFields\n    }\n  }\n": types.TrainRankerDocument,
    "\n  mutation ActivateRanker($id: ID!) {\n    activateRanker(id: $id) {\n      ...RankerFields\n    }\n  }\n": types.ActivateRankerDocument,
    "\n  mutation RollbackRanker {\n    rollbackRanker {\n      ...RankerFields\n    }\n  }\n": types.RollbackRankerDocument,
    "\n  fragment KpiTargetFields on KpiTarget {\n    baseline\n    target\n    direction\n    unit\n  }\n": types.KpiTargetFieldsFragmentDoc,
    "\n  query SchedulingKpis($from: String!, $to: String!) {\n    schedulingKpis(from: $from, to: $to) {\n      targets {\n        successRate {\n          ...KpiTargetFields\n        }\n        workloadBalance {\n          ...KpiTargetFields\n        }\n        interventionRate {\n          ...KpiTargetFields\n        }\n      }\n      overall {\n        successRate\n        workloadBalance\n        interventionRate\n        fallbackRate\n        targetMet {\n          successRate\n          workloadBalance\n          interventionRate\n        }\n      }\n      weeks {\n        week\n        successRate\n        workloadBalance\n        interventionRate\n        fallbackRate\n        targetMet {\n          workloadBalance\n          interventionRate\n        }\n        mlVsRules {\n          rulesCoveragePercent\n          modelCoveragePercent\n          rulesLabourCost\n          modelLabourCost\n          differingAssignments\n        }\n      }\n    }\n  }\n": types.SchedulingKpisDocument,
    "\n  query Rosters($week: String!) {\n    rosters(week: $week) {\n      id\n      version\n      status\n      createdAt\n    }\n  }\n": types.RostersDocument,
    "\n  query RosterDetail($id: ID!, $after: String) {\n    roster(id: $id) {\n      id\n      week\n      version\n      status\n      manualEdits\n      intervalMinutes\n      publishedAt\n      solver {\n        status\n        gap\n        seconds\n        heuristic\n      }\n      ranking {\n        path\n        fallbackRate\n        reason\n      }\n      assignmentCount\n      staffWeeks(first: 500, after: $after) {\n        totalCount\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n        nodes {\n          staffId\n          assignments {\n            staffId\n            date\n            start\n            end\n            skill\n            shiftTemplateId\n          }\n        }\n      }\n      kpis {\n        labourCost\n        preferencesMetPercent\n        skills {\n          skill\n          coveragePercent\n          requiredHours\n          underStaffedHours\n          overStaffedHours\n        }\n        fairness {\n          hoursDeviationStdDev\n          weekendShiftsMin\n          weekendShiftsMax\n          weekendShiftsSpread\n        }\n      }\n      warnings {\n        kind\n        message\n      }\n    }\n  }\n": types.RosterDetailDocument,
    "\n  query RosterCoverage($id: ID!, $skill: String!) {\n    roster(id: $id) {\n      id\n      coverage(skill: $skill) {\n        skill\n        required\n        scheduled\n      }\n    }\n  }\n": types.RosterCoverageDocument,
    "\n  query RosterBreaks($id: ID!, $after: String) {\n    roster(id: $id) {\n      id\n      staffWeeks(first: 500, after: $after) {\n        nodes {\n          assignments {\n            breaks {\n              start\n              end\n            }\n          }\n        }\n      }\n    }\n  }\n": types.RosterBreaksDocument,
    "\n  query RosterStaff {\n    staff(first: 500) {\n      nodes {\n        id\n        name\n        employeeNo\n      }\n    }\n    shiftTemplates(first: 100) {\n      nodes {\n        id\n        name\n        start\n        durationMinutes\n        breakMinutes\n      }\n    }\n  }\n": types.RosterStaffDocument,
    "\n  mutation PublishRoster($id: ID!) {\n    publishRoster(id: $id) {\n      id\n      status\n      publishedAt\n    }\n  }\n": types.PublishRosterDocument,
    "\n  mutation UpdateAssignment($rosterId: ID!, $input: UpdateAssignmentInput!) {\n    updateAssignment(rosterId: $rosterId, input: $input) {\n      roster {\n        id\n        manualEdits\n      }\n      warnings {\n        kind\n        message\n      }\n    }\n  }\n": types.UpdateAssignmentDocument,
    "\n  mutation PlanWeek($week: String!, $options: RosterOptionsInput) {\n    planWeek(week: $week, options: $options) {\n      id\n      state\n      phase\n    }\n  }\n": types.PlanWeekDocument,
    "\n  mutation CancelRosterJob($id: ID!) {\n    cancelRosterJob(id: $id) {\n      id\n      state\n      phase\n    }\n  }\n": types.CancelRosterJobDocument,
    "\n  query RosterJob($id: ID!) {\n    rosterJob(id: $id) {\n      id\n      state\n      phase\n      rosterId\n      error\n      notes\n      progress {\n        elapsedSeconds\n        gap\n        objective\n      }\n    }\n  }\n": types.RosterJobDocument,
    "\n  subscription RosterJobProgress($jobId: ID!) {\n    rosterJobProgress(jobId: $jobId) {\n      jobId\n      state\n      phase\n      elapsedSeconds\n      gap\n      objective\n      message\n      rosterId\n    }\n  }\n": types.RosterJobProgressDocument,
    "\n  query StaffingScenario(\n    $channel: String!\n    $week: String\n    $basis: StaffingBasis!\n    $overrides: ScenarioInput!\n  ) {\n    staffingScenario(channel: $channel, week: $week, basis: $basis, overrides: $overrides) {\n      base {\n        intervalMinutes\n        totals {\n          volume\n          workloadHours\n          scheduledStaffHours\n          weeklyFte\n          peakScheduledAgents\n        }\n        rows {\n          scheduledAgents\n        }\n      }\n      scenario {\n        totals {\n          volume\n          workloadHours\n          scheduledStaffHours\n          weeklyFte\n          peakScheduledAgents\n        }\n        rows {\n          scheduledAgents\n        }\n      }\n    }\n  }\n": types.StaffingScenarioDocument,
    "\n  query StaffingPlan($week: String!, $basis: StaffingBasis!) {\n    staffingPlan(week: $week, basis: $basis) {\n      week\n      intervalMinutes\n      totalFte\n      totalStaffHours\n      skills {\n        skill\n        fte\n        peak\n        staffHours\n        values\n      }\n      channels {\n        channel\n        skill\n        model\n        weeklyFte\n        weeklyStaffHours\n        peakScheduledAgents\n      }\n    }\n  }\n": types.StaffingPlanDocument,
    "\n  query Users {\n    users(first: 200) {\n      totalCount\n      nodes {\n        id\n        username\n        roles\n        active\n        staffId\n        lastLoginAt\n        lockedUntil\n      }\n    }\n  }\n": types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      active\n      roles\n    }\n  }\n": types.UpdateUserDocument,
    "\n  mutation ResetPassword($id: ID!, $password: String!) {\n    resetPassword(id: $id, password: $password) {\n      id\n      lockedUntil\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  query SiteZone {\n    serverInfo {\n      timeZone\n    }\n  }\n": types.SiteZoneDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription Ping {\n    ping {\n      seq\n    }\n  }\n"): (typeof documents)["\n  subscription Ping {\n    ping {\n      seq\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAvailability {\n    availabilityLockDate\n    myAvailability {\n      updatedAt\n      weekly {\n        dayOfWeek\n        from\n        to\n      }\n      exceptions {\n        date\n        available\n        from\n        to\n        reason\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyAvailability {\n    availabilityLockDate\n    myAvailability {\n      updatedAt\n      weekly {\n        dayOfWeek\n        from\n        to\n      }\n      exceptions {\n        date\n        available\n        from\n        to\n        reason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMyAvailability($input: AvailabilityInput!) {\n    setMyAvailability(input: $input) {\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation SetMyAvailability($input: AvailabilityInput!) {\n    setMyAvailability(input: $input) {\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTimetable($week: String!) {\n    myTimetable(week: $week) {\n      version\n      publishedAt\n      shifts {\n        date\n        start\n        end\n        skill\n        breaks {\n          start\n          end\n          paid\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyTimetable($week: String!) {\n    myTimetable(week: $week) {\n      version\n      publishedAt\n      shifts {\n        date\n        start\n        end\n        skill\n        breaks {\n          start\n          end\n          paid\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MyRosterPublished($week: String!) {\n    rosterPublished(week: $week) {\n      rosterId\n    }\n  }\n"): (typeof documents)["\n  subscription MyRosterPublished($week: String!) {\n    rosterPublished(week: $week) {\n      rosterId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditFilterInput, $after: String) {\n    auditLog(filter: $filter, first: 100, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        at\n        username\n        action\n        target\n        ok\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($filter: AuditFilterInput, $after: String) {\n    auditLog(filter: $filter, first: 100, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        at\n        username\n        action\n        target\n        ok\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ErlangCalculator($input: ErlangCalculatorInput!) {\n    erlangCalculator(input: $input) {\n      model\n      trafficErlangs\n      rawAgents\n      scheduledAgents\n      binding\n      atRequired {\n        agents\n        serviceLevel\n        asaSeconds\n        occupancy\n        waitProbability\n        abandonProbability\n      }\n    }\n  }\n"): (typeof documents)["\n  query ErlangCalculator($input: ErlangCalculatorInput!) {\n    erlangCalculator(input: $input) {\n      model\n      trafficErlangs\n      rawAgents\n      scheduledAgents\n      binding\n      atRequired {\n        agents\n        serviceLevel\n        asaSeconds\n        occupancy\n        waitProbability\n        abandonProbability\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ForecastModels($channel: String!) {\n    models(channel: $channel) {\n      id\n      version\n      kind\n      status\n      createdAt\n      metrics {\n        mase\n        wape\n        coverage80\n        coverage95\n        origins\n      }\n    }\n  }\n"): (typeof documents)["\n  query ForecastModels($channel: String!) {\n    models(channel: $channel) {\n      id\n      version\n      kind\n      status\n      createdAt\n      metrics {\n        mase\n        wape\n        coverage80\n        coverage95\n        origins\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActivateModel($id: ID!) {\n    activateModel(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ActivateModel($id: ID!) {\n    activateModel(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ForecastAccuracy($channel: String!, $from: LocalDate!, $to: LocalDate!) {\n    forecastAccuracy(channel: $channel, from: $from, to: $to) {\n      drift\n      driftFactor\n      runs {\n        forecastId\n        modelKind\n        start\n        drift\n        backtestWape\n        metrics {\n          n\n          wape\n          mase\n          coverage80\n          coverage95\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ForecastAccuracy($channel: String!, $from: LocalDate!, $to: LocalDate!) {\n    forecastAccuracy(channel: $channel, from: $from, to: $to) {\n      drift\n      driftFactor\n      runs {\n        forecastId\n        modelKind\n        start\n        drift\n        backtestWape\n        metrics {\n          n\n          wape\n          mase\n          coverage80\n          coverage95\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ForecastRunFields on Forecast {\n    id\n    start\n    end\n    horizonDays\n    intervalMinutes\n    modelKind\n    createdAt\n    points {\n      t\n      mean\n      lo80\n      hi80\n      lo95\n      hi95\n    }\n    dailyTotals {\n      date\n      mean\n      lo80\n      hi80\n      lo95\n      hi95\n    }\n  }\n"): (typeof documents)["\n  fragment ForecastRunFields on Forecast {\n    id\n    start\n    end\n    horizonDays\n    intervalMinutes\n    modelKind\n    createdAt\n    points {\n      t\n      mean\n      lo80\n      hi80\n      lo95\n      hi95\n    }\n    dailyTotals {\n      date\n      mean\n      lo80\n      hi80\n      lo95\n      hi95\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LatestForecast($channel: String!) {\n    latestForecast(channel: $channel) {\n      ...ForecastRunFields\n    }\n  }\n"): (typeof documents)["\n  query LatestForecast($channel: String!) {\n    latestForecast(channel: $channel) {\n      ...ForecastRunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ForecastById($id: ID!) {\n    forecast(id: $id) {\n      ...ForecastRunFields\n    }\n  }\n"): (typeof documents)["\n  query ForecastById($id: ID!) {\n    forecast(id: $id) {\n      ...ForecastRunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ForecastRuns($channel: String!) {\n    forecasts(channel: $channel, first: 20) {\n      nodes {\n        id\n        start\n        createdAt\n        modelKind\n      }\n    }\n  }\n"): (typeof documents)["\n  query ForecastRuns($channel: String!) {\n    forecasts(channel: $channel, first: 20) {\n      nodes {\n        id\n        start\n        createdAt\n        modelKind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ForecastHistory($channel: String!, $from: LocalDate!, $to: LocalDate!) {\n    volumes(channel: $channel, from: $from, to: $to) {\n      intervals {\n        t\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  query ForecastHistory($channel: String!, $from: LocalDate!, $to: LocalDate!) {\n    volumes(channel: $channel, from: $from, to: $to) {\n      intervals {\n        t\n        value\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunForecast($channel: String!, $start: LocalDate!, $horizonDays: Int!) {\n    runForecast(channel: $channel, start: $start, horizonDays: $horizonDays) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RunForecast($channel: String!, $start: LocalDate!, $horizonDays: Int!) {\n    runForecast(channel: $channel, start: $start, horizonDays: $horizonDays) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ForecastUpdated($channel: String!) {\n    forecastUpdated(channel: $channel) {\n      forecastId\n      start\n    }\n  }\n"): (typeof documents)["\n  subscription ForecastUpdated($channel: String!) {\n    forecastUpdated(channel: $channel) {\n      forecastId\n      start\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ForecastChannels {\n    channels(first: 50, filter: { active: true }) {\n      nodes {\n        key\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query ForecastChannels {\n    channels(first: 50, filter: { active: true }) {\n      nodes {\n        key\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HistoryQuality($channel: String!, $from: LocalDate!, $to: LocalDate!) {\n    validateVolumes(channel: $channel, from: $from, to: $to) {\n      counts {\n        missing\n        negatives\n        outsideOpeningHours\n        outliers\n      }\n      outliers {\n        timestamp\n        value\n        expected\n        score\n      }\n    }\n  }\n"): (typeof documents)["\n  query HistoryQuality($channel: String!, $from: LocalDate!, $to: LocalDate!) {\n    validateVolumes(channel: $channel, from: $from, to: $to) {\n      counts {\n        missing\n        negatives\n        outsideOpeningHours\n        outliers\n      }\n      outliers {\n        timestamp\n        value\n        expected\n        score\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      expiresAt\n      user {\n        username\n        roles\n        staffId\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      expiresAt\n      user {\n        username\n        roles\n        staffId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RankerFields on RankerModel {\n    id\n    version\n    status\n    createdAt\n    activatedAt\n    lookbackWeeks\n    metrics {\n      auc\n      baselineAuc\n      precisionAtK\n      baselinePrecisionAtK\n      trainRows\n      validationRows\n      trainWeeks\n      validationWeeks\n    }\n  }\n"): (typeof documents)["\n  fragment RankerFields on RankerModel {\n    id\n    version\n    status\n    createdAt\n    activatedAt\n    lookbackWeeks\n    metrics {\n      auc\n      baselineAuc\n      precisionAtK\n      baselinePrecisionAtK\n      trainRows\n      validationRows\n      trainWeeks\n      validationWeeks\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RankerModels {\n    rankerModels {\n      ...RankerFields\n    }\n    rankerRollback {\n      target {\n        id\n        version\n      }\n      refusal\n    }\n  }\n"): (typeof documents)["\n  query RankerModels {\n    rankerModels {\n      ...RankerFields\n    }\n    rankerRollback {\n      target {\n        id\n        version\n      }\n      refusal\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrainRanker($lookbackWeeks: Int!) {\n    trainAssignmentRanker(lookbackWeeks: $lookbackWeeks) {\n      ...RankerFields\n    }\n  }\n"): (typeof documents)["\n  mutation TrainRanker($lookbackWeeks: Int!) {\n    trainAssignmentRanker(lookbackWeeks: $lookbackWeeks) {\n      ...RankerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActivateRanker($id: ID!) {\n    activateRanker(id: $id) {\n      ...RankerFields\n    }\n  }\n"): (typeof documents)["\n  mutation ActivateRanker($id: ID!) {\n    activateRanker(id: $id) {\n      ...RankerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RollbackRanker {\n    rollbackRanker {\n      ...RankerFields\n    }\n  }\n"): (typeof documents)["\n  mutation RollbackRanker {\n    rollbackRanker {\n      ...RankerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KpiTargetFields on KpiTarget {\n    baseline\n    target\n    direction\n    unit\n  }\n"): (typeof documents)["\n  fragment KpiTargetFields on KpiTarget {\n    baseline\n    target\n    direction\n    unit\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchedulingKpis($from: String!, $to: String!) {\n    schedulingKpis(from: $from, to: $to) {\n      targets {\n        successRate {\n          ...KpiTargetFields\n        }\n        workloadBalance {\n          ...KpiTargetFields\n        }\n        interventionRate {\n          ...KpiTargetFields\n        }\n      }\n      overall {\n        successRate\n        workloadBalance\n        interventionRate\n        fallbackRate\n        targetMet {\n          successRate\n          workloadBalance\n          interventionRate\n        }\n      }\n      weeks {\n        week\n        successRate\n        workloadBalance\n        interventionRate\n        fallbackRate\n        targetMet {\n          workloadBalance\n          interventionRate\n        }\n        mlVsRules {\n          rulesCoveragePercent\n          modelCoveragePercent\n          rulesLabourCost\n          modelLabourCost\n          differingAssignments\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SchedulingKpis($from: String!, $to: String!) {\n    schedulingKpis(from: $from, to: $to) {\n      targets {\n        successRate {\n          ...KpiTargetFields\n        }\n        workloadBalance {\n          ...KpiTargetFields\n        }\n        interventionRate {\n          ...KpiTargetFields\n        }\n      }\n      overall {\n        successRate\n        workloadBalance\n        interventionRate\n        fallbackRate\n        targetMet {\n          successRate\n          workloadBalance\n          interventionRate\n        }\n      }\n      weeks {\n        week\n        successRate\n        workloadBalance\n        interventionRate\n        fallbackRate\n        targetMet {\n          workloadBalance\n          interventionRate\n        }\n        mlVsRules {\n          rulesCoveragePercent\n          modelCoveragePercent\n          rulesLabourCost\n          modelLabourCost\n          differingAssignments\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Rosters($week: String!) {\n    rosters(week: $week) {\n      id\n      version\n      status\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query Rosters($week: String!) {\n    rosters(week: $week) {\n      id\n      version\n      status\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RosterDetail($id: ID!, $after: String) {\n    roster(id: $id) {\n      id\n      week\n      version\n      status\n      manualEdits\n      intervalMinutes\n      publishedAt\n      solver {\n        status\n        gap\n        seconds\n        heuristic\n      }\n      ranking {\n        path\n        fallbackRate\n        reason\n      }\n      assignmentCount\n      staffWeeks(first: 500, after: $after) {\n        totalCount\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n        nodes {\n          staffId\n          assignments {\n            staffId\n            date\n            start\n            end\n            skill\n            shiftTemplateId\n          }\n        }\n      }\n      kpis {\n        labourCost\n        preferencesMetPercent\n        skills {\n          skill\n          coveragePercent\n          requiredHours\n          underStaffedHours\n          overStaffedHours\n        }\n        fairness {\n          hoursDeviationStdDev\n          weekendShiftsMin\n          weekendShiftsMax\n          weekendShiftsSpread\n        }\n      }\n      warnings {\n        kind\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  query RosterDetail($id: ID!, $after: String) {\n    roster(id: $id) {\n      id\n      week\n      version\n      status\n      manualEdits\n      intervalMinutes\n      publishedAt\n      solver {\n        status\n        gap\n        seconds\n        heuristic\n      }\n      ranking {\n        path\n        fallbackRate\n        reason\n      }\n      assignmentCount\n      staffWeeks(first: 500, after: $after) {\n        totalCount\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n        nodes {\n          staffId\n          assignments {\n            staffId\n            date\n            start\n            end\n            skill\n            shiftTemplateId\n          }\n        }\n      }\n      kpis {\n        labourCost\n        preferencesMetPercent\n        skills {\n          skill\n          coveragePercent\n          requiredHours\n          underStaffedHours\n          overStaffedHours\n        }\n        fairness {\n          hoursDeviationStdDev\n          weekendShiftsMin\n          weekendShiftsMax\n          weekendShiftsSpread\n        }\n      }\n      warnings {\n        kind\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RosterCoverage($id: ID!, $skill: String!) {\n    roster(id: $id) {\n      id\n      coverage(skill: $skill) {\n        skill\n        required\n        scheduled\n      }\n    }\n  }\n"): (typeof documents)["\n  query RosterCoverage($id: ID!, $skill: String!) {\n    roster(id: $id) {\n      id\n      coverage(skill: $skill) {\n        skill\n        required\n        scheduled\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RosterBreaks($id: ID!, $after: String) {\n    roster(id: $id) {\n      id\n      staffWeeks(first: 500, after: $after) {\n        nodes {\n          assignments {\n            breaks {\n              start\n              end\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RosterBreaks($id: ID!, $after: String) {\n    roster(id: $id) {\n      id\n      staffWeeks(first: 500, after: $after) {\n        nodes {\n          assignments {\n            breaks {\n              start\n              end\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RosterStaff {\n    staff(first: 500) {\n      nodes {\n        id\n        name\n        employeeNo\n      }\n    }\n    shiftTemplates(first: 100) {\n      nodes {\n        id\n        name\n        start\n        durationMinutes\n        breakMinutes\n      }\n    }\n  }\n"): (typeof documents)["\n  query RosterStaff {\n    staff(first: 500) {\n      nodes {\n        id\n        name\n        employeeNo\n      }\n    }\n    shiftTemplates(first: 100) {\n      nodes {\n        id\n        name\n        start\n        durationMinutes\n        breakMinutes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishRoster($id: ID!) {\n    publishRoster(id: $id) {\n      id\n      status\n      publishedAt\n    }\n  }\n"): (typeof documents)["\n  mutation PublishRoster($id: ID!) {\n    publishRoster(id: $id) {\n      id\n      status\n      publishedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAssignment($rosterId: ID!, $input: UpdateAssignmentInput!) {\n    updateAssignment(rosterId: $rosterId, input: $input) {\n      roster {\n        id\n        manualEdits\n      }\n      warnings {\n        kind\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAssignment($rosterId: ID!, $input: UpdateAssignmentInput!) {\n    updateAssignment(rosterId: $rosterId, input: $input) {\n      roster {\n        id\n        manualEdits\n      }\n      warnings {\n        kind\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlanWeek($week: String!, $options: RosterOptionsInput) {\n    planWeek(week: $week, options: $options) {\n      id\n      state\n      phase\n    }\n  }\n"): (typeof documents)["\n  mutation PlanWeek($week: String!, $options: RosterOptionsInput) {\n    planWeek(week: $week, options: $options) {\n      id\n      state\n      phase\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelRosterJob($id: ID!) {\n    cancelRosterJob(id: $id) {\n      id\n      state\n      phase\n    }\n  }\n"): (typeof documents)["\n  mutation CancelRosterJob($id: ID!) {\n    cancelRosterJob(id: $id) {\n      id\n      state\n      phase\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RosterJob($id: ID!) {\n    rosterJob(id: $id) {\n      id\n      state\n      phase\n      rosterId\n      error\n      notes\n      progress {\n        elapsedSeconds\n        gap\n        objective\n      }\n    }\n  }\n"): (typeof documents)["\n  query RosterJob($id: ID!) {\n    rosterJob(id: $id) {\n      id\n      state\n      phase\n      rosterId\n      error\n      notes\n      progress {\n        elapsedSeconds\n        gap\n        objective\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RosterJobProgress($jobId: ID!) {\n    rosterJobProgress(jobId: $jobId) {\n      jobId\n      state\n      phase\n      elapsedSeconds\n      gap\n      objective\n      message\n      rosterId\n    }\n  }\n"): (typeof documents)["\n  subscription RosterJobProgress($jobId: ID!) {\n    rosterJobProgress(jobId: $jobId) {\n      jobId\n      state\n      phase\n      elapsedSeconds\n      gap\n      objective\n      message\n      rosterId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffingScenario(\n    $channel: String!\n    $week: String\n    $basis: StaffingBasis!\n    $overrides: ScenarioInput!\n  ) {\n    staffingScenario(channel: $channel, week: $week, basis: $basis, overrides: $overrides) {\n      base {\n        intervalMinutes\n        totals {\n          volume\n          workloadHours\n          scheduledStaffHours\n          weeklyFte\n          peakScheduledAgents\n        }\n        rows {\n          scheduledAgents\n        }\n      }\n      scenario {\n        totals {\n          volume\n          workloadHours\n          scheduledStaffHours\n          weeklyFte\n          peakScheduledAgents\n        }\n        rows {\n          scheduledAgents\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StaffingScenario(\n    $channel: String!\n    $week: String\n    $basis: StaffingBasis!\n    $overrides: ScenarioInput!\n  ) {\n    staffingScenario(channel: $channel, week: $week, basis: $basis, overrides: $overrides) {\n      base {\n        intervalMinutes\n        totals {\n          volume\n          workloadHours\n          scheduledStaffHours\n          weeklyFte\n          peakScheduledAgents\n        }\n        rows {\n          scheduledAgents\n        }\n      }\n      scenario {\n        totals {\n          volume\n          workloadHours\n          scheduledStaffHours\n          weeklyFte\n          peakScheduledAgents\n        }\n        rows {\n          scheduledAgents\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffingPlan($week: String!, $basis: StaffingBasis!) {\n    staffingPlan(week: $week, basis: $basis) {\n      week\n      intervalMinutes\n      totalFte\n      totalStaffHours\n      skills {\n        skill\n        fte\n        peak\n        staffHours\n        values\n      }\n      channels {\n        channel\n        skill\n        model\n        weeklyFte\n        weeklyStaffHours\n        peakScheduledAgents\n      }\n    }\n  }\n"): (typeof documents)["\n  query StaffingPlan($week: String!, $basis: StaffingBasis!) {\n    staffingPlan(week: $week, basis: $basis) {\n      week\n      intervalMinutes\n      totalFte\n      totalStaffHours\n      skills {\n        skill\n        fte\n        peak\n        staffHours\n        values\n      }\n      channels {\n        channel\n        skill\n        model\n        weeklyFte\n        weeklyStaffHours\n        peakScheduledAgents\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users {\n    users(first: 200) {\n      totalCount\n      nodes {\n        id\n        username\n        roles\n        active\n        staffId\n        lastLoginAt\n        lockedUntil\n      }\n    }\n  }\n"): (typeof documents)["\n  query Users {\n    users(first: 200) {\n      totalCount\n      nodes {\n        id\n        username\n        roles\n        active\n        staffId\n        lastLoginAt\n        lockedUntil\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      active\n      roles\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      active\n      roles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($id: ID!, $password: String!) {\n    resetPassword(id: $id, password: $password) {\n      id\n      lockedUntil\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($id: ID!, $password: String!) {\n    resetPassword(id: $id, password: $password) {\n      id\n      lockedUntil\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SiteZone {\n    serverInfo {\n      timeZone\n    }\n  }\n"): (typeof documents)["\n  query SiteZone {\n    serverInfo {\n      timeZone\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;