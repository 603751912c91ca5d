import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../auth/request-context';
import { extensionCode, isAppError } from '../errors';
import type { Logger } from '../logger';

/** One log line per GraphQL operation: name, type, duration, outcome. Never variables. */
export function operationLogPlugin(logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      let codes: string[] = [];
      return {
        async didEncounterErrors({ errors }) {
          // a domain error gets its extension code only when the response is formatted, after
          // this hook: read it from the AppError itself (as the error metrics do)
          codes = errors.map((e) =>
            isAppError(e.originalError)
              ? e.originalError.code
              : extensionCode(e.extensions?.code, 'INTERNAL_SERVER_ERROR'),
          );
        },
        async willSendResponse({ operationName, operation }) {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          logger.info(
            {
              op: operationName ?? '(anonymous)',
              type: operation?.operation ?? 'unknown',
              ms: Math.round(ms * 10) / 10,
              ok: codes.length === 0,
              ...(codes.length ? { errors: [...new Set(codes)] } : {}),
              user: contextValue.viewer?.username,
              requestId: contextValue.requestId,
            },
            'graphql',
          );
        },
      };
    },
  };
}
