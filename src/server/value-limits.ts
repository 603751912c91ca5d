/**
 * Bounded values at the edge: every string that reaches a resolver, a middleware, the
 * audit log or a log line has a maximum length, and every list a maximum number of items,
 * checked before anything executes (before graphql coerces a variable: coercing 30,000
 * import rows held the event loop for about a second).
 * Literal arguments and names are checked by a validation rule; variable values by
 * `variableValueErrors` once per request (HTTP plugin and WebSocket subscribe alike).
 * A few arguments that carry whole files or tables have larger caps (`LONG_STRING_ARGUMENTS`,
 * `LONG_LIST_ARGUMENTS`).
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
import { MAX_IMPORT_ROWS_PER_REQUEST } from '../staff/staff-inputs.graphql';

/** `Type.field.argument` → longest string accepted anywhere in that argument. */
export const LONG_STRING_ARGUMENTS: Readonly<Record<string, number>> = {
  'Mutation.importVolumes.csv': 4 * 1024 * 1024,
};
/** `Type.field.argument` → most items accepted in any list inside that argument. */
export const LONG_LIST_ARGUMENTS: Readonly<Record<string, number>> = {
  'Mutation.importStaff.rows': MAX_IMPORT_ROWS_PER_REQUEST,
  'Mutation.importAvailability.rows': MAX_IMPORT_ROWS_PER_REQUEST,
};
/** Longest field, alias, argument, variable or fragment name. */
export const MAX_NAME_LENGTH = 128;

export interface ValueLimits {
  /** Longest string accepted in an argument without an entry in LONG_STRING_ARGUMENTS. */
  maxLength: number;
  /** Most items in a list argument without an entry in LONG_LIST_ARGUMENTS. */
  maxItems: number;
}

/** The longest string (or object key) and the longest list inside a value. */
interface Extent {
  longest: number;
  items: number;
}

const refusal = (message: string): GraphQLError =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });

const tooLong = (what: string, length: number, max: number): GraphQLError =>
  refusal(`${what} is ${length} characters long; the limit is ${max}`);

/** The caps of one argument: its entry in the long-value tables, else the defaults. */
const argumentCaps = (coordinate: string | undefined, limits: ValueLimits): ValueLimits =>
  capsOf(coordinate === undefined ? undefined : new Set([coordinate]), limits);

/** The refusals of a value whose strings or lists exceed `caps`. */
function extentErrors(what: string, extent: Extent, { maxLength, maxItems }: ValueLimits) {
  const errors: GraphQLError[] = [];
  if (extent.longest > maxLength) errors.push(tooLong(what, extent.longest, maxLength));
  if (extent.items > maxItems)
    errors.push(refusal(`${what} holds a list of ${extent.items} items; the limit is ${maxItems}`));
  return errors;
}

/** The extent of a literal (lists and input objects included). */
function literalExtent(value: ValueNode): Extent {
  switch (value.kind) {
    case Kind.STRING:
      return { longest: value.value.length, items: 0 };
    case Kind.LIST:
      return value.values.map(literalExtent).reduce(wider, { longest: 0, items: value.values.length });
    case Kind.OBJECT:
      return value.fields.map((f) => literalExtent(f.value)).reduce(wider, { longest: 0, items: 0 });
    default:
      return { longest: 0, items: 0 };
  }
}

const wider = (a: Extent, b: Extent): Extent => ({
  longest: Math.max(a.longest, b.longest),
  items: Math.max(a.items, b.items),
});

/** Validation rule: literals in arguments and variable defaults, and every name. */
export function valueLimitsRule(limits: ValueLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Name(node) {
      if (node.value.length > MAX_NAME_LENGTH)
        context.reportError(tooLong('A name', node.value.length, MAX_NAME_LENGTH));
    },
    Argument(node) {
      const parent = context.getParentType();
      const field = context.getFieldDef();
      const coordinate = parent && field ? `${parent.name}.${field.name}.${node.name.value}` : undefined;
      const what = `Argument "${node.name.value}"`;
      for (const e of extentErrors(what, literalExtent(node.value), argumentCaps(coordinate, limits)))
        context.reportError(e);
    },
    VariableDefinition(node) {
      if (!node.defaultValue) return;
      const what = `The default of $${node.variable.name.value}`;
      for (const e of extentErrors(what, literalExtent(node.defaultValue), limits)) context.reportError(e);
    },
  });
}

/**
 * Variable name → the coordinates of every argument it is passed to (`?` for a place
 * without one); memoised per document. A variable takes the smallest caps of them all: one
 * used in `createStaff(input:)` and `importVolumes(csv:)` took the CSV's 4 MiB cap and
 * stored three 4 MB strings in a staff record.
 */
const variableUses = new WeakMap<DocumentNode, Map<string, Set<string>>>();

function variableCoordinates(schema: GraphQLSchema, document: DocumentNode): Map<string, Set<string>> {
  let found = variableUses.get(document);
  if (found) return found;
  const uses = new Map<string, Set<string>>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const directive = typeInfo.getDirective();
        const coordinate =
          parent && field && !directive ? `${parent.name}.${field.name}.${node.name.value}` : '?';
        visit(node.value, {
          Variable(v) {
            const at = uses.get(v.name.value) ?? new Set<string>();
            uses.set(v.name.value, at.add(coordinate));
          },
        });
      },
    }),
  );
  found = uses;
  variableUses.set(document, found);
  return found;
}

/** The caps of a value used at `coordinates`: the smallest over them (the defaults when unused). */
function capsOf(coordinates: ReadonlySet<string> | undefined, limits: ValueLimits): ValueLimits {
  const all = [...(coordinates ?? [])];
  if (all.length === 0) return limits;
  return {
    maxLength: Math.min(...all.map((c) => LONG_STRING_ARGUMENTS[c] ?? limits.maxLength)),
    maxItems: Math.min(...all.map((c) => LONG_LIST_ARGUMENTS[c] ?? limits.maxItems)),
  };
}

/** The extent of a JSON value, without recursion limits. */
function valueExtent(value: unknown): Extent {
  let longest = 0;
  let items = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') longest = Math.max(longest, v.length);
    else if (Array.isArray(v)) {
      items = Math.max(items, v.length);
      for (const item of v) stack.push(item);
    } else if (v !== null && typeof v === 'object')
      for (const [key, item] of Object.entries(v)) {
        longest = Math.max(longest, key.length);
        stack.push(item);
      }
  }
  return { longest, items };
}

/** Refusals for variable values whose strings or lists exceed their argument's caps (empty when all fit). */
export function variableValueErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> | null | undefined,
  limits: ValueLimits,
): GraphQLError[] {
  if (!variables) return [];
  const coordinates = variableCoordinates(schema, document);
  const errors: GraphQLError[] = [];
  for (const [name, value] of Object.entries(variables)) {
    if (name.length > MAX_NAME_LENGTH) {
      errors.push(tooLong('A variable name', name.length, MAX_NAME_LENGTH));
      continue;
    }
    const uses = coordinates.get(name);
    const where = uses && uses.size > 1 ? ` (passed to ${[...uses].sort().join(', ')})` : '';
    errors.push(...extentErrors(`Variable "$${name}"${where}`, valueExtent(value), capsOf(uses, limits)));
  }
  return errors;
}
