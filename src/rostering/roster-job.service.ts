/**
 * Roster jobs: `generateRoster` and `planWeek` return a job id at once; the work runs in the
 * background — preparation in the main thread (store reads, forecasts, staffing), the MILP
 * solve through the task runner (a worker thread here, or a BullMQ job run by a worker
 * process when REDIS_URL is set) — and reports over ROSTER_JOB_PROGRESS (keyed by job id). The
 * `rosterJobs` document is the durable state; progress events are the live view.
 *
 * Cancelling aborts the job's AbortController: preparation stops at its next step and the
 * runner stops the solve. A job cancelled from another process (its controller is not here)
 * is marked CANCELLED in the store and its solve is cancelled wherever it runs; the process
 * running it then discards any result instead of storing it.
 */
import { randomUUID } from 'node:crypto';
import type { Viewer } from '../auth/request-context';
import { AppError, badInput, isAppError, notFound } from '../errors';
import type { EventBus } from '../events/pubsub';
import {
  TOPIC,
  type RosterJobPhase,
  type RosterJobProgressEvent,
  type RosterJobState,
} from '../events/topics';
import type { Logger } from '../logger';
import type { Collection, DocumentStore } from '../store/document-store';
import { SingleProcessLiveness } from '../workers/process-liveness';
import type { TaskRunner } from '../workers/task-runner';
import { taskFile } from '../workers/worker-pool';
import { ROSTER_JOBS, TERMINAL_JOB_STATES, type RosterJobDoc, type RosterJobKind } from './roster.doc';
import type { RosterRankingInfo } from './roster-version.types';
import type { BuiltProblem, WeekRequirement } from './roster-problem-builder';
import type { RosterProblemSource } from './roster-problem-source';
import { parseRosterProblemSliced } from './roster-problem.validation';
import type { RosterProblem } from './roster-problem-schema';
import type { CandidateRewards } from './milp/roster-rewards';
import { assertWeek, type RosterService } from './roster.service';
import type { RosterResult } from './roster.types';
import type { SolveRosterTaskInput } from './solve.task';
import { solveProgressReporter, type ProgressSink } from './roster-job-progress';
import {
  recoverInterrupted,
  settleOrphan,
  shadowTaskId,
  storedRosterFields,
  type JobOwnership,
} from './roster-job-recovery';
import { withoutNulls } from '../common/without-nulls';
import { assertRequirement, assertRosterSkills } from './roster-requirement.validation';
import { nextTurn, TimeSlicer } from '../time-slicer';

/** What the staffing feature offers the roster (src/staffing/staffing.service.ts). */
export interface RequirementProvider {
  requirementForWeek(week: string, basis: RequirementBasisName): Promise<WeekRequirement>;
}

/** Which forecast value the requirement is built from: the mean or an upper interval bound. */
export type RequirementBasisName = 'MEAN' | 'HI80' | 'HI95';

export interface RosterJobOptions {
  timeLimitSeconds: number;
  relativeGap: number;
  /** Forecast basis of the staffing requirement: MEAN, HI80 or HI95. */
  basis: RequirementBasisName;
  minRestHours?: number;
  /** A requirement to use instead of the staffing plan (what-if, imports, tests). */
  requirement?: WeekRequirement;
}

export const DEFAULT_JOB_OPTIONS: Pick<RosterJobOptions, 'timeLimitSeconds' | 'relativeGap' | 'basis'> = {
  timeLimitSeconds: 60,
  relativeGap: 0.01,
  basis: 'MEAN',
};

/** Handed to a job's preparation step. */
export interface JobContext {
  jobId: string;
  week: string;
  signal: AbortSignal;
  /** Enters a phase (published as progress). */
  phase(phase: RosterJobPhase, message?: string): Promise<void>;
}

type Prepare = (ctx: JobContext) => Promise<BuiltProblem>;

/** The objective of a week's solve, chosen by a feature registered at start (learned ranking). */
export interface ObjectivePlan {
  rewards: CandidateRewards | null;
  ranking: RosterRankingInfo;
  /** Shadow mode: a second roster solved with these rewards and stored as a non-publishable SHADOW. */
  shadow: { rewards: CandidateRewards; ranking: RosterRankingInfo } | null;
}
export type ObjectivePlanner = (problem: RosterProblem) => Promise<ObjectivePlan>;

/** The options, signal and clock of a running job's solves. */
interface SolveRun {
  options: RosterJobOptions;
  signal: AbortSignal;
  elapsed: () => number;
}

const cancelledError = (): AppError => new AppError('FAILED_PRECONDITION', 'The roster job was cancelled');

export class RosterJobService {
  private readonly jobs: Collection<RosterJobDoc>;
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private planner: ObjectivePlanner | null = null;

  constructor(
    store: DocumentStore,
    private readonly events: EventBus,
    private readonly workers: TaskRunner,
    private readonly rosters: RosterService,
    private readonly source: RosterProblemSource,
    private readonly staffing: RequirementProvider,
    private readonly logger: Logger,
    private readonly ownership: JobOwnership = new SingleProcessLiveness(),
  ) {
    this.jobs = store.collection<RosterJobDoc>(ROSTER_JOBS);
  }

  /**
   * Settles QUEUED / RUNNING jobs whose owning process is gone: a solve the queue finished is
   * stored (once, by job id), one it failed is FAILED with its reason, one still queued or
   * solving is left for a later sweep, and anything else is FAILED "interrupted by restart".
   */
  recoverInterrupted(): Promise<{ stored: number; failed: number }> {
    return recoverInterrupted(this.jobs, this.ownership, (job) =>
      settleOrphan(job, {
        workers: this.workers,
        rosters: this.rosters,
        finish: (j, state, fields) => this.finish(j, state, fields),
      }),
    );
  }

  /** Registers the objective planner (src/ranking registers one at start). */
  setObjectivePlanner(planner: ObjectivePlanner): void {
    this.planner = planner;
  }

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store
      .collection<RosterJobDoc>(ROSTER_JOBS)
      .createIndex({ keys: { week: 1, createdAt: -1 }, name: 'week_created' });
  }

  /** Starts a roster job for `week` from the store's master data; returns the job at once. */
  async generate(week: string, options: Partial<RosterJobOptions>, viewer: Viewer): Promise<RosterJobDoc> {
    const opts = await this.options(week, options);
    return this.start('GENERATE', week, opts, viewer, async (ctx) => {
      await ctx.phase('prepare');
      const requirement = opts.requirement ?? (await this.staffing.requirementForWeek(week, opts.basis));
      return this.source.load(week, requirement, opts);
    });
  }

  /**
   * Validates a week and options and fills the defaults. A passed requirement is checked in
   * full here, before any job exists: known, distinct skills, a week of values each.
   */
  async options(week: string, options: Partial<RosterJobOptions>): Promise<RosterJobOptions> {
    assertWeek(week);
    const opts = { ...DEFAULT_JOB_OPTIONS, ...withoutNulls(options) };
    if (!(opts.timeLimitSeconds > 0 && opts.timeLimitSeconds <= 3600))
      throw badInput(`timeLimitSeconds must be in (0, 3600], got ${opts.timeLimitSeconds}`, [
        { field: 'options.timeLimitSeconds', message: 'out of range' },
      ]);
    if (!(opts.relativeGap >= 0 && opts.relativeGap <= 1))
      throw badInput(`relativeGap must be in [0, 1], got ${opts.relativeGap}`, [
        { field: 'options.relativeGap', message: 'out of range' },
      ]);
    if (opts.requirement) assertRequirement(opts.requirement, new Set(await this.source.knownSkills()));
    return opts;
  }

  /** Creates the job document and runs `prepare` → solve → store in the background. */
  async start(
    kind: RosterJobKind,
    week: string,
    options: RosterJobOptions,
    viewer: Viewer | null,
    prepare: Prepare,
  ): Promise<RosterJobDoc> {
    this.workers.assertAvailable();
    const job: RosterJobDoc = {
      _id: randomUUID(),
      owner: this.ownership.self,
      kind,
      week,
      state: 'QUEUED',
      phase: 'queued',
      progress: { solverPhase: null, objective: null, bound: null, gap: null, elapsedSeconds: 0 },
      options: {
        timeLimitSeconds: options.timeLimitSeconds,
        relativeGap: options.relativeGap,
        basis: options.basis,
      },
      rosterId: null,
      error: null,
      diagnosis: null,
      notes: [],
      createdAt: new Date(),
      createdBy: viewer?.userId ?? null,
      startedAt: null,
      finishedAt: null,
    };
    await this.jobs.insertOne(job);
    const controller = new AbortController();
    const done = this.run(job, options, controller.signal, prepare).finally(() =>
      this.running.delete(job._id),
    );
    this.running.set(job._id, { controller, done });
    return job;
  }

  /** The job of `id`, or NOT_FOUND (naming the argument `field`, when given). */
  async require(id: string, field?: string): Promise<RosterJobDoc> {
    const job = await this.jobs.findById(id);
    if (!job) throw notFound('Roster job', id, field);
    return job;
  }

  /** Resolves when the job (if running in this process) has finished; for tests and shutdown. */
  async settled(id: string): Promise<RosterJobDoc> {
    await this.running.get(id)?.done;
    return this.require(id);
  }

  /** Cancels a QUEUED or RUNNING job; a finished job is returned unchanged. */
  async cancel(id: string): Promise<RosterJobDoc> {
    const job = await this.require(id);
    if (TERMINAL_JOB_STATES.includes(job.state)) return job;
    const here = this.running.get(id);
    if (here) {
      here.controller.abort(cancelledError());
      await here.done;
      return this.require(id);
    }
    // running in another process (or orphaned): mark it and stop its solve wherever it runs;
    // its runner discards any result
    await this.finish(job, 'CANCELLED', { error: 'Cancelled' });
    await this.workers
      .cancel(id)
      .catch((err: unknown) => this.logger.warn({ err, jobId: id }, 'could not signal the cancel'));
    return this.require(id);
  }

  private async run(
    job: RosterJobDoc,
    options: RosterJobOptions,
    signal: AbortSignal,
    prepare: Prepare,
  ): Promise<void> {
    const started = Date.now();
    const elapsed = (): number => (Date.now() - started) / 1000;
    const current: { phase: RosterJobPhase } = { phase: 'queued' };
    const ctx = this.jobContext(job, signal, elapsed, current);
    try {
      await this.jobs.updateOne(
        { _id: job._id, state: 'QUEUED' },
        { $set: { state: 'RUNNING', startedAt: new Date() } },
      );
      const { problem, plan } = await this.prepareProblem(job._id, ctx, prepare);
      await ctx.phase('solve');
      const result = await this.solve(job._id, problem, { options, signal, elapsed }, plan?.rewards, {
        ranking: plan?.ranking ?? null,
      });
      if (result.status !== 'OPTIMAL' && result.status !== 'FEASIBLE') {
        await this.finishUnsolved(job, result, elapsed);
        return;
      }
      await ctx.phase('store');
      if ((await this.require(job._id)).state !== 'RUNNING') return; // cancelled elsewhere
      await this.storeRosters(job, problem, result, plan, { options, signal, elapsed });
    } catch (e) {
      await this.finishAfterError(job, e, signal, current.phase);
    }
  }

  /** What `prepare` gets: entering a phase (unless cancelled) records it on the job and publishes it. */
  private jobContext(
    job: RosterJobDoc,
    signal: AbortSignal,
    elapsed: () => number,
    current: { phase: RosterJobPhase },
  ): JobContext {
    return {
      jobId: job._id,
      week: job.week,
      signal,
      phase: async (next, message) => {
        if (signal.aborted) throw signal.reason;
        current.phase = next;
        await this.jobs.updateOne(
          { _id: job._id },
          { $set: { phase: next, 'progress.elapsedSeconds': elapsed() } },
        );
        this.emit(job._id, 'RUNNING', next, { elapsedSeconds: elapsed(), message: message ?? null });
      },
    };
  }

  /** Runs the preparation, keeps its notes, validates the problem and plans its objective. */
  private async prepareProblem(
    jobId: string,
    ctx: JobContext,
    prepare: Prepare,
  ): Promise<{ problem: RosterProblem; plan: ObjectivePlan | null }> {
    const built = await prepare(ctx);
    if (built.notes.length > 0) await this.jobs.updateOne({ _id: jobId }, { $set: { notes: built.notes } });
    // a staffing plan names every active channel's required skill: too many fail here, before the solve
    assertRosterSkills(built.problem.requirements.length);
    // validated here, in the main thread (a worker's error would lose its AppError code), in
    // slices: a 1,000-person problem takes 70-150 ms to validate in one piece
    const problem = await parseRosterProblemSliced(built.problem, new TimeSlicer());
    await nextTurn();
    const plan = this.planner ? await this.planner(problem) : null;
    return { problem, plan };
  }

  /** The solve found no roster: the job FAILED in its solve phase, with the solver's diagnosis. */
  private async finishUnsolved(
    job: RosterJobDoc,
    result: RosterResult,
    elapsed: () => number,
  ): Promise<void> {
    await this.finish(job, 'FAILED', {
      error: result.message ?? `The solver returned ${result.status}`,
      diagnosis: result.diagnosis,
      phase: 'solve',
      progress: {
        solverPhase: 'done',
        objective: null,
        bound: null,
        gap: null,
        elapsedSeconds: elapsed(),
      },
    });
  }

  /** Stores the roster, then the shadow roster when the plan asks for one, and marks the job SUCCEEDED. */
  private async storeRosters(
    job: RosterJobDoc,
    problem: RosterProblem,
    result: RosterResult,
    plan: ObjectivePlan | null,
    { options, signal, elapsed }: SolveRun,
  ): Promise<void> {
    const roster = await this.rosters.storeDraft(problem, result, job._id, job.createdBy, {
      ranking: plan?.ranking ?? null,
    });
    if (plan?.shadow) {
      // its own task id: a queue keyed by job id would take it for a re-delivery of the first
      const shadow = await this.solve(job._id, problem, { options, signal, elapsed }, plan.shadow.rewards, {
        taskId: shadowTaskId(job._id),
        ranking: plan.shadow.ranking,
      });
      if (shadow.status === 'OPTIMAL' || shadow.status === 'FEASIBLE')
        await this.rosters.storeDraft(problem, shadow, job._id, job.createdBy, {
          ranking: plan.shadow.ranking,
        });
    }
    await this.finish(job, 'SUCCEEDED', storedRosterFields(roster._id, result, elapsed()));
  }

  /** A cancelled job becomes CANCELLED, any other FAILED (an unexpected error logged and masked). */
  private async finishAfterError(
    job: RosterJobDoc,
    e: unknown,
    signal: AbortSignal,
    phase: RosterJobPhase,
  ): Promise<void> {
    if (signal.aborted) {
      await this.finish(job, 'CANCELLED', { error: 'Cancelled', phase });
      return;
    }
    if (!isAppError(e) || e.code === 'INTERNAL')
      this.logger.error({ err: e, jobId: job._id }, 'roster job failed');
    const message = isAppError(e) ? e.message : 'Internal error while building the roster';
    await this.finish(job, 'FAILED', { error: message, phase }).catch((err: unknown) =>
      this.logger.error({ err, jobId: job._id }, 'could not record the failed roster job'),
    );
  }

  /** One solve of the job; the payload carries the roster's ranking info for a recovering process. */
  private async solve(
    jobId: string,
    problem: unknown,
    { options, signal, elapsed }: SolveRun,
    rewards: CandidateRewards | null | undefined,
    { taskId = jobId, ranking }: { taskId?: string; ranking: RosterRankingInfo | null },
  ): Promise<RosterResult> {
    const input: SolveRosterTaskInput = {
      problem,
      timeLimitSeconds: options.timeLimitSeconds,
      relativeGap: options.relativeGap,
      ...(rewards ? { rewards } : {}),
      ...(ranking ? { ranking } : {}),
    };
    const sink: ProgressSink = {
      jobs: this.jobs,
      logger: this.logger,
      emit: (...args) => this.emit(...args),
    };
    return this.workers.run<SolveRosterTaskInput, RosterResult>(
      taskFile('rostering/solve.task'),
      'solveRosterTask',
      input,
      {
        signal,
        // the solver may add a diagnosis solve after its limit: leave it room
        timeoutMs: (options.timeLimitSeconds * 2 + 60) * 1000,
        onProgress: solveProgressReporter(sink, jobId, elapsed),
        jobId: taskId,
      },
    );
  }

  private async finish(
    job: RosterJobDoc,
    state: RosterJobState,
    fields: Partial<Pick<RosterJobDoc, 'rosterId' | 'error' | 'diagnosis' | 'progress' | 'phase'>>,
  ): Promise<void> {
    const finishedAt = new Date();
    const updated = await this.jobs.findOneAndUpdate(
      { _id: job._id, state: { $in: ['QUEUED', 'RUNNING'] } },
      {
        $set: {
          ...fields,
          state,
          phase: state === 'SUCCEEDED' ? 'done' : (fields.phase ?? job.phase),
          finishedAt,
        },
      },
    );
    if (!updated) return;
    this.emit(job._id, state, updated.phase, {
      objective: updated.progress.objective,
      bound: updated.progress.bound,
      gap: updated.progress.gap,
      elapsedSeconds: updated.progress.elapsedSeconds,
      rosterId: updated.rosterId,
      message: updated.error,
    });
  }

  private emit(
    jobId: string,
    state: RosterJobState,
    phase: RosterJobPhase,
    p: Partial<Omit<RosterJobProgressEvent, 'jobId' | 'state' | 'phase'>>,
  ): void {
    this.events.publish(TOPIC.ROSTER_JOB_PROGRESS, jobId, {
      jobId,
      state,
      phase,
      objective: p.objective ?? null,
      bound: p.bound ?? null,
      gap: p.gap ?? null,
      elapsedSeconds: +(p.elapsedSeconds ?? 0).toFixed(3),
      rosterId: p.rosterId ?? null,
      message: p.message ?? null,
    });
  }
}
