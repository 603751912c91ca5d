import type { NonEmptyArray } from 'type-graphql';
import { AuditResolver } from '../auth/audit.resolver';
import { AuditService } from '../auth/audit.service';
import { jwtSecret } from '../auth/jwt-secret';
import { TokenIssuer } from '../auth/token';
import { UserResolver } from '../auth/user.resolver';
import { UserService } from '../auth/user.service';
import { ChannelResolver } from '../channels/channel.resolver';
import { ChannelService } from '../channels/channel.service';
import type { Config } from '../config';
import type { DownloadRoute } from '../export/download';
import type { EventBus } from '../events/pubsub';
import { AccuracyService } from '../forecasting/accuracy.service';
import { forecastDownload } from '../forecasting/forecast.export';
import { ForecastResolver } from '../forecasting/forecast.resolver';
import { ForecastService } from '../forecasting/forecast.service';
import { ForecastingFacade } from '../forecasting/forecasting-facade';
import { ModelRegistryResolver } from '../forecasting/model-registry.resolver';
import { ModelRegistryService } from '../forecasting/model-registry.service';
import { HolidayResolver } from '../holidays/holiday.resolver';
import { HolidayService } from '../holidays/holiday.service';
import type { Logger } from '../logger';
import { PlanWeekService } from '../rostering/plan-week.service';
import {
  RosterConflictEventResolver,
  RosterConflictResolver,
  RosterOutcomeResolver,
} from '../rostering/roster-conflict.resolver';
import { RankingLabelService } from '../ranking/ranking-label.service';
import { RankerRegistryService } from '../ranking/ranker-registry.service';
import { RankingService } from '../ranking/ranking.service';
import { RankingResolver } from '../ranking/ranking.resolver';
import { RosterRankingResolver } from '../ranking/roster-ranking.resolver';
import { rankingFlags } from '../ranking/ranking-flags.core';
import { kpiTargets } from '../ranking/kpi-targets.core';
import { RosterConflictService } from '../rostering/roster-conflict.service';
import { RosterJobService } from '../rostering/roster-job.service';
import { RosterProblemSource } from '../rostering/roster-problem-source';
import { rosterDownloads } from '../rostering/roster.export';
import { RosterOutcomeService } from '../rostering/roster-outcome.service';
import { RosterRepairService } from '../rostering/roster-repair.service';
import { RosterResolver } from '../rostering/roster.resolver';
import { RosterService } from '../rostering/roster.service';
import { AvailabilityResolver } from '../staff/availability.resolver';
import { AvailabilityService } from '../staff/availability.service';
import { ShiftTemplateResolver } from '../staff/shift-template.resolver';
import { ShiftTemplateService } from '../staff/shift-template.service';
import { SiteSettingsService } from '../staff/site-settings.service';
import { StaffResolver } from '../staff/staff.resolver';
import { StaffService } from '../staff/staff.service';
import { staffingDownloads } from '../staffing/staffing.export';
import { StaffingRequirementPlanResolver, StaffingResolver } from '../staffing/staffing.resolver';
import { StaffingService } from '../staffing/staffing.service';
import type { WorkloadPlan, WorkloadProblem } from '../staffing/workload-lp.core';
import { WORKLOAD_TASK } from '../staffing/workload.task';
import type { DocumentStore } from '../store/document-store';
import type { ResolverClass } from './schema';
import { VolumeResolver } from '../volumes/volume.resolver';
import { VolumeService } from '../volumes/volume.service';
import type { RedisInfra } from '../jobs/redis-infra';
import { SingleProcessLiveness } from '../workers/process-liveness';
import type { TaskRunner } from '../workers/task-runner';
import { taskFile } from '../workers/worker-pool';
import { createWorkerPool } from './worker-pool-setup';
import { todayIn } from '../common/calendar';
import { Metrics, observedRunner } from './metrics';
import { heavyReadLanes } from './heavy-reads';
import type { KeyedLanes } from '../common/keyed-lanes';
import { VERSION } from '../version';
import { ServerInfo, SystemResolver } from './system.resolver';

export interface Infrastructure {
  config: Config;
  logger: Logger;
  store: DocumentStore;
  events: EventBus;
  /** Redis events, jobs and liveness, when REDIS_URL is set (src/jobs/redis-infra.ts). */
  redis?: RedisInfra;
}

/** Every service of the process, built once: the composition root. */
export interface Services extends Infrastructure {
  /** Forecast and roster tasks: BullMQ jobs with Redis, the in-process pool otherwise. */
  workers: TaskRunner;
  metrics: Metrics;
  /** Each user's plans, outcomes and exports, a few at a time (heavy-reads.ts). */
  heavyReads: KeyedLanes;
  users: UserService;
  audit: AuditService;
  channels: ChannelService;
  staff: StaffService;
  availability: AvailabilityService;
  shiftTemplates: ShiftTemplateService;
  siteSettings: SiteSettingsService;
  staffing: StaffingService;
  rosters: RosterService;
  rosterJobs: RosterJobService;
  rosterConflicts: RosterConflictService;
  rosterRepair: RosterRepairService;
  rosterOutcomes: RosterOutcomeService;
  /** A week's roster problem from the site's master data, in the site's zone. */
  rosterProblems: RosterProblemSource;
  rankingLabels: RankingLabelService;
  rankers: RankerRegistryService;
  ranking: RankingService;
  planWeek: PlanWeekService;
  volumes: VolumeService;
  models: ModelRegistryService;
  holidays: HolidayService;
  forecasts: ForecastService;
  forecastAccuracy: AccuracyService;
  /** Train / run by channel key, for other features (planWeek). */
  forecasting: ForecastingFacade;
}

/** What every feature is built on: the infrastructure and the task runner. */
interface Base extends Infrastructure {
  workers: TaskRunner;
  timeZone: string;
}

type MasterData = Pick<
  Services,
  'users' | 'audit' | 'channels' | 'staff' | 'siteSettings' | 'availability' | 'shiftTemplates' | 'holidays'
>;
type Forecasting = Pick<Services, 'volumes' | 'models' | 'forecasts' | 'forecasting' | 'forecastAccuracy'>;
type Rostering = Pick<
  Services,
  | 'rosters'
  | 'rosterJobs'
  | 'rosterConflicts'
  | 'rosterRepair'
  | 'rosterOutcomes'
  | 'rosterProblems'
  | 'planWeek'
>;
type Ranking = Pick<Services, 'rankingLabels' | 'rankers' | 'ranking'>;

/** Accounts, audit and the master data every planning feature reads. */
function masterData({ config, store, timeZone }: Base): MasterData {
  const tokens = new TokenIssuer(jwtSecret(config), config.SESSION_TIMEOUT_MINUTES);
  const users = new UserService(store, tokens, config);
  const channels = new ChannelService(store);
  const staff = new StaffService(store, channels, users);
  const siteSettings = new SiteSettingsService(store);
  return {
    users,
    audit: new AuditService(store),
    channels,
    staff,
    siteSettings,
    availability: new AvailabilityService(store, staff, siteSettings, timeZone),
    shiftTemplates: new ShiftTemplateService(store, channels),
    holidays: new HolidayService(store),
  };
}

/** Volumes, the model registry, forecast runs and their accuracy. */
function forecastingFeatures(base: Base, { channels, holidays }: MasterData): Forecasting {
  const { config, store, workers, events, timeZone } = base;
  const volumes = new VolumeService(store, channels, timeZone);
  const models = new ModelRegistryService(store, channels, volumes, workers, { timeZone, holidays });
  const forecasts = new ForecastService(store, channels, volumes, models, workers, events, timeZone);
  return {
    volumes,
    models,
    forecasts,
    forecasting: new ForecastingFacade(models, forecasts),
    forecastAccuracy: new AccuracyService(channels, volumes, forecasts, models, {
      timeZone,
      driftFactor: config.FORECAST_DRIFT_FACTOR,
    }),
  };
}

/** Staffing plans from the channels and their forecasts; workload LPs in the task runner. */
function staffingFeature(
  { store, workers, timeZone }: Base,
  { channels, holidays }: MasterData,
  forecasts: ForecastService,
): StaffingService {
  return new StaffingService(
    store,
    { channels, forecasts, holidays },
    {
      timeZone,
      workloadSolver: (problem) =>
        workers.run<WorkloadProblem, WorkloadPlan>(taskFile(WORKLOAD_TASK), 'solveWorkloadPlan', problem),
      workloadLanes: workers.parallelism,
    },
  );
}

/** Published rosters checked against master-data changes (staff, availability, calendar). */
function conflictsFeature(
  { store, events, timeZone, logger }: Base,
  master: MasterData,
): RosterConflictService {
  const { staff, availability, holidays } = master;
  return new RosterConflictService(store, events, staff, availability, timeZone, logger, holidays);
}

/** Rosters, their jobs (generate and planWeek), conflicts, repair and outcomes. */
function rosteringFeatures(
  base: Base,
  master: MasterData,
  forecasting: Forecasting,
  staffing: StaffingService,
): Rostering {
  const { store, events, workers, logger, timeZone } = base;
  const { staff, availability, shiftTemplates, channels, holidays } = master;
  const rosters = new RosterService(store, events, timeZone);
  const source = new RosterProblemSource(
    { staff, availability, shiftTemplates, rosters, holidays, channels },
    timeZone,
  );
  const liveness = base.redis?.liveness ?? new SingleProcessLiveness();
  const rosterJobs = new RosterJobService(
    store,
    events,
    workers,
    rosters,
    source,
    staffing,
    logger,
    liveness,
  );
  const rosterConflicts = conflictsFeature(base, master);
  return {
    rosters,
    rosterJobs,
    rosterConflicts,
    rosterProblems: source,
    rosterRepair: new RosterRepairService(rosters, rosterConflicts, workers),
    rosterOutcomes: new RosterOutcomeService(
      rosters,
      channels,
      forecasting.volumes,
      staffing,
      rosterJobs,
      holidays,
    ),
    planWeek: new PlanWeekService(
      rosterJobs,
      source,
      { channels, forecasting: forecasting.forecasting, staffing },
      timeZone,
    ),
  };
}

/** Publish labels, rankers and the learned objective; registers with the roster features. */
function rankingFeature({ store, workers, config, logger }: Base, rostering: Rostering): Ranking {
  const rankingLabels = new RankingLabelService(store);
  const rankers = new RankerRegistryService(store);
  const ranking = new RankingService(
    rostering.rosters,
    rankingLabels,
    rankers,
    workers,
    rankingFlags(config),
    logger,
    kpiTargets(config),
  );
  rostering.rosters.onPublish(async (doc) => {
    await rankingLabels.record(doc);
  });
  rostering.rosterJobs.setObjectivePlanner((problem) => ranking.plan(problem));
  return { rankingLabels, rankers, ranking };
}

/** Every service, each built from the ones below it (master data → forecasting → staffing → rostering → ranking). */
export function createServices(infra: Infrastructure): Services {
  const runner = infra.redis?.runner ?? createWorkerPool(infra.config, infra.logger);
  // metrics observe the runner and read the services built below (late, at scrape time)
  const workers = observedRunner(runner, () => services.metrics);
  const base: Base = { ...infra, workers, timeZone: infra.config.SITE_TIME_ZONE };
  const master = masterData(base);
  const forecasting = forecastingFeatures(base, master);
  const staffing = staffingFeature(base, master, forecasting.forecasts);
  const rostering = rosteringFeatures(base, master, forecasting, staffing);
  rostering.rosterConflicts.listen(rostering.rosters);
  const ranking = rankingFeature(base, rostering);
  const metrics = new Metrics({
    depth: () => workers.depth(),
    backtestMase: async () => {
      const channels = await master.channels.listActive();
      const active = await Promise.all(channels.map((c) => forecasting.models.active(c.key)));
      return active.flatMap((m) => (m ? [{ channel: m.channel, mase: m.metrics.mase }] : []));
    },
    schedulingKpis: () => ranking.ranking.recentKpis(todayIn(base.timeZone)),
    kpiTargets: ranking.ranking.targets,
  });
  const services: Services = {
    ...infra,
    workers,
    metrics,
    heavyReads: heavyReadLanes(),
    ...master,
    ...forecasting,
    staffing,
    ...rostering,
    ...ranking,
  };
  return services;
}

/** Creates every index the features declare; idempotent, run at each start. */
export async function ensureIndexes(store: DocumentStore): Promise<void> {
  await UserService.ensureIndexes(store);
  await AuditService.ensureIndexes(store);
  await ChannelService.ensureIndexes(store);
  await StaffService.ensureIndexes(store);
  await AvailabilityService.ensureIndexes(store);
  await ShiftTemplateService.ensureIndexes(store);
  await RosterService.ensureIndexes(store);
  await RosterJobService.ensureIndexes(store);
  await RankingLabelService.ensureIndexes(store);
  await RankerRegistryService.ensureIndexes(store);
  await VolumeService.ensureIndexes(store);
  await ModelRegistryService.ensureIndexes(store);
  await ForecastService.ensureIndexes(store);
  await HolidayService.ensureIndexes(store);
}

/** Every download (XLSX/CSV export) the features offer, mounted under /exports. */
export function downloads(services: Services): DownloadRoute[] {
  return [
    ...staffingDownloads(services.staffing),
    ...rosterDownloads(services.rosters, services.rosterOutcomes),
    forecastDownload(services.forecasts),
  ];
}

/** Every resolver class of the API, in schema order. */
export const RESOLVERS: NonEmptyArray<ResolverClass> = [
  SystemResolver,
  UserResolver,
  AuditResolver,
  ChannelResolver,
  StaffResolver,
  AvailabilityResolver,
  ShiftTemplateResolver,
  StaffingResolver,
  StaffingRequirementPlanResolver,
  RosterResolver,
  RosterConflictResolver,
  RosterConflictEventResolver,
  RosterOutcomeResolver,
  RankingResolver,
  RosterRankingResolver,
  VolumeResolver,
  ModelRegistryResolver,
  ForecastResolver,
  HolidayResolver,
];

/** One instance per resolver class, with its services injected. */
export function resolverInstances(services: Services): Map<ResolverClass, object> {
  const info = Object.assign(new ServerInfo(), {
    version: VERSION,
    store: services.store.kind,
    timeZone: services.config.SITE_TIME_ZONE,
  });
  return new Map<ResolverClass, object>([
    [SystemResolver, new SystemResolver(info)],
    [UserResolver, new UserResolver(services.users)],
    [AuditResolver, new AuditResolver(services.audit)],
    [ChannelResolver, new ChannelResolver(services.channels)],
    [StaffResolver, new StaffResolver(services.staff, services.availability)],
    [AvailabilityResolver, new AvailabilityResolver(services.availability)],
    [ShiftTemplateResolver, new ShiftTemplateResolver(services.shiftTemplates)],
    [StaffingResolver, new StaffingResolver(services.staffing, services.heavyReads)],
    [StaffingRequirementPlanResolver, new StaffingRequirementPlanResolver()],
    [RosterResolver, new RosterResolver(services.rosters, services.rosterJobs, services.planWeek)],
    [
      RosterConflictResolver,
      new RosterConflictResolver(services.rosterRepair, services.rosterOutcomes, services.heavyReads),
    ],
    [RosterConflictEventResolver, new RosterConflictEventResolver()],
    [RosterOutcomeResolver, new RosterOutcomeResolver()],
    [RankingResolver, new RankingResolver(services.ranking, services.rankers, services.heavyReads)],
    [RosterRankingResolver, new RosterRankingResolver()],
    [VolumeResolver, new VolumeResolver(services.volumes)],
    [ModelRegistryResolver, new ModelRegistryResolver(services.models)],
    [HolidayResolver, new HolidayResolver(services.holidays)],
    [ForecastResolver, new ForecastResolver(services.forecasts, services.models, services.forecastAccuracy)],
  ]);
}
