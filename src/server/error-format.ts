import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { isAppError } from '../errors';
import type { Logger } from '../logger';

/** Codes that graphql-js, Apollo and type-graphql attach to errors the client caused. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

interface ValidationIssue {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationIssue[];
}

/** class-validator issues → `{ field, message }` with dotted paths. */
function flattenValidation(issues: ValidationIssue[], prefix = ''): { field: string; message: string }[] {
  return issues.flatMap((i) => {
    const field = prefix ? `${prefix}.${i.property}` : i.property;
    return [
      ...Object.values(i.constraints ?? {}).map((message) => ({ field, message })),
      ...flattenValidation(i.children ?? [], field),
    ];
  });
}

/**
 * Maps errors to what the client sees, once, at the edge. Domain errors (AppError) keep
 * their code, message and details; client errors keep theirs; anything else is logged
 * with the operation and masked.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (isAppError(original)) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          code: original.code,
          ...(original.details.length ? { details: original.details } : {}),
        },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const validation = (original as { extensions?: { validationErrors?: ValidationIssue[] } })?.extensions
        ?.validationErrors;
      const details = validation ? flattenValidation(validation) : undefined;
      return {
        message: details?.length
          ? `Invalid input: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}`
          : formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code, ...(details?.length ? { details } : {}) },
      };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
