/**
 * Child process of the API benchmark: a bare `@apollo/server` on Express answering the
 * same `staff(first: 50)` shape from memory (the JSON our server returned), with no
 * auth, store, validation rules or plugins. The ceiling our server is measured against.
 */
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { processStats } from './ipc';

const TYPE_DEFS = `#graphql
  type Contract { minHoursWeek: Float! maxHoursWeek: Float! maxDaysWeek: Int! maxConsecutiveDays: Int! }
  type WeeklyWindow { dayOfWeek: Int! from: String! to: String! }
  type Availability { weekly: [WeeklyWindow!]! }
  type Staff { id: ID! name: String! employeeNo: String! skills: [String!]! hourlyCost: Float! active: Boolean!
    contract: Contract! availability: Availability! }
  type StaffConnection { nodes: [Staff!]! totalCount: Int! }
  type Query { staff(first: Int): StaffConnection! }
`;

async function main(): Promise<void> {
  const data = await new Promise<{ nodes: unknown[]; totalCount: number }>((resolve) =>
    process.once('message', (m) => resolve(m as { nodes: unknown[]; totalCount: number })),
  );
  const apollo = new ApolloServer({
    typeDefs: TYPE_DEFS,
    resolvers: {
      Query: {
        staff: (_: unknown, { first }: { first?: number }) => ({
          ...data,
          nodes: data.nodes.slice(0, first ?? 50),
        }),
      },
    },
  });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(apollo));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.on('message', (m) => {
    if (m === 'stats') process.send!({ stats: processStats() });
  });
  process.send!({ url: `http://127.0.0.1:${port}` });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
