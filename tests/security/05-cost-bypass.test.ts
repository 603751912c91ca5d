/**
 * Issue 10, item 5: graphql-query-complexity threw above 10,000 nodes and the plugin's
 * `catch { return; }` let the query through: a query refused at cost 15,010 passed once
 * 10,001 `__typename` aliases were added. The limits are now a validation rule that
 * fails closed, with alias and token caps.
 */
import {
  type GraphQLError,
  type GraphQLSchema,
  TypeInfo,
  ValidationContext,
  parse,
  validate,
  type OperationDefinitionNode,
} from 'graphql';
import { queryLimitsRule } from '../../src/server/query-limits';
import { codeOf, startTestApp, type TestApp } from '../helpers/test-app';
import { postRaw } from './hostile';

describe('item 5: the cost limit cannot be bypassed', () => {
  let t: TestApp;
  beforeAll(async () => {
    // every cap but cost raised, so that only the cost rule stands between the padding and execution
    t = await startTestApp({
      env: {
        GRAPHQL_MAX_COMPLEXITY: '3000',
        GRAPHQL_MAX_TOKENS: '1000000',
        GRAPHQL_MAX_ALIASES: '1000',
        GRAPHQL_MAX_FIELDS: '100000',
        GRAPHQL_MAX_QUERY_LENGTH: '1000000',
      },
    });
  });
  afterAll(() => t.close());

  const EXPENSIVE = '{ users(first: 500) { nodes { id username roles active createdAt lastLoginAt } } }';

  it('refuses the expensive query, and still refuses it padded with 10,001 __typename aliases', async () => {
    // graphql-query-complexity threw above 10,000 nodes and the old plugin let the query through
    const admin = await t.login('admin');
    const plain = await t.gql(EXPENSIVE, {}, admin);
    expect([plain.status, codeOf(plain)]).toEqual([400, 'QUERY_TOO_COMPLEX']);
    const padding = Array.from({ length: 10_001 }, (_, i) => `a${i}: __typename`).join(' ');
    const padded = await t.gql(`{ ${padding} ${EXPENSIVE.slice(1, -1)} }`, {}, admin);
    expect([padded.status, codeOf(padded)]).toEqual([400, 'QUERY_TOO_COMPLEX']);
    expect(padded.errors!.map((e) => e.message).join()).toMatch(/cost \d+ exceeds the limit of 3000/);
  });

  it('with the default caps the padding alone is refused by the alias and token limits', async () => {
    const strict = await startTestApp();
    try {
      const padding = Array.from({ length: 10_001 }, (_, i) => `a${i}: __typename`).join(' ');
      const whole = await postRaw(strict.app.url, JSON.stringify({ query: `{ ${padding} }` }));
      expect([whole.status, whole.json.errors?.[0]?.extensions?.code]).toEqual([400, 'BAD_USER_INPUT']);
      expect(whole.json.errors?.[0]?.message).toMatch(/query document is \d+ characters long/);
      const res = await postRaw(strict.app.url, JSON.stringify({ query: `{ ${padding.slice(0, 90_000)} }` }));
      expect(res.status).toBe(400);
      expect(res.json.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
      expect(res.json.errors?.[0]?.message).toMatch(/more th\w+ 5000 tokens/);
      const aliased = Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(' ');
      const res2 = await strict.gql(`{ ${aliased} }`);
      expect([res2.status, codeOf(res2)]).toEqual([400, 'QUERY_TOO_COMPLEX']);
      expect(res2.errors![0].message).toMatch(/31 aliases exceed the limit of 30/);
    } finally {
      await strict.close();
    }
  });

  it('fails closed: an error while measuring refuses the operation', () => {
    const broken = new Proxy(t.app.schema, {
      get(target, prop, receiver) {
        if (prop === 'getRootType')
          return () => {
            throw new Error('boom');
          };
        return Reflect.get(target, prop, receiver) as unknown;
      },
    }) as GraphQLSchema;
    const rule = queryLimitsRule({
      maxFields: 100,
      maxDepth: 10,
      maxCost: 100,
      maxAliases: 30,
      maxDirectives: 50,
    });
    const document = parse('{ __typename }');
    const errors: GraphQLError[] = [];
    const context = new ValidationContext(broken, document, new TypeInfo(t.app.schema), (e) =>
      errors.push(e),
    );
    const visitor = rule(context) as { OperationDefinition: (node: OperationDefinitionNode) => unknown };
    visitor.OperationDefinition(document.definitions[0] as OperationDefinitionNode);
    expect(errors.map((e) => [e.message, e.extensions.code])).toEqual([
      ['Query limits could not be evaluated: boom', 'QUERY_TOO_COMPLEX'],
    ]);
    expect(validate(t.app.schema, document, [rule])).toEqual([]);
  });
});
