/**
 * Every operation the dashboard sends passes the server's request limits at their defaults
 * (as urql sends it, with `__typename` added to every selection):
 * depth, cost (lists weighed by their real sizes), aliases, tokens and string caps. A limit
 * tightened, or a page query grown, so far that the dashboard would be refused fails here
 * rather than in a manager's browser.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, getIntrospectionQuery, print, type DocumentNode } from 'graphql';
import { formatDocument } from '@urql/core';
import { loadConfig } from '../../../src/config';
import { edgeLimits, prepareOperation } from '../../../src/server/limits';
import * as operations from '../../../web/src/gql/graphql';

const schema = buildSchema(readFileSync(path.join(__dirname, '../../../schema/schema.graphql'), 'utf8'));
const limits = edgeLimits(loadConfig({ NODE_ENV: 'test' }));

const documents = Object.entries(operations).filter((entry): entry is [string, DocumentNode] =>
  entry[0].endsWith('Document'),
);

describe('dashboard operations within the request limits', () => {
  it('finds the dashboard documents', () => {
    expect(documents.length).toBeGreaterThan(20);
  });

  it.each(documents)('%s', (_name, document) => {
    const prepared = prepareOperation(schema, limits, print(formatDocument(document)), {});
    expect('errors' in prepared ? prepared.errors.map((e) => e.message) : []).toEqual([]);
  });
});

describe('the API explorer within the request limits', () => {
  it("GraphiQL's introspection query passes", () => {
    const prepared = prepareOperation(schema, limits, getIntrospectionQuery(), {});
    expect('errors' in prepared ? prepared.errors.map((e) => e.message) : []).toEqual([]);
  });
});
