import type { Viewer } from '../auth/request-context';
import type { SignedInRule } from '../auth/roles';
import type { Sheet } from './table';

/**
 * A downloadable export. Features declare these; the server mounts them under
 * `/exports/<path>.xlsx` and `.csv` behind the same bearer-token and role rules as GraphQL.
 */
export interface DownloadRoute {
  /** Express path without the extension, e.g. `/exports/rosters/:id`. */
  path: string;
  /** Who may download (ADMIN implied); checked by admitViewer, as GraphQL fields are. No download is PUBLIC. */
  roles: readonly SignedInRule[];
  /** File name without extension. */
  fileName(params: Record<string, string>): string;
  /** The sheets; CSV gets the first one (or the one named by `?sheet=`). Throw AppError for NOT_FOUND/FORBIDDEN. */
  sheets(params: Record<string, string>, viewer: Viewer, query: Record<string, string>): Promise<Sheet[]>;
}
