import { lexicographicSortSchema, printSchema } from 'graphql';
import { createEventBus } from '../events/pubsub';
import { buildAppSchema } from './schema';
import { RESOLVERS } from './services';

export const SCHEMA_FILE = 'schema/schema.graphql';

const HEADER =
  '# Emitted from the code by `npm run schema:emit`; do not edit. `npm run check` fails when stale.\n\n';

/** The API's SDL, sorted, exactly as committed in schema/schema.graphql. */
export async function schemaSdl(): Promise<string> {
  const schema = await buildAppSchema({
    resolvers: RESOLVERS,
    instances: new Map(),
    pubSub: createEventBus(),
  });
  return `${HEADER}${printSchema(lexicographicSortSchema(schema))}\n`;
}
