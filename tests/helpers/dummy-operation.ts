import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  isUnionType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';

/** A syntactically valid literal for a required input type (enough to get past validation). */
export function dummyValue(type: GraphQLInputType): string {
  if (isNonNullType(type)) return dummyValue(type.ofType);
  if (isListType(type)) return `[${dummyValue(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter(
      (f) => isNonNullType(f.type) && f.defaultValue === undefined,
    );
    return `{ ${fields.map((f) => `${f.name}: ${dummyValue(f.type)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return '1';
      case 'Float':
        return '1.5';
      case 'Boolean':
        return 'true';
      case 'Date':
      case 'DateTimeISO':
        return '"2026-01-05T00:00:00.000Z"';
      case 'LocalDate':
        return '"2026-01-05"';
      case 'JSONObject':
        return '{}';
      default:
        return '"dummy"';
    }
  }
  return 'null';
}

function selection(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  return isObjectType(named) || isInterfaceType(named) || isUnionType(named) ? ' { __typename }' : '';
}

/** `query { field(requiredArg: dummy) { __typename } }` for a root field. */
export function dummyOperation(
  kind: 'query' | 'mutation' | 'subscription',
  field: GraphQLField<unknown, unknown>,
): string {
  const args = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const argText = args.length ? `(${args.map((a) => `${a.name}: ${dummyValue(a.type)}`).join(', ')})` : '';
  return `${kind} { ${field.name}${argText}${selection(field.type)} }`;
}
