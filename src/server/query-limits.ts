/**
 * Depth, cost, alias and directive limits as one graphql validation rule, so they run
 * wherever the document is validated (HTTP and WebSocket alike) and before anything
 * executes. Each fragment is measured once per operation and its tally reused at every
 * spread, so fragments that spread each other twice cost linear time (they add up to
 * huge numbers, which the limits then refuse). Any error while measuring refuses the
 * operation: the rule fails closed. A page size given by a variable is known only with the
 * request's values: `requestLimitErrors` costs the operation again with them, on every
 * transport, before it executes.
 */
import {
  GraphQLError,
  getOperationAST,
  isInterfaceType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  getNamedType,
  visit,
  isLeafType,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { fieldMultiplier, fieldReads, type Variables } from './query-cost';

export interface QueryLimits {
  /**
   * Field selections written in the document (fragments counted once). It bounds
   * graphql's own OverlappingFieldsCanBeMerged rule, which is quadratic in repeated fields.
   */
  maxFields: number;
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
}

export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

/** The refusal every limit reports: code QUERY_TOO_COMPLEX, HTTP 400. */
export const tooComplex = (message: string, node?: OperationDefinitionNode): GraphQLError =>
  new GraphQLError(message, {
    nodes: node ? [node] : undefined,
    extensions: { code: QUERY_TOO_COMPLEX, http: { status: 400 } },
  });

interface Tally {
  depth: number;
  cost: number;
  aliases: number;
  directives: number;
}

/** Counts saturate here instead of overflowing to Infinity or losing precision. */
const CEILING = 1e15;
const sum = (a: number, b: number): number => Math.min(CEILING, a + b);
const product = (a: number, b: number): number => Math.min(CEILING, a * b);
const empty = (): Tally => ({ depth: 0, cost: 0, aliases: 0, directives: 0 });

function merge(into: Tally, t: Tally): void {
  into.depth = Math.max(into.depth, t.depth);
  into.cost = sum(into.cost, t.cost);
  into.aliases = sum(into.aliases, t.aliases);
  into.directives = sum(into.directives, t.directives);
}

function fieldDef(parent: GraphQLNamedType | undefined, name: string) {
  if (name === '__typename') return TypeNameMetaFieldDef;
  if (name === '__schema') return SchemaMetaFieldDef;
  if (name === '__type') return TypeMetaFieldDef;
  if (parent && (isObjectType(parent) || isInterfaceType(parent))) return parent.getFields()[name];
  return undefined;
}

/** Measures one operation; fragment tallies are memoised by name. */
class OperationMeter {
  private readonly memo = new Map<string, Tally>();
  private readonly open = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variables: Variables,
  ) {}

  selectionSet(set: SelectionSetNode | undefined, type: GraphQLNamedType | undefined): Tally {
    const tally = empty();
    if (!set) return tally;
    for (const sel of set.selections) {
      tally.directives = sum(tally.directives, sel.directives?.length ?? 0);
      if (sel.kind === Kind.FIELD) merge(tally, this.field(sel, type));
      else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const cond = sel.typeCondition ? this.schema.getType(sel.typeCondition.name.value) : type;
        merge(tally, this.selectionSet(sel.selectionSet, cond ?? undefined));
      } else merge(tally, this.fragment(sel.name.value));
    }
    return tally;
  }

  private fragment(name: string): Tally {
    const known = this.memo.get(name);
    if (known) return known;
    const def = this.fragments.get(name);
    // A cycle or an unknown fragment is reported by graphql's own rules; it weighs nothing here.
    if (!def || this.open.has(name)) return empty();
    this.open.add(name);
    const tally = this.selectionSet(def.selectionSet, this.schema.getType(def.typeCondition.name.value));
    tally.directives = sum(tally.directives, def.directives?.length ?? 0);
    this.open.delete(name);
    this.memo.set(name, tally);
    return tally;
  }

  private field(node: FieldNode, parent: GraphQLNamedType | undefined): Tally {
    const def = fieldDef(parent, node.name.value);
    const type = def ? getNamedType(def.type) : undefined;
    const inner = this.selectionSet(node.selectionSet, type);
    // Introspection (off in production unless asked for) weighs its fields, not its lists:
    // its answers are bounded by the schema, not by the data. A type's `ofType` chain is as
    // deep as the type's wrapping (a few levels), so it adds no depth: GraphiQL's own
    // introspection query passes, and nesting `fields { type { fields … } }` still counts.
    const introspection = parent !== undefined && parent.name.startsWith('__');
    const costed = def && parent && !introspection;
    const times = costed ? fieldMultiplier(parent.name, def, node, this.variables) : 1;
    const reads = costed ? fieldReads(parent.name, def) : 0;
    const leaf = type !== undefined && isLeafType(type);
    return {
      depth: introspection && node.name.value === 'ofType' ? inner.depth : inner.depth + 1,
      cost: leaf ? times : sum(1 + reads, product(times, inner.cost)),
      aliases: sum(inner.aliases, node.alias ? 1 : 0),
      directives: inner.directives,
    };
  }
}

function measure(
  schema: GraphQLSchema,
  document: DocumentNode,
  op: OperationDefinitionNode,
  values?: Readonly<Record<string, unknown>>,
): Tally {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const definitions = new Map((op.variableDefinitions ?? []).map((v) => [v.variable.name.value, v]));
  const root = schema.getRootType(op.operation) ?? undefined;
  const meter = new OperationMeter(schema, fragments, { definitions, values });
  const tally = meter.selectionSet(op.selectionSet, root);
  tally.directives = sum(tally.directives, op.directives?.length ?? 0);
  return tally;
}

function violations(t: Tally, limits: QueryLimits): string[] {
  const out: string[] = [];
  if (t.depth > limits.maxDepth) out.push(`depth ${t.depth} exceeds the limit of ${limits.maxDepth}`);
  if (t.cost > limits.maxCost) out.push(`cost ${t.cost} exceeds the limit of ${limits.maxCost}`);
  if (t.aliases > limits.maxAliases)
    out.push(`${t.aliases} aliases exceed the limit of ${limits.maxAliases}`);
  if (t.directives > limits.maxDirectives)
    out.push(`${t.directives} directives exceed the limit of ${limits.maxDirectives}`);
  return out;
}

/** Field selections written in a document (a cheap walk, no type information). */
export function countFields(document: DocumentNode): number {
  let fields = 0;
  visit(document, {
    Field() {
      fields += 1;
    },
  });
  return fields;
}

/** The validation rule: refuses an operation over any limit with QUERY_TOO_COMPLEX. */
export function queryLimitsRule(limits: QueryLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Document(node) {
      const fields = countFields(node);
      if (fields > limits.maxFields)
        context.reportError(
          tooComplex(`Query has ${fields} field selections; the limit is ${limits.maxFields}`),
        );
    },
    OperationDefinition(node) {
      let found: string[];
      try {
        found = violations(measure(context.getSchema(), context.getDocument(), node), limits);
      } catch (e) {
        context.reportError(tooComplex(`Query limits could not be evaluated: ${(e as Error).message}`, node));
        return false;
      }
      if (found.length > 0) context.reportError(tooComplex(`Query ${found.join('; ')}`, node));
      return false;
    },
  });
}

/** Documents with a variable `first` anywhere: only their cost depends on the values sent. */
const variablePages = new WeakMap<DocumentNode, boolean>();

function hasVariablePages(document: DocumentNode): boolean {
  let found = variablePages.get(document);
  if (found !== undefined) return found;
  found = false;
  visit(document, {
    Argument(node) {
      if (node.name.value === 'first' && node.value.kind === Kind.VARIABLE) found = true;
    },
  });
  variablePages.set(document, found);
  return found;
}

/**
 * The limits of the operation a request executes, costed with the variable values it sends
 * (once the document passed `queryLimitsRule`). Run before execution on HTTP and WebSocket
 * alike; an error while measuring refuses the request. An operation graphql cannot pick
 * (unknown or ambiguous name) is left to graphql, which refuses it.
 */
export function requestLimitErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  values: Readonly<Record<string, unknown>> | null | undefined,
  limits: QueryLimits,
): GraphQLError[] {
  if (!hasVariablePages(document)) return [];
  const op = getOperationAST(document, operationName);
  if (!op) return [];
  let found: string[];
  try {
    found = violations(measure(schema, document, op, values ?? {}), limits);
  } catch (e) {
    return [tooComplex(`Query limits could not be evaluated: ${(e as Error).message}`, op)];
  }
  return found.length > 0 ? [tooComplex(`Query ${found.join('; ')} (with the variables sent)`, op)] : [];
}
