/**
 * A page size given by a variable weighs the value the request sends. It weighed the
 * variable's default: `query($n: Int = 1)` with 17 aliases of `forecasts(first: $n)
 * { nodes { points { t } } }` passed at cost 95,251 when sent with n = 500, and a PARTNER's
 * request answered 126 MB in 25 s with the server at 2.2 GB (audit, 2026-12-03).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate, type GraphQLSchema } from 'graphql';
import { loadConfig } from '../../../src/config';
import { edgeLimits, prepareOperation } from '../../../src/server/limits';
import { LIST_SIZES, NARROWED_FACTORS, ONE_ENTRY_ARGUMENTS } from '../../../src/server/query-cost';
import { MAX_CHANNELS } from '../../../src/channels/channel.validation';
import { queryLimitsRule, requestLimitErrors, type QueryLimits } from '../../../src/server/query-limits';
import { MAX_LISTED_ROSTERS } from '../../../src/rostering/roster.service';

const schema = buildSchema(readFileSync(path.join(__dirname, '../../../schema/schema.graphql'), 'utf8'));
const limits = edgeLimits(loadConfig({ NODE_ENV: 'test' }));
const measureOnly: QueryLimits = {
  maxFields: 10_000,
  maxDepth: 20,
  maxCost: 1,
  maxAliases: 1000,
  maxDirectives: 1000,
};

const costOf = (message: string | undefined): number | undefined => {
  const found = message === undefined ? null : /cost (\d+)/.exec(message);
  return found ? Number(found[1]) : undefined;
};
/** The cost the validation rule gives a document (no variable values known). */
const documentCost = (query: string): number | undefined =>
  costOf(validate(schema, parse(query), [queryLimitsRule(measureOnly)])[0]?.message);
/** The cost of the request: the document with the variables it sends. */
const requestCost = (query: string, variables: Record<string, unknown>): number | undefined =>
  costOf(requestLimitErrors(schema, parse(query), undefined, variables, measureOnly)[0]?.message);

const POINTS_PER_RUN = 1 + 1 + 5600; // nodes, points, 5,600 × t
const forecastAliases = (n: number): string =>
  `query($n: Int = 1) { ${Array.from(
    { length: n },
    (_, i) => `a${i}: forecasts(channel: "calls", first: $n) { nodes { points { t } } }`,
  ).join(' ')} }`;
const STAFF = 'query($n: Int = 1) { staff(first: $n) { nodes { id name } } }';

describe('page sizes from variables', () => {
  it('refuses the audit attack: 17 forecast pages defaulting to 1, sent with n = 500', () => {
    const attack = forecastAliases(17);
    expect(requestCost(attack, { n: 500 })).toBe(17 * (1 + 500 * POINTS_PER_RUN));
    const refused = requestLimitErrors(schema, parse(attack), undefined, { n: 500 }, limits.query);
    expect(refused.map((e) => [e.message, e.extensions.code])).toEqual([
      ['Query cost 47617017 exceeds the limit of 100000 (with the variables sent)', 'QUERY_TOO_COMPLEX'],
    ]);
    // as the default says, it is cheap enough
    expect(requestLimitErrors(schema, parse(attack), undefined, { n: 1 }, limits.query)).toEqual([]);
    expect(requestLimitErrors(schema, parse(attack), undefined, {}, limits.query)).toEqual([]);
  });

  it('weighs staff(first: $n) by the value sent, never by the default below it', () => {
    expect(requestCost(STAFF, { n: 500 })).toBe(1 + 500 * (1 + 2));
    expect(requestCost(STAFF, { n: 5 })).toBe(1 + 5 * (1 + 2));
    expect(requestCost(STAFF, {})).toBe(1 + 1 * (1 + 2)); // not sent: the default executes
    expect(requestCost(STAFF, { n: null })).toBe(1 + 50 * (1 + 2)); // null: the lists' default
    expect(requestCost(STAFF, { n: 1e9 })).toBe(1 + 500 * (1 + 2)); // clamped as the lists clamp
    expect(requestCost(STAFF, { n: '500' })).toBe(1 + 500 * (1 + 2)); // not a number: the largest page
    const noDefault = 'query($n: Int) { staff(first: $n) { nodes { id } } }';
    expect(requestCost(noDefault, {})).toBe(1 + 50 * 2); // omitted: the argument is absent
    expect(requestCost(noDefault, { n: 500 })).toBe(1 + 500 * 2);
  });

  it('costs a variable page at 1 while only the document is known, and literals as written', () => {
    expect(documentCost(STAFF)).toBe(1 + 1 * (1 + 2));
    expect(documentCost('query($n: Int) { staff(first: $n) { nodes { id } } }')).toBe(1 + 1 * 2);
    expect(documentCost('{ staff(first: 10) { nodes { id name } } }')).toBe(1 + 10 * (1 + 2));
    expect(documentCost('{ staff { nodes { id } } }')).toBe(1 + 50 * 2);
  });

  it('costs pages in fragments and the named operation with the values sent', () => {
    const doc = `query A($n: Int = 1) { ...F } query B { __typename }
      fragment F on Query { staff(first: $n) { nodes { id } } }`;
    expect(costOf(requestLimitErrors(schema, parse(doc), 'A', { n: 400 }, measureOnly)[0]?.message)).toBe(
      1 + 400 * 2,
    );
    expect(requestLimitErrors(schema, parse(doc), 'B', { n: 400 }, measureOnly)).toEqual([]);
  });

  it('refuses the attack on the WebSocket path (prepareOperation) as on HTTP', () => {
    const prepared = prepareOperation(schema, limits, forecastAliases(17), { n: 500 });
    expect('errors' in prepared ? prepared.errors.map((e) => e.extensions.code) : []).toEqual([
      'QUERY_TOO_COMPLEX',
    ]);
    expect('document' in prepareOperation(schema, limits, forecastAliases(17), { n: 1 })).toBe(true);
  });

  it('fails closed: an error while costing with the values refuses the request', () => {
    const broken = new Proxy(schema, {
      get(target, prop, receiver) {
        if (prop === 'getRootType')
          return () => {
            throw new Error('boom');
          };
        return Reflect.get(target, prop, receiver) as unknown;
      },
    }) as GraphQLSchema;
    const errors = requestLimitErrors(broken, parse(STAFF), undefined, { n: 2 }, limits.query);
    expect(errors.map((e) => [e.message, e.extensions.code])).toEqual([
      ['Query limits could not be evaluated: boom', 'QUERY_TOO_COMPLEX'],
    ]);
  });
});

describe('rosters(week)', () => {
  it('is weighed as the number of versions the list returns', () => {
    expect(LIST_SIZES['Query.rosters']).toBe(MAX_LISTED_ROSTERS);
  });
});

describe('Roster.coverage(skill:)', () => {
  const all = LIST_SIZES['Roster.coverage'];
  const coverage = (args: string, variables = '') =>
    `query${variables} { roster(id: "r") { coverage${args} { required } } }`;
  /** The roster, its coverage and 672 values per entry. */
  const cost = (entries: number) => 1 + 1 + entries * 672;

  it('weighs one entry when a skill is surely given: a literal or a non-null variable', () => {
    expect(ONE_ENTRY_ARGUMENTS['Roster.coverage']).toBe('skill');
    expect(documentCost(coverage('(skill: "calls")'))).toBe(cost(1));
    expect(documentCost(coverage('(skill: $s)', '($s: String!)'))).toBe(cost(1));
  });

  it('weighs every skill a roster may cover otherwise, whatever a nullable variable is sent', () => {
    expect(documentCost(coverage(''))).toBe(cost(all));
    expect(documentCost(coverage('(skill: null)'))).toBe(cost(all));
    const nullable = coverage('(skill: $s)', '($s: String = "calls")');
    expect(documentCost(nullable)).toBe(cost(all));
    // its cost does not depend on the values: the request is not costed again with them
    expect(requestLimitErrors(schema, parse(nullable), undefined, { s: 'calls' }, measureOnly)).toEqual([]);
  });
});

describe('RosterOutcome.intervals(skill:, date:)', () => {
  const outcome = (args: string, variables = '') =>
    `query${variables} { rosterOutcome(rosterId: "r") { intervals${args} { start } } }`;
  /** The outcome, its rows and one field per row. */
  const cost = (rows: number) => 1 + 1 + rows;

  it('weighs a row per slot of the week and channel a site may hold', () => {
    expect(NARROWED_FACTORS['RosterOutcome.intervals']).toEqual({
      skill: [MAX_CHANNELS, 2],
      date: [672, 96],
    });
    expect(documentCost(outcome(''))).toBe(cost(MAX_CHANNELS * 672));
  });

  it('weighs one skill’s two groups, one day’s slots, or both, when surely given', () => {
    expect(documentCost(outcome('(skill: "calls")'))).toBe(cost(2 * 672));
    expect(documentCost(outcome('(date: "2026-11-23")'))).toBe(cost(MAX_CHANNELS * 96));
    expect(documentCost(outcome('(skill: $s, date: $d)', '($s: String!, $d: String!)'))).toBe(cost(2 * 96));
  });

  it('narrows nothing with null or a nullable variable', () => {
    expect(documentCost(outcome('(skill: null, date: $d)', '($d: String)'))).toBe(cost(MAX_CHANNELS * 672));
  });
});
