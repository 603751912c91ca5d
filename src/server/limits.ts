/**
 * The request limits of the GraphQL edge, built once from the config and applied on
 * HTTP (Apollo) and WebSocket (graphql-ws) alike: a token cap while parsing, the query
 * limits and string caps as validation rules, and variable string caps per request.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import type { RequestHandler } from 'express';
import type { Config } from '../config';
import { queryLimitsRule, tooComplex } from './query-limits';
import { stringLimitsRule, variableStringErrors, type StringLimits } from './string-limits';

export interface EdgeLimits {
  /** Longest query document, characters: checked before anything parses it. */
  maxQueryLength: number;
  parseOptions: ParseOptions;
  /** Our rules; graphql's specified rules run as well. */
  rules: ValidationRule[];
  strings: StringLimits;
}

export function edgeLimits(
  config: Pick<
    Config,
    | 'GRAPHQL_MAX_DEPTH'
    | 'GRAPHQL_MAX_COMPLEXITY'
    | 'GRAPHQL_MAX_ALIASES'
    | 'GRAPHQL_MAX_DIRECTIVES'
    | 'GRAPHQL_MAX_TOKENS'
    | 'GRAPHQL_MAX_STRING_LENGTH'
    | 'GRAPHQL_MAX_QUERY_LENGTH'
  >,
): EdgeLimits {
  const strings = { maxLength: config.GRAPHQL_MAX_STRING_LENGTH };
  return {
    maxQueryLength: config.GRAPHQL_MAX_QUERY_LENGTH,
    parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS },
    strings,
    rules: [
      queryLimitsRule({
        maxDepth: config.GRAPHQL_MAX_DEPTH,
        maxCost: config.GRAPHQL_MAX_COMPLEXITY,
        maxAliases: config.GRAPHQL_MAX_ALIASES,
        maxDirectives: config.GRAPHQL_MAX_DIRECTIVES,
      }),
      stringLimitsRule(strings),
    ],
  };
}

/** The refusal of a query document over `maxQueryLength` (null when it fits). */
export function queryLengthError(limits: EdgeLimits, query: unknown): GraphQLError | null {
  if (typeof query !== 'string' || query.length <= limits.maxQueryLength) return null;
  return new GraphQLError(
    `The query document is ${query.length} characters long; the limit is ${limits.maxQueryLength} (pass long values as variables)`,
    { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
  );
}

/**
 * Express middleware in front of Apollo: a query document over the limit is refused
 * before it is hashed, parsed or logged.
 */
export function queryLengthGuard(limits: EdgeLimits): RequestHandler {
  return (req, res, next) => {
    const body = req.body as { query?: unknown } | undefined;
    const error = queryLengthError(limits, body?.query ?? req.query?.query);
    if (!error) return next();
    res
      .status(400)
      .json({ errors: [{ message: error.message, extensions: { code: error.extensions.code } }] });
  };
}

/** Apollo plugin: variable values over their caps are refused (HTTP 400) before execution. */
export function variableLimitsPlugin(limits: EdgeLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          const errors = variableStringErrors(schema, document, request.variables, limits.strings);
          if (errors.length > 0) throw errors[0];
        },
      };
    },
  };
}

/** graphql's message when a document has more tokens than `maxTokens`. */
export const TOKEN_LIMIT = /Document contains more th\w+ \d+ tokens/;

/** Parse errors keep graphql's message; the token cap's becomes QUERY_TOO_COMPLEX. */
function parseError(e: unknown): GraphQLError {
  const message = e instanceof Error ? e.message : String(e);
  if (TOKEN_LIMIT.test(message)) return tooComplex(message);
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_PARSE_FAILED', http: { status: 400 } } });
}

/**
 * Parse, validate and check variables of a WebSocket operation with exactly the limits
 * of HTTP. Returns the document, or the errors to send instead of executing.
 */
export function prepareOperation(
  schema: GraphQLSchema,
  limits: EdgeLimits,
  query: string,
  variables: Readonly<Record<string, unknown>> | null | undefined,
): { document: DocumentNode } | { errors: GraphQLError[] } {
  const tooLongQuery = queryLengthError(limits, query);
  if (tooLongQuery) return { errors: [tooLongQuery] };
  let document: DocumentNode;
  try {
    document = parse(query, limits.parseOptions);
  } catch (e) {
    return { errors: [parseError(e)] };
  }
  const errors = validate(schema, document, [...specifiedRules, ...limits.rules]);
  if (errors.length > 0) return { errors: [...errors] };
  const tooLong = variableStringErrors(schema, document, variables, limits.strings);
  return tooLong.length > 0 ? { errors: tooLong } : { document };
}
