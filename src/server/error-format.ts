import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { isAppError } from '../errors';
import type { Logger } from '../logger';
import { TOKEN_LIMIT } from './limits';
import { QUERY_TOO_COMPLEX } from './query-limits';

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
  'QUERY_TOO_COMPLEX',
  'TOO_MANY_OPERATIONS',
  'RATE_LIMITED',
]);

/** Longest message a client (or the log) gets: errors can quote whatever the client sent. */
export const MAX_MESSAGE_LENGTH = 1000;
const TOO_MANY_VARIABLE_ERRORS = 'Too many errors processing variables';
const SUGGESTION = /\s*Did you mean .*\?$/s;

export interface ErrorFormatOptions {
  /** Keep graphql's "Did you mean …?" hints; off when introspection is off (they leak the schema). */
  suggestions: boolean;
}

const bounded = (message: string): string =>
  message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}… (truncated)` : message;

/**
 * The code a client error carries: Apollo relabels every validation error
 * GRAPHQL_VALIDATION_FAILED and leaves graphql's variable-count error uncoded, so the
 * original's own code (QUERY_TOO_COMPLEX, BAD_USER_INPUT) wins when there is one.
 */
function clientCode(formatted: GraphQLFormattedError, original: unknown): string | undefined {
  const own = original instanceof GraphQLError ? original.extensions?.code : undefined;
  if (typeof own === 'string' && CLIENT_CODES.has(own)) return own;
  if (formatted.message.startsWith(TOO_MANY_VARIABLE_ERRORS)) return 'BAD_USER_INPUT';
  if (TOKEN_LIMIT.test(formatted.message)) return QUERY_TOO_COMPLEX;
  const code = formatted.extensions?.code;
  return typeof code === 'string' && CLIENT_CODES.has(code) ? code : undefined;
}

interface ValidationIssue {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationIssue[];
}

/**
 * class-validator issues → `{ field, message }` with dotted paths. Its own messages begin with
 * the property's name ("first must not be greater than 500"), which `field` already gives, so
 * that leading name is dropped: the client reads "first must not…", not "first first must…".
 */
function flattenValidation(issues: ValidationIssue[], prefix = ''): { field: string; message: string }[] {
  return issues.flatMap((i) => {
    const field = prefix ? `${prefix}.${i.property}` : i.property;
    const named = `${i.property} `;
    return [
      ...Object.values(i.constraints ?? {}).map((message) => ({
        field,
        message: message.startsWith(named) ? message.slice(named.length) : message,
      })),
      ...flattenValidation(i.children ?? [], field),
    ];
  });
}

/**
 * Maps errors to what the client sees, once, at the edge. Domain errors (AppError) keep
 * their code, message and details; client errors keep theirs; anything else is logged
 * with the operation and masked.
 */
export function createErrorFormatter(logger: Logger, options: ErrorFormatOptions = { suggestions: true }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (isAppError(original)) {
      return {
        message: bounded(original.message),
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          code: original.code,
          ...(original.details.length ? { details: original.details } : {}),
        },
      };
    }
    const code = clientCode(formatted, original);
    if (code !== undefined) {
      const validation = (original as { extensions?: { validationErrors?: ValidationIssue[] } })?.extensions
        ?.validationErrors;
      const details = validation ? flattenValidation(validation) : undefined;
      return {
        message: bounded(
          details?.length
            ? `Invalid input: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}`
            : options.suggestions
              ? formatted.message
              : formatted.message.replace(SUGGESTION, ''),
        ),
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
