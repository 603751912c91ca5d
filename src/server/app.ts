import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import { jsonBody } from './json-body';
import proxyaddr from 'proxy-addr';
import {
  capConnections,
  connectionLimits,
  refusalReporter,
  slowRequestOptions,
  type RefusalReason,
} from './connection-limits';
import { boundUnsentOutput, type UnsentReason } from './unsent-output';
import { pipelineGuard } from './pipelining';
import { clientRates, rateLimited, type ClientAddress, type ClientRates, type Transport } from './rate-limit';
import type { GraphQLSchema } from 'graphql';
import { auditMiddleware } from '../auth/audit-middleware';
import type { RequestContext } from '../auth/request-context';
import { TOPIC } from '../events/topics';
import { createErrorFormatter } from './error-format';
import { httpContext } from './context';
import { jsonBodyErrors, jsonNotFound } from './body-errors';
import { answerClientErrors } from './client-errors';
import {
  edgeLimits,
  limitsGuard,
  MAX_VALIDATION_ERRORS,
  variableLimitsPlugin,
  type EdgeLimits,
} from './limits';
import { startWsServer } from './ws-server';
import { operationLogPlugin } from './logging-plugin';
import { healthRoutes } from './health.routes';
import { metricsRoutes } from './metrics.routes';
import { buildAppSchema } from './schema';
import { downloadRoutes } from './download.routes';
import type { DownloadRoute } from '../export/download';
import { webRoutes } from './web.routes';
import { downloads, RESOLVERS, resolverInstances, type Services } from './services';

/** Largest request body (JSON) accepted on /graphql, in bytes. */
const MAX_BODY = 5 * 1024 * 1024;

export interface AppOptions {
  /** Milliseconds between `ping` subscription events. */
  pingIntervalMs?: number;
  /** Download routes served besides the features' own (an embedder's, a test's). */
  extraDownloads?: DownloadRoute[];
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
    topicIds: {
      FORECAST_UPDATED: (key, field) => services.channels.requireByKey(key, field),
      ROSTER_JOB_PROGRESS: (id, field) => services.rosterJobs.require(id, field),
      // any Monday may see a roster published or broken later
      ROSTER_PUBLISHED: 'ANY_ID',
      ROSTER_CONFLICT: 'ANY_ID',
    },
    mutationMiddlewares: [auditMiddleware(services.audit, services.logger)],
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
  // X-Forwarded-For is believed from these peers only: it gives req.ip, the key of the per-client bounds
  app.set('trust proxy', config.TRUST_PROXY);
  const { httpServer, rates, clientAddress, pipelining } = guardedServer(app, services);
  const limits = edgeLimits(config);
  const formatError = createErrorFormatter(logger, { suggestions: config.GRAPHQL_INTROSPECTION });
  const wsCleanup = startWsServer(httpServer, schema, {
    users,
    limits,
    formatError,
    logger,
    rates,
    clientAddress,
    onOpenOperations: (open) => services.metrics.subscriptions.set(open),
  });
  const apollo = apolloServer(services, { schema, httpServer, limits, formatError, wsCleanup });
  await apollo.start();
  const extraDownloads = options.extraDownloads ?? [];
  mountRoutes(app, services, { schema, limits, apollo, rates, pipelining, extraDownloads });
  const ping = startPing(services, options.pingIntervalMs ?? 5000);
  const url = await listen(httpServer, port, host);

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

interface GuardedServer {
  httpServer: http.Server;
  rates: ClientRates;
  clientAddress: ClientAddress;
  /** Cuts off a socket with too many pipelined requests waiting (the first middleware). */
  pipelining: express.RequestHandler;
}

/**
 * The HTTP server for `app` with its bounds per client address, sockets (at accept) and the
 * request rate (HTTP requests here, WebSocket messages in ws-server), on pipelining and on
 * output unread.
 */
function guardedServer(app: express.Express, { config, logger, metrics }: Services): GuardedServer {
  const connections = connectionLimits(config);
  const httpServer = http.createServer(slowRequestOptions(connections), app);
  answerClientErrors(httpServer);
  const refused = refusalReporter<RefusalReason>(
    logger,
    'connections refused (HTTP_MAX_CONNECTIONS, HTTP_MAX_CONNECTIONS_PER_CLIENT) or cut for pipelining',
    (reason) => metrics.connectionsRefused.inc({ reason }),
  );
  capConnections(httpServer, connections, refused);
  boundUnsentOutput(
    httpServer,
    {
      maxUnsentBytes: config.HTTP_MAX_UNSENT_MB * 1024 * 1024,
      sendTimeoutMs: config.HTTP_SEND_TIMEOUT_SECONDS * 1000,
    },
    refusalReporter<UnsentReason>(logger, 'sockets closed with output their client did not read', (reason) =>
      metrics.socketsClosedUnread.inc({ reason }),
    ),
  );
  const rates = clientRates(
    config,
    refusalReporter<Transport>(logger, 'requests refused: HTTP_RATE_PER_CLIENT reached', (transport) =>
      metrics.requestsRateLimited.inc({ transport }),
    ),
  );
  // the address Express gives as req.ip, for WebSocket upgrades, which Express never sees
  const trust = app.get('trust proxy fn') as (address: string, hop: number) => boolean;
  return {
    httpServer,
    rates,
    clientAddress: (req) => proxyaddr(req, trust),
    pipelining: pipelineGuard(() => refused('pipelined')),
  };
}

interface ApolloParts {
  schema: GraphQLSchema;
  httpServer: http.Server;
  limits: EdgeLimits;
  formatError: ReturnType<typeof createErrorFormatter>;
  wsCleanup: ReturnType<typeof startWsServer>;
}

function apolloServer(
  services: Services,
  { schema, httpServer, limits, formatError, wsCleanup }: ApolloParts,
): ApolloServer<RequestContext> {
  const { config, logger } = services;
  return new ApolloServer<RequestContext>({
    schema,
    introspection: config.GRAPHQL_INTROSPECTION,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError,
    parseOptions: limits.parseOptions,
    validationRules: limits.rules,
    validationOptions: { maxErrors: MAX_VALIDATION_ERRORS },
    executionOptions: { maxCoercionErrors: MAX_VALIDATION_ERRORS },
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
      variableLimitsPlugin(limits),
      // no cache hints are used; the plugin would otherwise instrument every field of every response
      ApolloServerPluginCacheControlDisabled(),
      operationLogPlugin(logger),
      services.metrics.plugin(),
      // GraphiQL, bundled and served by webRoutes, replaces Apollo's CDN landing page.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
}

function mountRoutes(
  app: express.Express,
  services: Services,
  {
    schema,
    limits,
    apollo,
    rates,
    pipelining,
    extraDownloads,
  }: {
    schema: GraphQLSchema;
    limits: EdgeLimits;
    apollo: ApolloServer<RequestContext>;
    rates: ClientRates;
    pipelining: express.RequestHandler;
    extraDownloads: DownloadRoute[];
  },
): void {
  const { config, logger, users } = services;
  app.use(pipelining);
  app.use(services.metrics.http());
  app.use(healthRoutes(services));
  app.use(rateLimited(rates, MAX_BODY));
  app.use(metricsRoutes(services.metrics, config));
  app.use(webRoutes({ graphiql: config.GRAPHQL_INTROSPECTION }));
  app.use(downloadRoutes([...downloads(services), ...extraDownloads], users, services.heavyReads, logger));
  app.use(
    '/graphql',
    cors<cors.CorsRequest>(config.CORS_ORIGINS.length ? { origin: config.CORS_ORIGINS } : { origin: false }),
    jsonBody(MAX_BODY),
    limitsGuard(schema, limits),
    expressMiddleware(apollo, { context: ({ req }) => httpContext(users, req) }),
  );
  app.use(jsonNotFound());
  app.use(jsonBodyErrors(logger));
}

/** Publishes a `ping` event every `intervalMs` (the subscription liveness signal). */
function startPing(services: Services, intervalMs: number): NodeJS.Timeout {
  let seq = 0;
  const ping = setInterval(() => {
    seq += 1;
    services.events.publish(TOPIC.PING, { seq, at: new Date() });
  }, intervalMs);
  ping.unref();
  return ping;
}

/** Listens and returns `http://host:port` with the bound port (0 picks a free one). */
async function listen(httpServer: http.Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });
  const address = httpServer.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  return `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${boundPort}`;
}
