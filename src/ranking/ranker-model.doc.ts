import type { ForestJson, RankerMetrics, RankerOptions } from './ranker.core';

export const RANKER_MODELS = 'rankerModels';

export type RankerModelStatus = 'CANDIDATE' | 'ACTIVE' | 'RETIRED';

/** One trained assignment ranker (the ranker registry): its forest, options and validation metrics. */
export interface RankerModelDoc {
  _id: string;
  version: number;
  status: RankerModelStatus;
  lookbackWeeks: number;
  metrics: RankerMetrics;
  options: RankerOptions;
  featureNames: string[];
  forest: ForestJson;
  createdAt: Date;
  createdBy: string | null;
  activatedAt: Date | null;
}
