import type { Page } from './pagination';

/** The GraphQL connection shape (`nodes`, `totalCount`, `pageInfo`) of a store page. */
export interface Connected<T> {
  nodes: T[];
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

export const toConnection = <T, N = T>(page: Page<T>, map?: (t: T) => N): Connected<N> => ({
  nodes: map ? page.nodes.map(map) : (page.nodes as unknown as N[]),
  totalCount: page.totalCount,
  pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage },
});
