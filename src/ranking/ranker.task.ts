/**
 * Piscina worker entry of the ranker: training (features + forest) and scoring of one week
 * run here, never on the event loop. Plain JSON in and out.
 */
import type { RosterProblem } from '../rostering/roster-problem-schema';
import type { WeekHistory } from './ranking-features.core';
import { type RankerWeek, weekRows } from './ranker-dataset.core';
import {
  type ForestJson,
  predictForest,
  type RankerOptions,
  trainRanker,
  type TrainedRanker,
} from './ranker.core';

export interface TrainRankerTaskInput {
  weeks: RankerWeek[];
  validationWeeks: number;
  options?: RankerOptions;
}

export function trainRankerTask(input: TrainRankerTaskInput): TrainedRanker {
  return trainRanker(input.weeks, input.validationWeeks, input.options);
}

export interface ScoreWeekTaskInput {
  problem: RosterProblem;
  history: WeekHistory;
  forest: ForestJson;
}

export function scoreWeekTask(input: ScoreWeekTaskInput): { keys: string[]; probabilities: number[] } {
  const rows = weekRows({ problem: input.problem, history: input.history });
  return { keys: rows.keys, probabilities: predictForest(input.forest, rows.X) };
}
