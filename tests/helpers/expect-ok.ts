/** The shape of a GraphQL response, as the test clients return it. */
export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: readonly { message: string; extensions?: { code?: unknown } }[];
}

/**
 * The response's `data`, after failing the test when it carries `errors` or no data at all
 * (`expect(res.data).toBeDefined()` passes on `data: null`).
 */
export function expectOk<T>(result: GraphQLResponse<T>): T {
  if (result.errors?.length)
    throw new Error(
      `GraphQL errors: ${result.errors.map((e) => `${String(e.extensions?.code ?? '?')}: ${e.message}`).join('; ')}`,
    );
  if (result.data === undefined || result.data === null)
    throw new Error(`GraphQL response without data: ${JSON.stringify(result)}`);
  return result.data;
}
