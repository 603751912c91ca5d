/**
 * Every environment variable Shiftcast reads, parsed and validated once at start.
 * Nothing else in the code reads `process.env`. A bad value stops the process with a
 * message naming the variable; production refuses missing or well-known secrets.
 */
import path from 'node:path';
import { z } from 'zod';
import { improvesOn, TARGETED_KPIS } from './common/kpi-kinds';
import { isTimeZone } from './common/time-zone';

/** Shortest JWT_SECRET production accepts, and the least entropy it must carry (bits). */
export const MIN_SECRET_LENGTH = 32;
export const MIN_SECRET_BITS = 128;

/**
 * Estimated entropy of a secret in bits: its length times the Shannon entropy of its
 * characters. 32 random hex digits give about 120, one letter repeated gives 0.
 */
export function secretBits(secret: string): number {
  const counts = new Map<string, number>();
  for (const ch of secret) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let perChar = 0;
  for (const n of counts.values()) perChar -= (n / secret.length) * Math.log2(n / secret.length);
  return perChar * secret.length;
}

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** A rate as the API serves it, in [0, 1] (0.9 is 90 %). */
const share = z.coerce.number().min(0).max(1);
/** Hours of a workload figure, in [0, 40]. */
const hours = z.coerce.number().min(0).max(40);
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

/** One entry of express's `trust proxy`: a named range, an address or a CIDR range. */
const PROXY_TRUST = /^(loopback|linklocal|uniquelocal|[0-9A-Fa-f:.]+(\/\d{1,3})?)$/;

const timeZone = z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/London');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(0, 65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MONGODB_URI: optionalString.refine(
    (v) => v === undefined || /^mongodb(\+srv)?:\/\//.test(v),
    'must start with mongodb:// or mongodb+srv://',
  ),
  MONGODB_DB: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,63}$/, 'must be a plain database name')
    .default('shiftcast'),
  DATA_DIR: z.string().min(1).default('data/db'),
  JWT_SECRET: optionalString,
  SESSION_TIMEOUT_MINUTES: int(1, 7 * 24 * 60).default(60),
  MAX_LOGIN_ATTEMPTS: int(1, 100).default(5),
  LOCKOUT_MINUTES: int(1, 24 * 60).default(15),
  MIN_PASSWORD_LENGTH: int(8, 128).default(10),
  LOGIN_MAX_CONCURRENT: int(1, 64).default(2),
  LOGIN_MAX_QUEUED: int(0, 10_000).default(64),
  LOGIN_MAX_PER_CLIENT: int(1, 10_000).default(8),
  ADMIN_PASSWORD: optionalString,
  SEED_PASSWORD: optionalString,
  SEED_ON_START: bool.optional(),
  GRAPHQL_INTROSPECTION: bool.optional(),
  GRAPHQL_MAX_DEPTH: int(2, 50).default(10),
  GRAPHQL_MAX_COMPLEXITY: int(10, 10_000_000).default(100_000),
  GRAPHQL_MAX_ALIASES: int(0, 1000).default(30),
  GRAPHQL_MAX_FIELDS: int(10, 1_000_000).default(300),
  GRAPHQL_MAX_DIRECTIVES: int(0, 1000).default(50),
  GRAPHQL_MAX_TOKENS: int(100, 1_000_000).default(5000),
  GRAPHQL_MAX_STRING_LENGTH: int(64, 5_000_000).default(4096),
  GRAPHQL_MAX_LIST_LENGTH: int(10, 100_000).default(1000),
  GRAPHQL_MAX_QUERY_LENGTH: int(1000, 5_000_000).default(100_000),
  TRUST_PROXY: z
    .string()
    .max(1000)
    .refine(
      (v) => v.split(',').every((part) => PROXY_TRUST.test(part.trim())),
      'must be a comma-separated list of loopback, linklocal, uniquelocal, addresses or CIDR ranges',
    )
    .default('loopback'),
  HTTP_MAX_CONNECTIONS: int(16, 1_000_000).default(4096),
  HTTP_MAX_CONNECTIONS_PER_CLIENT: int(0, 1_000_000).default(256),
  HTTP_RATE_PER_CLIENT: int(0, 1_000_000).default(50),
  HTTP_BURST_PER_CLIENT: int(1, 1_000_000).default(200),
  HTTP_MAX_UNSENT_MB: int(1, 65_536).default(128),
  HTTP_SEND_TIMEOUT_SECONDS: int(1, 3600).default(30),
  HTTP_HEADERS_TIMEOUT_SECONDS: int(1, 300).default(10),
  HTTP_REQUEST_TIMEOUT_SECONDS: int(1, 3600).default(120),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  SITE_TIME_ZONE: timeZone.default('Europe/London'),
  WORKER_THREADS: int(1, 64).default(2),
  WORKER_QUEUE_SIZE: int(1, 10_000).default(32),
  WORKER_TASK_TIMEOUT_SECONDS: int(1, 3600).default(300),
  WORKER_NICE: int(0, 19).default(10),
  WORKER_KEEP_WARM: bool.default(true),
  FORECAST_DRIFT_FACTOR: z.coerce.number().min(1).max(100).default(1.5),
  REDIS_URL: optionalString.refine(
    (v) => v === undefined || /^rediss?:\/\//.test(v),
    'must start with redis:// or rediss://',
  ),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be letters, digits, _ or -')
    .default('shiftcast'),
  JOB_LOCK_SECONDS: int(1, 600).default(30),
  // at least 10: a result trimmed away before its starter or a recovering process reads it is lost
  JOB_KEEP_COUNT: int(10, 10_000).default(100),
  PROCESS_LIVENESS_SECONDS: int(2, 600).default(15),
  METRICS_TOKEN: optionalString.refine(
    (v) => v === undefined || v.length >= 16,
    'must be at least 16 characters',
  ),
  ML_ENABLED: bool.default(false),
  ML_RANKING_ENABLED: bool.default(false),
  ML_CONFIDENCE_THRESHOLD: z.coerce.number().min(0.5).max(1).default(0.6),
  ML_SHADOW_MODE: bool.default(false),
  // whole percent: the canary compares it with a week's bucket 0…99 (12.5 would select 13 %)
  ML_CANARY_PERCENT: int(0, 100).default(0),
  // the scheduling KPIs' baselines and targets (issue 17's by default); which way is better:
  // common/kpi-kinds.ts, and each target must be better than its baseline (kpiTargetIssues)
  KPI_SUCCESS_RATE_BASELINE: share.default(0.85),
  KPI_SUCCESS_RATE_TARGET: share.default(0.9),
  KPI_WORKLOAD_BALANCE_BASELINE: hours.default(2.5),
  KPI_WORKLOAD_BALANCE_TARGET: hours.default(2),
  KPI_INTERVENTION_RATE_BASELINE: share.default(0.3),
  KPI_INTERVENTION_RATE_TARGET: share.default(0.21),
});

export type RawEnv = z.infer<typeof schema>;

/** Every environment variable the server reads (the README's configuration table lists each). */
export const CONFIG_VARIABLES = Object.keys(schema.shape) as (keyof RawEnv)[];

export interface Config extends Omit<RawEnv, 'SEED_ON_START' | 'GRAPHQL_INTROSPECTION'> {
  production: boolean;
  /** Unset outside production: tests sign with a random key per process, other runs with `<DATA_DIR>/jwt-secret`. */
  JWT_SECRET: string | undefined;
  /** Seed the demo site when the store is empty (default: on outside production). */
  SEED_ON_START: boolean;
  GRAPHQL_INTROSPECTION: boolean;
  /** DATA_DIR resolved to an absolute path. */
  dataDir: string;
}

/** The code of a KPI target that is not better than its baseline (in the issue it heads). */
export const KPI_TARGET_NOT_BETTER = 'KPI_TARGET_NOT_BETTER';

/**
 * One issue for each KPI whose target is not better than its baseline in the KPI's direction
 * (equal included): a target the baseline already meets would be "met" before the ranker did
 * anything. Names both variables and their values.
 */
export function kpiTargetIssues(raw: RawEnv): string[] {
  return Object.values(TARGETED_KPIS).flatMap(({ setting, label, direction }) => {
    const baselineName = `${setting}_BASELINE` as const;
    const targetName = `${setting}_TARGET` as const;
    const baseline = raw[baselineName];
    const target = raw[targetName];
    if (improvesOn(direction, target, baseline)) return [];
    const better = direction === 'HIGHER_IS_BETTER' ? 'higher' : 'lower';
    return [
      `${targetName}: ${KPI_TARGET_NOT_BETTER}: must be ${better} than ${baselineName} ` +
        `(${label}: ${better} is better), got ${targetName}=${target} and ${baselineName}=${baseline}`,
    ];
  });
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n  - ${issues.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Exit status of a process refused by its configuration (sysexits EX_CONFIG). */
export const EX_CONFIG = 78;

/**
 * For process entries: the configuration, or the process exits with EX_CONFIG after printing
 * every bad variable.
 */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(e.message);
    process.exit(EX_CONFIG);
  }
}

/** Parses `env` (default `process.env`); throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? '?');
        const value = env[name];
        const shown =
          /SECRET|PASSWORD|URI|URL|TOKEN/.test(name) || value === undefined ? '' : ` (got "${value}")`;
        return `${name}: ${i.message}${shown}`;
      }),
    );
  }
  const raw = parsed.data;
  const production = raw.NODE_ENV === 'production';
  const issues: string[] = [];
  if (production) {
    if (!raw.JWT_SECRET) issues.push('JWT_SECRET: required in production');
    else if (raw.JWT_SECRET.length < MIN_SECRET_LENGTH)
      issues.push(`JWT_SECRET: must be at least ${MIN_SECRET_LENGTH} characters in production`);
    else if (secretBits(raw.JWT_SECRET) < MIN_SECRET_BITS)
      issues.push(
        `JWT_SECRET: too predictable for production (about ${Math.round(secretBits(raw.JWT_SECRET))} bits, ` +
          `needs ${MIN_SECRET_BITS}); use e.g. \`openssl rand -base64 48\``,
      );
    if (raw.SEED_ON_START) issues.push('SEED_ON_START: demo data is never seeded in production');
  }
  if (raw.ADMIN_PASSWORD !== undefined && raw.ADMIN_PASSWORD.length < raw.MIN_PASSWORD_LENGTH)
    issues.push(
      `ADMIN_PASSWORD: must be at least MIN_PASSWORD_LENGTH (${raw.MIN_PASSWORD_LENGTH}) characters`,
    );
  if (raw.ADMIN_PASSWORD?.toLowerCase().includes('admin'))
    issues.push('ADMIN_PASSWORD: must not contain the username "admin"');
  if (raw.SEED_PASSWORD !== undefined && raw.SEED_PASSWORD.length < raw.MIN_PASSWORD_LENGTH)
    issues.push(
      `SEED_PASSWORD: must be at least MIN_PASSWORD_LENGTH (${raw.MIN_PASSWORD_LENGTH}) characters`,
    );
  if (raw.HTTP_HEADERS_TIMEOUT_SECONDS > raw.HTTP_REQUEST_TIMEOUT_SECONDS)
    issues.push('HTTP_HEADERS_TIMEOUT_SECONDS: must not exceed HTTP_REQUEST_TIMEOUT_SECONDS');
  issues.push(...kpiTargetIssues(raw));
  if (issues.length > 0) throw new ConfigError(issues);

  return {
    ...raw,
    production,
    SEED_ON_START: raw.SEED_ON_START ?? !production,
    GRAPHQL_INTROSPECTION: raw.GRAPHQL_INTROSPECTION ?? !production,
    dataDir: path.resolve(raw.DATA_DIR),
  };
}
