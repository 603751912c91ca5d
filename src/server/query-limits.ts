/**
 * Depth, cost, alias and directive limits as one graphql validation rule, so they run
 * wherever the document is validated (HTTP and WebSocket alike) and before anything
 * executes. Each fragment is measured once per operation and its tally reused at every
 * spread, so fragments that spread each other twice cost linear time (they add up to
 * huge numbers, which the limits then refuse). Any error while measuring refuses the
 * operation: the rule fails closed.
 */
import {
  GraphQLError,
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
  type VariableDefinitionNode,
} from 'graphql';
import { fieldMultiplier } from './query-cost';

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
    private readonly variables: ReadonlyMap<string, VariableDefinitionNode>,
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
    const times =
      def && parent && !introspection ? fieldMultiplier(parent.name, def, node, this.variables) : 1;
    const leaf = type !== undefined && isLeafType(type);
    return {
      depth: introspection && node.name.value === 'ofType' ? inner.depth : inner.depth + 1,
      cost: leaf ? times : sum(1, product(times, inner.cost)),
      aliases: sum(inner.aliases, node.alias ? 1 : 0),
      directives: inner.directives,
    };
  }
}

function measure(context: ValidationContext, op: OperationDefinitionNode): Tally {
  const schema = context.getSchema();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of context.getDocument().definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const variables = new Map((op.variableDefinitions ?? []).map((v) => [v.variable.name.value, v]));
  const root = schema.getRootType(op.operation) ?? undefined;
  const tally = new OperationMeter(schema, fragments, variables).selectionSet(op.selectionSet, root);
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
        found = violations(measure(context, node), limits);
      } catch (e) {
        context.reportError(tooComplex(`Query limits could not be evaluated: ${(e as Error).message}`, node));
        return false;
      }
      if (found.length > 0) context.reportError(tooComplex(`Query ${found.join('; ')}`, node));
      return false;
    },
  });
}
