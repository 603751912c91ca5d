/**
 * A channel as the rest of the application reads it (`ChannelService.listActive`,
 * `requireByKey` …). The stored document (channel.doc.ts) is private to this feature.
 */

/** LIVE: answered as it arrives (calls, chat) → Erlang. DEFERRED: worked later (emails, outbound) → workload. */
export type ChannelKind = 'LIVE' | 'DEFERRED';

/** An opening window on one day of the week; `to` may be "24:00". */
export interface OpeningWindow {
  /** 1 = Monday … 7 = Sunday (ISO). */
  dayOfWeek: number;
  from: string;
  to: string;
}

export interface Channel {
  _id: string;
  /** Stable key used in imports and queries, e.g. `calls`, `outbound_nb`. */
  key: string;
  name: string;
  kind: ChannelKind;
  /** 15, 30 or 60. */
  intervalMinutes: number;
  ahtSeconds: number;
  /** Target share answered within `answerSeconds` (LIVE). */
  serviceLevel: { target: number; answerSeconds: number };
  /** Mean caller patience for Erlang A (LIVE); null: Erlang C. */
  patienceSeconds: number | null;
  maxOccupancy: number;
  /** Share of paid time not available for work, in [0, 1). */
  shrinkage: number;
  /** Hours within which DEFERRED work must be done. */
  responseHours: number | null;
  /** Skill an agent needs to work this channel. */
  requiredSkill: string;
  openingHours: OpeningWindow[];
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}
