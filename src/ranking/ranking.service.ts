/**
 * Learned ranking: trains the assignment ranker from published rosters (in the worker pool),
 * and plans each week's objective (rules, model, shadow, canary) for the roster jobs.
 */
import { Role } from '../auth/roles';
import { addDays, daysBetween, mondayOf } from '../common/calendar';
import { KeyedLanes } from '../common/keyed-lanes';
import { TimeSlicer } from '../time-slicer';
import type { Viewer } from '../auth/request-context';
import { AppError, badInput } from '../errors';
import type { Logger } from '../logger';
import type { ObjectivePlan } from '../rostering/roster-job.service';
import type { RosterProblem } from '../rostering/roster-problem-schema';
import { rosterCoveragePercent } from '../rostering/roster-kpi';
import { assertWeek, type RosterService } from '../rostering/roster.service';
import type { TaskRunner } from '../workers/task-runner';
import { taskFile } from '../workers/worker-pool';
import { HISTORY_WEEKS, type WeekHistory } from './ranking-features.core';
import { planMode, type RankingFlags } from './ranking-flags.core';
import type { RankingLabelService } from './ranking-label.service';
import { historyWeek, type RankerWeek } from './ranker-dataset.core';
import type { RankerModelDoc } from './ranker-model.doc';
import { rankerFeatureMismatch, type RankerRegistryService } from './ranker-registry.service';
import { decideRewards, type Prediction, type RewardDecision } from './ranker-rewards.core';
import type { RankerMetrics, RankerOptions, TrainedRanker } from './ranker.core';
import {
  type KpiRoster,
  type KpiWeekInput,
  mlVsRulesPair,
  RECENT_KPI_WEEKS,
  schedulingKpis,
  type SchedulingKpis,
} from './scheduling-kpis.core';
import { judgeKpis, type JudgedSchedulingKpis, type KpiTargets } from './kpi-targets.core';
import type { ScoreWeekTaskInput, TrainRankerTaskInput } from './ranker.task';

export const MIN_TRAIN_WEEKS = 6;
export const MAX_LOOKBACK_WEEKS = 104;
export const MAX_KPI_WEEKS = 104;

/** Reads drafts as a manager would, for the KPIs computed on a /metrics scrape. */
const KPI_READER: Viewer = {
  userId: 'system:metrics',
  username: 'metrics',
  roles: [Role.MANAGER],
  staffId: null,
};

export class RankingService {
  /**
   * One training at a time in this process; another is refused at once (RATE_LIMITED). Each
   * reads every published week of its lookback, sends them to a worker and stores a forest:
   * 12 sent at once filled the worker queue that roster solves and forecasts share for 53 s,
   * held /healthz up to 1.1 s and took the process from 0.77 to 1.15 GB.
   */
  private readonly trainings = new KeyedLanes(
    { lanes: 1, perKey: 1, perOwner: 1 },
    { key: () => 'ranker training is already', owner: 'ranker training' },
  );

  constructor(
    private readonly rosters: RosterService,
    private readonly labels: RankingLabelService,
    private readonly registry: RankerRegistryService,
    private readonly workers: TaskRunner,
    private readonly flags: RankingFlags,
    private readonly logger: Logger,
    /** The site's KPI baselines and targets (KPI_* settings), judged against and on /metrics. */
    readonly targets: KpiTargets,
  ) {}

  /** Published rosters of the `weeks` weeks before `week`, newest first (missing weeks skipped). */
  async history(problemWeek: string, weeks = HISTORY_WEEKS): Promise<WeekHistory> {
    const docs = await Promise.all(
      Array.from({ length: weeks }, (_, k) => this.rosters.published(addDays(problemWeek, -7 * (k + 1)))),
    );
    return docs.flatMap((d) => (d ? [historyWeek(d.problem, d.assignments)] : []));
  }

  /**
   * Trains a ranker on the last `lookbackWeeks` published weeks (newest sixth validates). It is
   * activated when no usable ranker is active (none, or one refused for its feature names) and it beats the stated-preference rules on the
   * validation weeks (precision@k); otherwise it stays a CANDIDATE for `activateRanker`.
   */
  async trainAssignmentRanker(
    lookbackWeeks: number,
    viewer: Viewer | null,
    options?: RankerOptions,
  ): Promise<RankerModelDoc> {
    checkLookback(lookbackWeeks);
    return this.trainings.run('ranker', 'ranker', () => this.train(lookbackWeeks, viewer, options));
  }

  private async train(
    lookbackWeeks: number,
    viewer: Viewer | null,
    options?: RankerOptions,
  ): Promise<RankerModelDoc> {
    const labelled = await this.labels.latestWeeks(lookbackWeeks);
    const docs = (await Promise.all(labelled.map((w) => this.rosters.published(w)))).filter(
      (d) => d !== null,
    );
    if (docs.length < MIN_TRAIN_WEEKS)
      throw new AppError(
        'FAILED_PRECONDITION',
        `Training needs ${MIN_TRAIN_WEEKS} published weeks, found ${docs.length}`,
      );
    docs.sort((a, b) => a.week.localeCompare(b.week));
    const published = docs.map((d) => historyWeek(d.problem, d.assignments));
    const weeks: RankerWeek[] = docs.map((d, i) => ({
      problem: d.problem,
      history: published.slice(Math.max(0, i - HISTORY_WEEKS), i).reverse(),
      published: d.assignments,
    }));
    const trained = await this.workers.run<TrainRankerTaskInput, TrainedRanker>(
      taskFile('ranking/ranker.task'),
      'trainRankerTask',
      { weeks, validationWeeks: Math.max(1, Math.round(weeks.length / 6)), options },
    );
    const saved = await this.registry.save({
      lookbackWeeks,
      metrics: trained.metrics,
      options: trained.options,
      featureNames: trained.featureNames,
      forest: trained.forest,
      createdAt: new Date(),
      createdBy: viewer?.userId ?? null,
    });
    const active = await this.registry.active();
    // an active ranker that does not fit today's features is never used: replace it like none
    const inUse = active !== null && rankerFeatureMismatch(active) === null;
    return inUse || !beatsRules(saved.metrics) ? saved : this.registry.activate(saved._id);
  }

  /** The learned-reward decision for one week; any failure falls back to the rules. */
  async decide(problem: RosterProblem): Promise<RewardDecision & { modelId: string | null }> {
    const threshold = this.flags.confidenceThreshold;
    const model = await this.registry.active();
    if (!model)
      return { ...decideRewards({ ok: false, reason: 'no active model' }, threshold), modelId: null };
    const refused = rankerFeatureMismatch(model);
    if (refused) {
      // a stored ranker that does not fit today's features: refused, never used to score
      this.logger.warn(
        { err: refused, week: problem.weekStart, modelId: model._id },
        'active ranker refused; using the rules',
      );
      return { ...decideRewards({ ok: false, reason: refused.message }, threshold), modelId: model._id };
    }
    let prediction: Prediction;
    try {
      const scored = await this.workers.run<ScoreWeekTaskInput, { keys: string[]; probabilities: number[] }>(
        taskFile('ranking/ranker.task'),
        'scoreWeekTask',
        { problem, history: await this.history(problem.weekStart), forest: model.forest },
      );
      prediction = { ok: true, ...scored };
    } catch (e) {
      this.logger.warn({ err: e, week: problem.weekStart }, 'ranker prediction failed; using the rules');
      prediction = { ok: false, reason: `prediction failed: ${(e as Error).message}` };
    }
    return { ...decideRewards(prediction, threshold), modelId: model._id };
  }

  /** The roster jobs' objective planner (registered at start). */
  async plan(problem: RosterProblem): Promise<ObjectivePlan> {
    const mode = planMode(this.flags, problem.weekStart);
    if (mode.mode === 'RULES')
      return {
        rewards: null,
        ranking: { path: 'RULES', fallbackRate: null, modelId: null, reason: mode.reason },
        shadow: null,
      };
    const d = await this.decide(problem);
    const info = { fallbackRate: d.fallbackRate, modelId: d.modelId, reason: d.reason };
    if (mode.mode === 'SHADOW')
      return {
        rewards: null,
        ranking: { path: 'RULES', ...info, reason: 'shadow mode: the rules roster is the publishable one' },
        shadow: d.rewards ? { rewards: d.rewards, ranking: { path: 'SHADOW', ...info } } : null,
      };
    return { rewards: d.rewards, ranking: { path: d.path, ...info }, shadow: null };
  }

  /**
   * KPIs of the weeks from `from` to `to` (Mondays, at most MAX_KPI_WEEKS weeks), each judged
   * against the site's targets.
   */
  async schedulingKpis(from: string, to: string, viewer: Viewer): Promise<JudgedSchedulingKpis> {
    assertWeek(from, 'from');
    assertWeek(to, 'to');
    const count = daysBetween(from, to) / 7 + 1;
    if (count < 1 || count > MAX_KPI_WEEKS)
      throw badInput(`from … to must span 1 to ${MAX_KPI_WEEKS} weeks, got ${count}`, [
        { field: 'to', message: 'out of range' },
      ]);
    const labels = new Map((await this.labels.between(from, to)).map((l) => [l.week, l]));
    // a week at a time, giving way between weeks: all of them read at once held the event loop
    // for the whole call (17-27 s on 104 weeks of three versions of a 1,000-person roster)
    const slicer = new TimeSlicer();
    const weeks: KpiWeekInput[] = [];
    for (let i = 0; i < count; i++) {
      if (slicer.due) await slicer.pause();
      const week = addDays(from, 7 * i);
      weeks.push(await this.kpiWeek(week, labels.get(week)?.interventionRate ?? null, viewer));
    }
    return judgeKpis(schedulingKpis(weeks), this.targets);
  }

  /** One week's KPI input; assignments are read only for the pair ML against rules compares. */
  private async kpiWeek(
    week: string,
    interventionRate: number | null,
    viewer: Viewer,
  ): Promise<KpiWeekInput> {
    const versions = await this.rosters.kpiVersions(week, viewer);
    const rosters: KpiRoster[] = versions.map((r) => ({
      status: r.status,
      path: r.ranking?.path ?? 'RULES',
      coveragePercent: rosterCoveragePercent(r.kpis.skills),
      generatedCoveragePercent: r.generatedCoveragePercent,
      labourCost: r.kpis.labourCost,
      manualEdits: r.manualEdits,
      fallbackRate: r.ranking?.fallbackRate ?? null,
      deviations: r.kpis.staff.map((st) => Math.abs(st.paidHours - st.targetHoursWeek)),
      assignmentKeys: [],
    }));
    const pair = mlVsRulesPair(rosters);
    if (pair)
      for (const i of [pair.rules, pair.shadow])
        rosters[i].assignmentKeys = (await this.rosters.kpiAssignments(versions[i]._id)).map(
          (a) => `${a.staffId}|${a.date}|${a.shiftTemplateId}|${a.skill}`,
        );
    return { week, interventionRate, rosters };
  }

  /** Overall KPIs of the RECENT_KPI_WEEKS weeks up to the week of `today` (YYYY-MM-DD), for /metrics. */
  async recentKpis(today: string): Promise<SchedulingKpis['overall']> {
    const to = mondayOf(today);
    return (await this.schedulingKpis(addDays(to, -7 * (RECENT_KPI_WEEKS - 1)), to, KPI_READER)).overall;
  }
}

function checkLookback(lookbackWeeks: number): void {
  if (
    !Number.isInteger(lookbackWeeks) ||
    lookbackWeeks < MIN_TRAIN_WEEKS ||
    lookbackWeeks > MAX_LOOKBACK_WEEKS
  )
    throw badInput(
      `lookbackWeeks must be an integer in [${MIN_TRAIN_WEEKS}, ${MAX_LOOKBACK_WEEKS}], got ${lookbackWeeks}`,
      [{ field: 'lookbackWeeks', message: 'out of range' }],
    );
}

/** The ranker ranked the validation weeks' published shifts better than the stated preferences did. */
const beatsRules = (m: RankerMetrics): boolean =>
  m.precisionAtK !== null && m.baselinePrecisionAtK !== null && m.precisionAtK > m.baselinePrecisionAtK;
