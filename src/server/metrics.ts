/**
 * Prometheus metrics of one process (`prom-client`), served at `/metrics`. A registry per
 * process (not prom-client's global one), so tests can run several apps side by side.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RequestContext } from '../auth/request-context';
import { extensionCode, isAppError } from '../errors';
import { isTaskEntry, TASK_KINDS } from '../jobs/job-kinds';
import { taskEntryOf } from '../jobs/bullmq-runner';
import type { KpiTargets, TargetedKpi } from '../ranking/kpi-targets.core';
import { RECENT_KPI_WEEKS } from '../ranking/scheduling-kpis.core';
import {
  TaskRefusedError,
  type TaskRefusal,
  type TaskRunner,
  type TaskRunOptions,
} from '../workers/task-runner';
import { APP_PAGES } from './web.routes';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const JOB_BUCKETS = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900];
const GAP_BUCKETS = [0, 0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1];
/** Operation names are client-chosen: beyond this many distinct ones, the rest count as "other". */
const MAX_OPERATION_NAMES = 200;
/**
 * First path segments the server answers (app.ts, health, metrics, web and download routes).
 * A path is client-chosen: any other one is labelled "other", or every made-up path would add
 * a histogram series for the life of the process.
 */
const KNOWN_ROUTES: ReadonlySet<string> = new Set([
  ...APP_PAGES.map((page) => `/${page.split('/')[1] ?? ''}`),
  '/graphql',
  '/graphiql',
  '/assets',
  '/exports',
  '/healthz',
  '/readyz',
  '/metrics',
]);

/**
 * The `route` label of a request: the first segment of the path it was sent to (`originalUrl`:
 * a router mounted at `/graphql` leaves `req.path` at `/`), or "other" when the server has no such route.
 */
export function routeLabel(originalUrl: string): string {
  const first = `/${originalUrl.split('?')[0]?.split('/')[1] ?? ''}`;
  return KNOWN_ROUTES.has(first) ? first : 'other';
}

interface MetricSpec {
  name: string;
  help: string;
  labelNames?: readonly string[];
  buckets?: number[];
}

/** The metrics the process records into, by the field of `Metrics` that holds each. */
const RECORDED = {
  httpDuration: {
    name: 'shiftcast_http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: LATENCY_BUCKETS,
  },
  operationDuration: {
    name: 'shiftcast_graphql_operation_duration_seconds',
    help: 'GraphQL operation latency by operation name and type',
    labelNames: ['operation', 'type'],
    buckets: LATENCY_BUCKETS,
  },
  operations: {
    name: 'shiftcast_graphql_operations_total',
    help: 'GraphQL operations by operation name, type and outcome (ok or error)',
    labelNames: ['operation', 'type', 'outcome'],
  },
  errors: { name: 'shiftcast_graphql_errors_total', help: 'GraphQL errors by code', labelNames: ['code'] },
  subscriptions: {
    name: 'shiftcast_websocket_subscriptions_active',
    help: 'Open GraphQL subscriptions over WebSocket',
  },
  jobDuration: {
    name: 'shiftcast_job_duration_seconds',
    help: 'Duration of jobs (queue wait included) by kind and outcome: completed, failed, or cancelled by their caller (before they were queued too)',
    labelNames: ['kind', 'outcome'],
    buckets: JOB_BUCKETS,
  },
  jobsRefused: {
    name: 'shiftcast_jobs_refused_total',
    help: 'Jobs refused before they were queued, by kind and reason: the queue was full (queue-full, WORKER_QUEUE_SIZE) or Redis could not take them (unavailable)',
    labelNames: ['kind', 'reason'],
  },
  solverStatus: {
    name: 'shiftcast_solver_status_total',
    help: 'Roster solves by solver status',
    labelNames: ['status'],
  },
  connectionsRefused: {
    name: 'shiftcast_http_connections_refused_total',
    help: 'Sockets refused at accept, over the cap per client address (per-client) or in all (total), or cut for pipelining more than 16 requests (pipelined)',
    labelNames: ['reason'],
  },
  requestsRateLimited: {
    name: 'shiftcast_requests_rate_limited_total',
    help: 'Requests refused over the rate per client address (HTTP_RATE_PER_CLIENT), by transport (http or ws)',
    labelNames: ['transport'],
  },
  socketsClosedUnread: {
    name: 'shiftcast_sockets_closed_unread_total',
    help: 'Sockets closed holding output their client did not read: for HTTP_SEND_TIMEOUT_SECONDS (stalled) or past HTTP_MAX_UNSENT_MB in all (over-budget)',
    labelNames: ['reason'],
  },
  solverGap: {
    name: 'shiftcast_solver_gap',
    help: 'Relative MIP gap of roster solves',
    buckets: GAP_BUCKETS,
  },
} as const satisfies Record<string, MetricSpec>;

/** How a task ended, as the `outcome` label of its duration. */
export type TaskOutcomeLabel = 'completed' | 'failed' | 'cancelled';

/** The `kind` label of a task: its job kind (job-kinds.ts), or "other". */
function taskKind(filename: string): string {
  const entry = taskEntryOf(filename);
  return isTaskEntry(entry) ? TASK_KINDS[entry] : 'other';
}

export interface MetricSources {
  /** Waiting / active jobs by kind. */
  depth(): Promise<Record<string, { waiting: number; active: number }>>;
  /** The MASE of each channel's active model's backtest. */
  backtestMase(): Promise<{ channel: string; mase: number }[]>;
  /** Scheduling KPIs over a recent window (null where there is nothing to measure). */
  schedulingKpis(): Promise<Record<SchedulingKpi, number | null>>;
  /** The site's KPI baselines and targets (KPI_* settings): fixed for the life of the process. */
  kpiTargets: KpiTargets;
}

type SchedulingKpi = 'successRate' | 'workloadBalance' | 'interventionRate' | 'fallbackRate';

const SCHEDULING_GAUGES: [string, SchedulingKpi, string][] = [
  [
    'shiftcast_scheduling_success_ratio',
    'successRate',
    'Share of generated rosters that met coverage >= 97 % as generated, before manual edits',
  ],
  [
    'shiftcast_scheduling_workload_balance_hours',
    'workloadBalance',
    'Std dev over staff of |paid - target| hours on published rosters',
  ],
  [
    'shiftcast_scheduling_intervention_ratio',
    'interventionRate',
    'Share of published assignments added by a manager',
  ],
  [
    'shiftcast_scheduling_fallback_ratio',
    'fallbackRate',
    'Share of ranked candidates that fell back to the rules',
  ],
];

/** The `kpi` label of a targeted KPI: its settings' name, lower case (`KPI_SUCCESS_RATE_*`). */
const KPI_LABELS: Record<TargetedKpi, string> = {
  successRate: 'success_rate',
  workloadBalance: 'workload_balance',
  interventionRate: 'intervention_rate',
};

const TARGET_LABELS = ['kpi', 'unit', 'direction'] as const;

/**
 * `shiftcast_scheduling_kpi_baseline` and `_target`, one sample per targeted KPI, beside the KPI
 * gauges above: `unit` says how to read the value (`ratio` 0–1 or `hours`), `direction` which
 * side of the target is good, so an alert needs no copy of either.
 */
function kpiTargetGauges(targets: KpiTargets, registers: Registry[]): void {
  const gauges = {
    baseline: new Gauge({
      name: 'shiftcast_scheduling_kpi_baseline',
      help: 'Baseline of a scheduling KPI (KPI_*_BASELINE): the figure before the learned ranking',
      labelNames: TARGET_LABELS,
      registers,
    }),
    target: new Gauge({
      name: 'shiftcast_scheduling_kpi_target',
      help: 'Target of a scheduling KPI (KPI_*_TARGET); direction says whether a figure meets it at or above (higher_is_better) or at or below (lower_is_better)',
      labelNames: TARGET_LABELS,
      registers,
    }),
  };
  for (const [kpi, t] of Object.entries(targets) as [TargetedKpi, KpiTargets[TargetedKpi]][]) {
    const labels = {
      kpi: KPI_LABELS[kpi],
      unit: t.unit === 'HOURS' ? 'hours' : 'ratio',
      direction: t.direction.toLowerCase(),
    };
    gauges.baseline.set(labels, t.baseline);
    gauges.target.set(labels, t.target);
  }
}

interface Sample {
  labels: Record<string, string>;
  value: number | null;
}

/** A gauge read on every scrape: its samples replace the last ones; null and non-finite values are left out. */
interface CollectedGauge extends MetricSpec {
  samples: () => Promise<Sample[]>;
}

function collectedGauges(sources: MetricSources): CollectedGauge[] {
  // The four KPI gauges are collected together on a scrape: they share one computation.
  let kpis: ReturnType<MetricSources['schedulingKpis']> | null = null;
  const shared = () => (kpis ??= sources.schedulingKpis().finally(() => (kpis = null)));
  const weeks = String(RECENT_KPI_WEEKS);
  return [
    {
      name: 'shiftcast_job_queue_depth',
      help: 'Jobs waiting or active, by kind',
      labelNames: ['kind', 'state'],
      samples: async () =>
        Object.entries(await sources.depth()).flatMap(([kind, d]) => [
          { labels: { kind, state: 'waiting' }, value: d.waiting },
          { labels: { kind, state: 'active' }, value: d.active },
        ]),
    },
    {
      name: 'shiftcast_forecast_backtest_mase',
      help: 'Backtest MASE of the active forecast model, per channel',
      labelNames: ['channel'],
      samples: async () =>
        (await sources.backtestMase()).map(({ channel, mase }) => ({ labels: { channel }, value: mase })),
    },
    ...SCHEDULING_GAUGES.map(([name, kpi, help]) => ({
      name,
      help: `${help}, over the last ${RECENT_KPI_WEEKS} weeks`,
      // A label, so that a KPI with nothing to measure has no sample rather than a 0.
      labelNames: ['weeks'],
      samples: async () => [{ labels: { weeks }, value: (await shared())[kpi] }],
    })),
  ];
}

export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly operationDuration: Histogram<'operation' | 'type'>;
  readonly operations: Counter<'operation' | 'type' | 'outcome'>;
  readonly errors: Counter<'code'>;
  readonly subscriptions: Gauge;
  readonly jobDuration: Histogram<'kind' | 'outcome'>;
  readonly jobsRefused: Counter<'kind' | 'reason'>;
  readonly solverStatus: Counter<'status'>;
  readonly solverGap: Histogram;
  readonly connectionsRefused: Counter<'reason'>;
  readonly requestsRateLimited: Counter<'transport'>;
  readonly socketsClosedUnread: Counter<'reason'>;
  private readonly operationNames = new Set<string>();

  constructor(sources: MetricSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
    this.httpDuration = new Histogram({ ...RECORDED.httpDuration, registers });
    this.operationDuration = new Histogram({ ...RECORDED.operationDuration, registers });
    this.operations = new Counter({ ...RECORDED.operations, registers });
    this.errors = new Counter({ ...RECORDED.errors, registers });
    this.subscriptions = new Gauge({ ...RECORDED.subscriptions, registers });
    this.jobDuration = new Histogram({ ...RECORDED.jobDuration, registers });
    this.jobsRefused = new Counter({ ...RECORDED.jobsRefused, registers });
    this.solverStatus = new Counter({ ...RECORDED.solverStatus, registers });
    this.solverGap = new Histogram({ ...RECORDED.solverGap, registers });
    this.connectionsRefused = new Counter({ ...RECORDED.connectionsRefused, registers });
    this.requestsRateLimited = new Counter({ ...RECORDED.requestsRateLimited, registers });
    this.socketsClosedUnread = new Counter({ ...RECORDED.socketsClosedUnread, registers });
    kpiTargetGauges(sources.kpiTargets, registers);
    for (const { samples, ...spec } of collectedGauges(sources))
      new Gauge({
        ...spec,
        registers,
        async collect() {
          this.reset();
          for (const { labels, value } of await samples())
            if (value !== null && Number.isFinite(value)) this.set(labels, value);
        },
      });
  }

  /**
   * A bounded label for a client-chosen operation name. Only signed-in requests add names: a
   * signed-out client could otherwise take all MAX_OPERATION_NAMES with made-up names and leave
   * every real operation counted as "other"; its operations are labelled "(signed-out)".
   */
  operationLabel(name: string | null | undefined, signedIn = true): string {
    if (!signedIn) return '(signed-out)';
    const n = (name ?? '(anonymous)').slice(0, 64);
    if (this.operationNames.has(n)) return n;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(n);
    return n;
  }

  /** Records a finished task: its duration by kind and, for roster solves, status and gap. */
  observeTask(filename: string, outcome: TaskOutcomeLabel, seconds: number, result: unknown): void {
    const kind = taskKind(filename);
    this.jobDuration.observe({ kind, outcome }, seconds);
    if (kind !== 'roster' || !result || typeof result !== 'object') return;
    const r = result as { status?: unknown; gap?: unknown };
    if (typeof r.status === 'string') this.solverStatus.inc({ status: r.status });
    if (typeof r.gap === 'number' && Number.isFinite(r.gap)) this.solverGap.observe(r.gap);
  }

  /** Records a task the runner refused: it never ran, so it has no duration and is no failure. */
  observeRefusal(filename: string, reason: TaskRefusal): void {
    this.jobsRefused.inc({ kind: taskKind(filename), reason });
  }

  /** Express middleware timing every request; routes are collapsed to their first segment (`routeLabel`). */
  http() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const end = this.httpDuration.startTimer();
      res.on('finish', () => {
        end({ method: req.method, route: routeLabel(req.originalUrl), status: String(res.statusCode) });
      });
      next();
    };
  }

  /** Apollo plugin: operation latency by name and type, errors by code. */
  plugin(): ApolloServerPlugin<RequestContext> {
    return {
      requestDidStart: async () => {
        const end = this.operationDuration.startTimer();
        let outcome = 'ok';
        return {
          didEncounterErrors: async ({ errors }) => {
            outcome = 'error';
            for (const e of errors) {
              const original = e.originalError;
              const code = isAppError(original)
                ? original.code
                : extensionCode(e.extensions?.code, 'INTERNAL');
              this.errors.inc({ code });
            }
          },
          willSendResponse: async ({ operationName, operation, contextValue }) => {
            const labels = {
              operation: this.operationLabel(operationName, Boolean(contextValue?.viewer)),
              type: operation?.operation ?? 'unknown',
            };
            end(labels);
            this.operations.inc({ ...labels, outcome });
          },
        };
      },
    };
  }
}

/**
 * Wraps a runner so every task is timed (refused ones counted apart) and roster results are
 * counted. A task whose caller cancelled it (its signal aborted, before it was queued or after)
 * is `cancelled`, not `failed`.
 */
export function observedRunner(runner: TaskRunner, metrics: () => Metrics | null): TaskRunner {
  return {
    parallelism: runner.parallelism,
    assertAvailable: () => runner.assertAvailable(),
    cancel: (id) => runner.cancel(id),
    outcome: (id) => runner.outcome(id),
    depth: () => runner.depth(),
    close: () => runner.close(),
    async run<I, O>(filename: string, name: string, input: I, opts?: TaskRunOptions): Promise<O> {
      const t0 = Date.now();
      try {
        const out = await runner.run<I, O>(filename, name, input, opts);
        metrics()?.observeTask(filename, 'completed', (Date.now() - t0) / 1000, out);
        return out;
      } catch (e) {
        const outcome = opts?.signal?.aborted ? 'cancelled' : 'failed';
        if (e instanceof TaskRefusedError) metrics()?.observeRefusal(filename, e.refusal);
        else metrics()?.observeTask(filename, outcome, (Date.now() - t0) / 1000, null);
        throw e;
      }
    },
  };
}
