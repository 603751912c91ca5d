import { ConfigError, loadConfig, secretBits } from '../../src/config';

const issues = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.issues;
    throw e;
  }
  return [];
};

const STRONG = 'kQ3v9ZpL2mX7tR8wB4nH6yJ1cF5gD0sAeUiOqWzT';

describe('loadConfig', () => {
  it('has working defaults for development', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      PORT: 4000,
      MONGODB_DB: 'shiftcast',
      production: false,
      GRAPHQL_INTROSPECTION: true,
      SEED_ON_START: true,
      HOST: '127.0.0.1',
      WORKER_KEEP_WARM: true,
    });
    expect(c.JWT_SECRET).toBeUndefined();
    expect(c.dataDir).toMatch(/data[/\\]db$/);
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT: .*\(got "eighty"\)/],
    [{ PORT: '70000' }, /^PORT: /],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL: /],
    [{ MONGODB_URI: 'postgres://x' }, /^MONGODB_URI: must start with mongodb:\/\//],
    [{ SITE_TIME_ZONE: 'Mars/Olympus' }, /^SITE_TIME_ZONE: must be an IANA time zone/],
    [{ SESSION_TIMEOUT_MINUTES: '0' }, /^SESSION_TIMEOUT_MINUTES: /],
    [{ SEED_ON_START: 'maybe' }, /^SEED_ON_START: /],
    [{ ADMIN_PASSWORD: 'short' }, /^ADMIN_PASSWORD: must be at least MIN_PASSWORD_LENGTH/],
    [{ ADMIN_PASSWORD: 'my-admin-password' }, /^ADMIN_PASSWORD: must not contain the username/],
    [{ REDIS_URL: 'http://127.0.0.1:6379' }, /^REDIS_URL: must start with redis:\/\/ or rediss:\/\/$/],
    [{ REDIS_PREFIX: 'a:b' }, /^REDIS_PREFIX: must be letters, digits, _ or - \(got "a:b"\)$/],
    [{ JOB_LOCK_SECONDS: '0' }, /^JOB_LOCK_SECONDS: /],
    [{ JOB_KEEP_COUNT: '0' }, /^JOB_KEEP_COUNT: /],
    [{ JOB_KEEP_COUNT: '1000000' }, /^JOB_KEEP_COUNT: /],
    [{ WORKER_NICE: '20' }, /^WORKER_NICE: /],
    [{ WORKER_KEEP_WARM: 'sometimes' }, /^WORKER_KEEP_WARM: /],
    [{ PROCESS_LIVENESS_SECONDS: '1' }, /^PROCESS_LIVENESS_SECONDS: /],
    [{ METRICS_TOKEN: 'short' }, /^METRICS_TOKEN: must be at least 16 characters$/],
    [{ HTTP_MAX_CONNECTIONS: '8' }, /^HTTP_MAX_CONNECTIONS: /],
    [{ TRUST_PROXY: 'everyone' }, /^TRUST_PROXY: must be a comma-separated list/],
    [{ TRUST_PROXY: 'loopback; rm -rf' }, /^TRUST_PROXY: /],
    [{ HTTP_MAX_CONNECTIONS_PER_CLIENT: '-1' }, /^HTTP_MAX_CONNECTIONS_PER_CLIENT: /],
    [{ HTTP_HEADERS_TIMEOUT_SECONDS: '0' }, /^HTTP_HEADERS_TIMEOUT_SECONDS: /],
    // a KPI rate is a share, as the API serves it: 90 (a percent) is refused, not read as 9,000 %
    [{ KPI_SUCCESS_RATE_TARGET: '90' }, /^KPI_SUCCESS_RATE_TARGET: .*\(got "90"\)/],
    [{ KPI_INTERVENTION_RATE_BASELINE: '-0.1' }, /^KPI_INTERVENTION_RATE_BASELINE: /],
    [{ KPI_WORKLOAD_BALANCE_TARGET: 'two' }, /^KPI_WORKLOAD_BALANCE_TARGET: /],
    [{ KPI_WORKLOAD_BALANCE_BASELINE: '41' }, /^KPI_WORKLOAD_BALANCE_BASELINE: /],
    [
      { HTTP_HEADERS_TIMEOUT_SECONDS: '30', HTTP_REQUEST_TIMEOUT_SECONDS: '20' },
      /^HTTP_HEADERS_TIMEOUT_SECONDS: must not exceed HTTP_REQUEST_TIMEOUT_SECONDS$/,
    ],
  ])('names the variable of a bad value %j', (env, message) => {
    expect(issues(env as Record<string, string>)).toEqual([expect.stringMatching(message)]);
  });

  describe('KPI targets: each must be better than its baseline, in its direction', () => {
    it('refuses a success-rate target below its baseline, naming both variables and values', () => {
      expect(issues({ KPI_SUCCESS_RATE_BASELINE: '0.85', KPI_SUCCESS_RATE_TARGET: '0.8' })).toEqual([
        'KPI_SUCCESS_RATE_TARGET: KPI_TARGET_NOT_BETTER: must be higher than KPI_SUCCESS_RATE_BASELINE ' +
          '(success rate: higher is better), got KPI_SUCCESS_RATE_TARGET=0.8 and KPI_SUCCESS_RATE_BASELINE=0.85',
      ]);
    });

    it('refuses a workload-balance target above its baseline (hours: lower is better)', () => {
      expect(issues({ KPI_WORKLOAD_BALANCE_TARGET: '3' })).toEqual([
        'KPI_WORKLOAD_BALANCE_TARGET: KPI_TARGET_NOT_BETTER: must be lower than KPI_WORKLOAD_BALANCE_BASELINE ' +
          '(workload balance: lower is better), got KPI_WORKLOAD_BALANCE_TARGET=3 and KPI_WORKLOAD_BALANCE_BASELINE=2.5',
      ]);
    });

    it('refuses an intervention-rate target above its baseline (lower is better)', () => {
      expect(issues({ KPI_INTERVENTION_RATE_BASELINE: '0.2', KPI_INTERVENTION_RATE_TARGET: '0.25' })).toEqual(
        [
          'KPI_INTERVENTION_RATE_TARGET: KPI_TARGET_NOT_BETTER: must be lower than KPI_INTERVENTION_RATE_BASELINE ' +
            '(intervention rate: lower is better), got KPI_INTERVENTION_RATE_TARGET=0.25 and KPI_INTERVENTION_RATE_BASELINE=0.2',
        ],
      );
    });

    it('refuses a target equal to its baseline: it would be met before the ranker did anything', () => {
      expect(issues({ KPI_SUCCESS_RATE_TARGET: '0.85' })).toEqual([
        expect.stringMatching(/^KPI_SUCCESS_RATE_TARGET: KPI_TARGET_NOT_BETTER: /),
      ]);
      expect(issues({ KPI_WORKLOAD_BALANCE_BASELINE: '2', KPI_WORKLOAD_BALANCE_TARGET: '2' })).toEqual([
        expect.stringMatching(/^KPI_WORKLOAD_BALANCE_TARGET: KPI_TARGET_NOT_BETTER: /),
      ]);
    });

    it('lists every KPI whose target is not better, and takes any better target', () => {
      const swapped = {
        KPI_SUCCESS_RATE_BASELINE: '0.9',
        KPI_SUCCESS_RATE_TARGET: '0.85',
        KPI_WORKLOAD_BALANCE_BASELINE: '2',
        KPI_WORKLOAD_BALANCE_TARGET: '2.5',
        KPI_INTERVENTION_RATE_BASELINE: '0.21',
        KPI_INTERVENTION_RATE_TARGET: '0.3',
      };
      expect(issues(swapped).map((i) => i.split(':')[0])).toEqual([
        'KPI_SUCCESS_RATE_TARGET',
        'KPI_WORKLOAD_BALANCE_TARGET',
        'KPI_INTERVENTION_RATE_TARGET',
      ]);
      const site = {
        KPI_SUCCESS_RATE_BASELINE: '0.5',
        KPI_SUCCESS_RATE_TARGET: '0.55',
        KPI_WORKLOAD_BALANCE_BASELINE: '4',
        KPI_WORKLOAD_BALANCE_TARGET: '3.5',
        KPI_INTERVENTION_RATE_BASELINE: '0.1',
        KPI_INTERVENTION_RATE_TARGET: '0',
      };
      expect(issues(site)).toEqual([]);
      expect(loadConfig(site)).toMatchObject({
        KPI_SUCCESS_RATE_TARGET: 0.55,
        KPI_INTERVENTION_RATE_TARGET: 0,
      });
    });
  });

  it('takes trusted proxies as express names, addresses and ranges', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: 'uniquelocal, 203.0.113.7, 2001:db8::/32' }).TRUST_PROXY).toBe(
      'uniquelocal, 203.0.113.7, 2001:db8::/32',
    );
  });

  it('never echoes secrets in its messages', () => {
    expect(issues({ MONGODB_URI: 'postgres://user:hunter2@x' }).join()).not.toContain('hunter2');
  });

  describe('production', () => {
    it('refuses a missing, short or low-entropy JWT_SECRET', () => {
      expect(issues({ NODE_ENV: 'production' })).toEqual(['JWT_SECRET: required in production']);
      expect(issues({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(31) })).toEqual([
        'JWT_SECRET: must be at least 32 characters in production',
      ]);
      expect(issues({ NODE_ENV: 'production', JWT_SECRET: 'a'.repeat(32) })).toEqual([
        expect.stringMatching(/^JWT_SECRET: too predictable for production \(about 0 bits/),
      ]);
      expect(issues({ NODE_ENV: 'production', JWT_SECRET: 'abcd'.repeat(8) })).toEqual([
        expect.stringMatching(/^JWT_SECRET: too predictable/),
      ]);
      expect(
        issues({ NODE_ENV: 'production', JWT_SECRET: 'kQ3v9ZpL2mX7tR8wB4nH6yJ1cF5gD0sAeUiOqWzT' }),
      ).toEqual([]);
    });

    it('estimates secret entropy from length and character spread', () => {
      expect(secretBits('a'.repeat(64))).toBe(0);
      expect(secretBits('0123456789abcdef'.repeat(2))).toBe(128);
    });

    it('turns introspection and demo seeding off by default and refuses SEED_ON_START', () => {
      const c = loadConfig({ NODE_ENV: 'production', JWT_SECRET: STRONG });
      expect(c).toMatchObject({ production: true, GRAPHQL_INTROSPECTION: false, SEED_ON_START: false });
      expect(issues({ NODE_ENV: 'production', JWT_SECRET: STRONG, SEED_ON_START: 'true' })).toEqual([
        'SEED_ON_START: demo data is never seeded in production',
      ]);
    });
  });
});
