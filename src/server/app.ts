import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { auditMiddleware } from '../auth/audit.middleware';
import type { RequestContext, Viewer } from '../context';
import { TOPIC } from '../events/topics';
import { createErrorFormatter } from './error-format';
import { connectionToken, httpContext, newContext, viewerFromToken } from './context';
import { complexityLimit, depthLimit } from './limits';
import { operationLogPlugin } from './logging.plugin';
import { healthRoutes } from './health.routes';
import { metricsRoutes } from './metrics.routes';
import { buildAppSchema } from './schema';
import { downloadRoutes } from './download.routes';
import { webRoutes } from './web.routes';
import { downloads, RESOLVERS, resolverInstances, type Services } from './services';

export interface AppOptions {
  /** Milliseconds between `ping` subscription events. */
  pingIntervalMs?: number;
}

export interface RunningApp {
  httpServer: http.Server;
  schema: GraphQLSchema;
  /** `http://host:port` once listening. */
  url: string;
  /** Stops accepting, drains HTTP and WebSocket connections, closes workers and the store. */
  close(): Promise<void>;
}

export async function buildSchemaFor(services: Services): Promise<GraphQLSchema> {
  return buildAppSchema({
    resolvers: RESOLVERS,
    instances: resolverInstances(services),
    pubSub: services.events,
    middlewares: [auditMiddleware(services.audit, services.logger)],
  });
}

export async function startApp(
  services: Services,
  port: number,
  host: string,
  options: AppOptions = {},
): Promise<RunningApp> {
  const { config, logger, users } = services;
  const schema = await buildSchemaFor(services);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const httpServer = http.createServer(app);

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const openOps = new Map<object, Set<string>>();
  const countOps = () =>
    services.metrics.subscriptions.set([...openOps.values()].reduce((n, ids) => n + ids.size, 0));
  const wsCleanup = useServer<Record<string, unknown>, { viewer?: Viewer }>(
    {
      schema,
      onSubscribe: (ctx, id) => {
        openOps.set(ctx, (openOps.get(ctx) ?? new Set()).add(id));
        countOps();
      },
      onComplete: (ctx, id) => {
        openOps.get(ctx)?.delete(id);
        countOps();
      },
      onClose: (ctx) => {
        openOps.delete(ctx);
        countOps();
      },
      onConnect: async (ctx) => {
        try {
          const viewer = await viewerFromToken(users, connectionToken(ctx.connectionParams));
          if (!viewer) return false;
          ctx.extra.viewer = viewer;
          return true;
        } catch {
          return false;
        }
      },
      context: (ctx): RequestContext => newContext(ctx.extra.viewer ?? null),
    },
    wsServer,
  );

  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: config.GRAPHQL_INTROSPECTION,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(logger),
    validationRules: [depthLimit(config.GRAPHQL_MAX_DEPTH)],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
            },
          };
        },
      },
      complexityLimit(config.GRAPHQL_MAX_COMPLEXITY),
      operationLogPlugin(logger),
      services.metrics.plugin(),
      // GraphiQL, bundled and served by webRoutes, replaces Apollo's CDN landing page.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  app.use(services.metrics.http());
  app.use(healthRoutes(services));
  app.use(metricsRoutes(services.metrics, config));
  app.use(webRoutes({ graphiql: config.GRAPHQL_INTROSPECTION }));
  app.use(downloadRoutes(downloads(services), users, logger));
  app.use(
    '/graphql',
    cors<cors.CorsRequest>(config.CORS_ORIGINS.length ? { origin: config.CORS_ORIGINS } : { origin: false }),
    express.json({ limit: '5mb' }),
    expressMiddleware(apollo, { context: ({ req }) => httpContext(users, req) }),
  );

  let pingSeq = 0;
  const ping = setInterval(() => {
    pingSeq += 1;
    services.events.publish(TOPIC.PING, { seq: pingSeq, at: new Date() });
  }, options.pingIntervalMs ?? 5000);
  ping.unref();

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });
  const address = httpServer.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${boundPort}`;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(ping);
      await apollo.stop();
      await services.workers.close();
      await services.store.close();
      await services.redis?.close();
    })());

  return { httpServer, schema, url, close };
}
