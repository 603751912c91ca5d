/** Piscina worker entry for roster repairs (plain JSON in and out, like solve.task.ts). */
import { solveRepair, type RepairSolveInput, type RepairSolveResult } from './roster-repair-solver';

export function repairRosterTask(input: RepairSolveInput): Promise<RepairSolveResult> {
  return solveRepair(input);
}
