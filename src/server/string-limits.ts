/**
 * Bounded strings at the edge: every string that reaches a resolver, a middleware, the
 * audit log or a log line has a maximum length, checked before anything executes.
 * Literal arguments and names are checked by a validation rule; variable values by
 * `variableStringErrors` once per request (HTTP plugin and WebSocket subscribe alike).
 * A few arguments that carry whole files have larger caps (`LONG_STRING_ARGUMENTS`).
 */
import {
  GraphQLError,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTVisitor,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';

/** `Type.field.argument` → longest string accepted anywhere in that argument. */
export const LONG_STRING_ARGUMENTS: Readonly<Record<string, number>> = {
  'Mutation.importVolumes.csv': 4 * 1024 * 1024,
};
/** Longest field, alias, argument, variable or fragment name. */
export const MAX_NAME_LENGTH = 128;

export interface StringLimits {
  /** Longest string accepted in an argument without an entry in LONG_STRING_ARGUMENTS. */
  maxLength: number;
}

const tooLong = (what: string, length: number, max: number): GraphQLError =>
  new GraphQLError(`${what} is ${length} characters long; the limit is ${max}`, {
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
  });

const capOf = (coordinate: string | undefined, limits: StringLimits): number =>
  (coordinate && LONG_STRING_ARGUMENTS[coordinate]) || limits.maxLength;

/** The longest string literal inside a value (lists and input objects included). */
function longestLiteral(value: ValueNode): number {
  switch (value.kind) {
    case Kind.STRING:
      return value.value.length;
    case Kind.LIST:
      return value.values.reduce((m, v) => Math.max(m, longestLiteral(v)), 0);
    case Kind.OBJECT:
      return value.fields.reduce((m, f) => Math.max(m, longestLiteral(f.value)), 0);
    default:
      return 0;
  }
}

/** Validation rule: string literals in arguments and variable defaults, and every name. */
export function stringLimitsRule(limits: StringLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Name(node) {
      if (node.value.length > MAX_NAME_LENGTH)
        context.reportError(tooLong('A name', node.value.length, MAX_NAME_LENGTH));
    },
    Argument(node) {
      const parent = context.getParentType();
      const field = context.getFieldDef();
      const coordinate = parent && field ? `${parent.name}.${field.name}.${node.name.value}` : undefined;
      const max = capOf(coordinate, limits);
      const longest = longestLiteral(node.value);
      if (longest > max) context.reportError(tooLong(`Argument "${node.name.value}"`, longest, max));
    },
    VariableDefinition(node) {
      const longest = node.defaultValue ? longestLiteral(node.defaultValue) : 0;
      if (longest > limits.maxLength)
        context.reportError(
          tooLong(`The default of $${node.variable.name.value}`, longest, limits.maxLength),
        );
    },
  });
}

/** Variable name → the cap of the argument it is passed to (default cap elsewhere); memoised per document. */
const variableCaps = new WeakMap<DocumentNode, Map<string, string>>();

function variableCoordinates(schema: GraphQLSchema, document: DocumentNode): Map<string, string> {
  let found = variableCaps.get(document);
  if (found) return found;
  const coordinates = new Map<string, string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return;
        const coordinate = `${parent.name}.${field.name}.${node.name.value}`;
        if (!LONG_STRING_ARGUMENTS[coordinate]) return;
        visit(node.value, {
          Variable(v) {
            coordinates.set(v.name.value, coordinate);
          },
        });
      },
    }),
  );
  found = coordinates;
  variableCaps.set(document, found);
  return found;
}

/** Length of the longest string (or object key) in a JSON value, without recursion limits. */
function longestString(value: unknown): number {
  let longest = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') longest = Math.max(longest, v.length);
    else if (Array.isArray(v)) for (const item of v) stack.push(item);
    else if (v !== null && typeof v === 'object')
      for (const [key, item] of Object.entries(v)) {
        longest = Math.max(longest, key.length);
        stack.push(item);
      }
  }
  return longest;
}

/** Refusals for variable values longer than their argument's cap (empty when all fit). */
export function variableStringErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> | null | undefined,
  limits: StringLimits,
): GraphQLError[] {
  if (!variables) return [];
  const coordinates = variableCoordinates(schema, document);
  const errors: GraphQLError[] = [];
  for (const [name, value] of Object.entries(variables)) {
    if (name.length > MAX_NAME_LENGTH) {
      errors.push(tooLong('A variable name', name.length, MAX_NAME_LENGTH));
      continue;
    }
    const max = capOf(coordinates.get(name), limits);
    const longest = longestString(value);
    if (longest > max) errors.push(tooLong(`Variable "$${name}"`, longest, max));
  }
  return errors;
}
