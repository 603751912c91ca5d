/**
 * A schema-driven fuzzer over the real HTTP edge, with a fixed seed: 2,000 operations on
 * random root fields, with arguments generated from their types (edge values, wrong
 * types, long strings, injection-looking text), as random roles. No answer may be a 5xx
 * or INTERNAL_SERVER_ERROR, none may take 2 s, and a refused mutation leaves every
 * collection's document count as it was (no partial write).
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
} from 'graphql';
import { mulberry32 } from '../../src/common/random';
import { Role } from '../../src/auth/roles';
import { seedDemo } from '../../src/seed/demo-seed';
import { startTestApp, type TestApp } from '../helpers/test-app';

const SEED = 20261201;
const CASES = 2000;
const MAX_MS = 2000;
/** Fields that end sessions or start long solver / forecast jobs; their limits have tests of their own. */
const SKIPPED = new Set([
  'login',
  'logout',
  'changePassword',
  'resetPassword',
  'runForecast',
  'trainModel',
  'generateRoster',
  'planWeek',
]);
const COLLECTIONS = [
  'users',
  'staff',
  'availability',
  'shiftTemplates',
  'settings',
  'channels',
  'volumes',
  'models',
  'forecasts',
  'rosters',
  'rosterJobs',
];

const STRINGS = [
  '',
  'x',
  'calls',
  'chat',
  '2026-03-02',
  '2026-02-30',
  '09:00',
  '25:61',
  'E0001',
  'a'.repeat(4096),
  '💥\u0000\u202e',
  "' OR 1=1 --",
  '{"$gt": ""}',
  '=HYPERLINK("http://x")',
  '../../etc/passwd',
  'null',
  'NaN',
];
const INTS = [0, 1, -1, 2, 7, 50, 500, 501, 2_147_483_647, -2_147_483_648];
const FLOATS = [0, 0.5, 1, -1, 1e-300, 0.049, 0.05, 0.999, 86_400, 1e9, 1e300];

describe('schema-driven fuzzer', () => {
  let t: TestApp;
  const tokens: (string | undefined)[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    await seedDemo(t.services, { anchorDate: '2026-03-02', history: false });
    for (const u of ['admin', 'admin', 'admin', 'manager', 'agent', 'provider', 'partner'])
      tokens.push(await t.login(u));
    tokens.push(undefined);
  }, 60_000);
  afterAll(() => t.close());

  it(`survives ${CASES} generated operations (seed ${SEED})`, async () => {
    const random = mulberry32(SEED);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const ids: string[] = ['nope', '00000000-0000-0000-0000-000000000000'];
    for (const c of ['staff', 'channels', 'shiftTemplates'])
      for (const d of await t.services.store.collection(c).find({}, { limit: 3 })) ids.push(String(d._id));
    // users the fuzzer may update or delete; the signed-in demo accounts are left alone
    for (const username of ['fuzz-one', 'fuzz-two'])
      ids.push(
        (await t.services.users.create({ username, password: 'fuzz-password-123', roles: [Role.AGENT] }))._id,
      );

    const value = (type: GraphQLInputType, depth: number): unknown => {
      if (isNonNullType(type)) return value(type.ofType, depth);
      if (random() < 0.05) return pick([null, 'wrong type', 12, true, {}]);
      if (isListType(type))
        return Array.from({ length: Math.floor(random() * 3) }, () => value(type.ofType, depth + 1));
      if (isEnumType(type)) return pick(type.getValues()).value as unknown;
      if (isInputObjectType(type)) {
        if (depth > 3) return {};
        const out: Record<string, unknown> = {};
        for (const f of Object.values(type.getFields()))
          if (isNonNullType(f.type) || random() < 0.6) out[f.name] = value(f.type, depth + 1);
        return out;
      }
      switch (getNamedType(type).name) {
        case 'Int':
          return pick(INTS);
        case 'Float':
          return pick(FLOATS);
        case 'Boolean':
          return random() < 0.5;
        case 'ID':
          return pick(ids);
        default:
          return pick(STRINGS);
      }
    };

    const selection = (type: GraphQLOutputType, depth: number): string => {
      const named = getNamedType(type);
      if (isLeafType(named)) return '';
      if (!isObjectType(named) || depth > 2) return '{ __typename }';
      const fields = Object.values((named as GraphQLObjectType).getFields()).filter((f) =>
        f.args.every((a) => !isNonNullType(a.type)),
      );
      const chosen = fields.filter(() => random() < 0.4).slice(0, 6);
      const parts = chosen.map((f) => `${f.name} ${selection(f.type, depth + 1)}`);
      return `{ __typename ${parts.join(' ')} }`;
    };

    const operation = (kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) => {
      const variables: Record<string, unknown> = {};
      const defs: string[] = [];
      const args: string[] = [];
      field.args.forEach((a, i) => {
        if (!isNonNullType(a.type) && random() < 0.4) return;
        defs.push(`$a${i}: ${String(a.type)}`);
        args.push(`${a.name}: $a${i}`);
        variables[`a${i}`] = value(a.type, 0);
      });
      const head = defs.length ? `${kind}(${defs.join(', ')})` : kind;
      const call = args.length ? `${field.name}(${args.join(', ')})` : field.name;
      return { query: `${head} { ${call} ${selection(field.type, 0)} }`, variables };
    };

    const counts = async (): Promise<number[]> =>
      Promise.all(COLLECTIONS.map((c) => t.services.store.collection(c).count()));
    const queries = Object.values(t.app.schema.getQueryType()!.getFields());
    const mutations = Object.values(t.app.schema.getMutationType()!.getFields()).filter(
      (f) => !SKIPPED.has(f.name),
    );
    const failures: string[] = [];
    let refusedMutations = 0;
    const seen = new Map<string, number>();

    for (let n = 0; n < CASES; n++) {
      const kind = random() < 0.6 ? 'query' : 'mutation';
      const field = pick(kind === 'query' ? queries : mutations);
      const { query, variables } = operation(kind, field);
      const token = pick(tokens);
      const before = kind === 'mutation' ? await counts() : [];
      const t0 = performance.now();
      const res = await t.gql(query, variables, token);
      const ms = performance.now() - t0;
      const codes = (res.errors ?? []).map((e) => e.extensions?.code);
      const outcome = codes[0] ?? 'OK';
      seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
      const label = `#${n} ${field.name} ${JSON.stringify(variables).slice(0, 300)}`;
      if (res.status >= 500) failures.push(`${label}: HTTP ${res.status}`);
      if (codes.includes('INTERNAL_SERVER_ERROR')) failures.push(`${label}: INTERNAL_SERVER_ERROR`);
      if (ms > MAX_MS) failures.push(`${label}: ${Math.round(ms)} ms`);
      if (kind === 'mutation' && res.errors && !res.data?.[field.name]) {
        refusedMutations += 1;
        const after = await counts();
        if (after.join() !== before.join())
          failures.push(`${label}: counts ${before.join()} → ${after.join()}`);
      }
    }
    expect(failures).toEqual([]);
    // the fuzzer reaches resolvers and writes, not only the validators
    expect(refusedMutations).toBeGreaterThan(100);
    expect(seen.get('OK')).toBeGreaterThan(150);
    expect(seen.get('BAD_USER_INPUT')).toBeGreaterThan(100);
  }, 600_000);
});
