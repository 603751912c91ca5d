/**
 * Owns `rankingLabels`: one document per published roster with the fate of every candidate
 * assignment (kept, removed, added). Recorded by a publish handler registered at start, so
 * the roster feature never imports ranking.
 */
import type { Collection, DocumentStore } from '../store/document-store';
import type { RosterVersion } from '../rostering/roster-version.types';
import { interventionRate, labelAssignments } from './ranking-label.core';
import { RANKING_LABELS, type RankingLabelDoc } from './ranking-label.doc';

export class RankingLabelService {
  private readonly labels: Collection<RankingLabelDoc>;

  constructor(store: DocumentStore) {
    this.labels = store.collection<RankingLabelDoc>(RANKING_LABELS);
  }

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.collection<RankingLabelDoc>(RANKING_LABELS).createIndex({ keys: { week: 1 }, name: 'week' });
  }

  /** The publish handler: idempotent per roster (a replayed publish rewrites the same document). */
  async record(doc: RosterVersion): Promise<RankingLabelDoc> {
    const labels = labelAssignments(doc.proposed ?? doc.assignments, doc.assignments);
    const label: RankingLabelDoc = {
      _id: doc._id,
      week: doc.week,
      version: doc.version,
      labels,
      manualEdits: doc.manualEdits,
      interventionRate: interventionRate(labels),
      path: doc.ranking?.path ?? 'RULES',
      fallbackRate: doc.ranking?.fallbackRate ?? null,
      publishedAt: doc.publishedAt ?? new Date(),
    };
    await this.labels.replaceOne({ _id: doc._id }, label, { upsert: true });
    return label;
  }

  /** The newest `count` distinct weeks that have labels, newest first. */
  async latestWeeks(count: number): Promise<string[]> {
    const docs = await this.labels.find({}, { sort: { week: -1 }, projection: { week: 1 } });
    return [...new Set(docs.map((d) => d.week))].slice(0, count);
  }

  /** Labels of the published rosters of weeks in [from, to], oldest first. */
  async between(from: string, to: string): Promise<RankingLabelDoc[]> {
    return this.labels.find({ week: { $gte: from, $lte: to } }, { sort: { week: 1, version: 1 } });
  }
}
