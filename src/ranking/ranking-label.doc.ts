import type { AssignmentLabel } from './ranking-label.core';

export const RANKING_LABELS = 'rankingLabels';

/** One published roster's labels: the fate (kept, removed, added) of every candidate assignment. */
export interface RankingLabelDoc {
  /** The published roster's id. */
  _id: string;
  week: string;
  version: number;
  labels: AssignmentLabel[];
  manualEdits: number;
  interventionRate: number | null;
  /** The objective path of the roster (RULES when it was made without ranking info). */
  path: string;
  fallbackRate: number | null;
  publishedAt: Date;
}
