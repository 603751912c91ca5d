/**
 * A solver-neutral MILP: columns with bounds, cost and integrality, rows that are either
 * one-sided (`≥ lower` or `≤ upper`) or equalities. The LP writer turns it into CPLEX LP text.
 */
import { at } from '../../common/indexed';

export type ColumnKind = 'binary' | 'integer' | 'continuous';

export interface MilpColumn {
  name: string;
  cost: number;
  lower: number;
  upper: number;
  kind: ColumnKind;
}

export interface MilpRow {
  name: string;
  indices: number[];
  values: number[];
  /** `-Infinity` when the row has no lower side. */
  lower: number;
  /** `Infinity` when the row has no upper side. */
  upper: number;
}

export interface MilpModel {
  columns: MilpColumn[];
  rows: MilpRow[];
}

/** Names must be LP-safe: letters, digits and underscores, starting with a letter. */
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export class MilpBuilder {
  readonly columns: MilpColumn[] = [];
  readonly rows: MilpRow[] = [];
  private readonly names = new Set<string>();

  private claim(name: string): void {
    if (!NAME.test(name)) throw new Error(`MILP name ${name} is not LP-safe`);
    if (this.names.has(name)) throw new Error(`MILP name ${name} is used twice`);
    this.names.add(name);
  }

  addColumn(
    name: string,
    kind: ColumnKind,
    cost: number,
    lower = 0,
    upper = kind === 'binary' ? 1 : Infinity,
  ): number {
    this.claim(name);
    this.columns.push({ name, kind, cost, lower, upper });
    return this.columns.length - 1;
  }

  /** Adds cost to an existing column (objective terms from several families). */
  addCost(column: number, cost: number): void {
    at(this.columns, column).cost += cost;
  }

  addRow(name: string, terms: Map<number, number> | [number, number][], lower: number, upper: number): void {
    if (Number.isFinite(lower) && Number.isFinite(upper) && lower !== upper) {
      throw new Error(`MILP row ${name}: ranged rows are not supported`);
    }
    this.claim(name);
    const indices: number[] = [];
    const values: number[] = [];
    for (const [index, value] of terms) {
      if (value === 0) continue;
      indices.push(index);
      values.push(value);
    }
    this.rows.push({ name, indices, values, lower, upper });
  }

  build(): MilpModel {
    return { columns: this.columns, rows: this.rows };
  }
}

/** Objective value of `values` under `model` (used to cross-check solver output). */
export const modelObjective = (model: MilpModel, values: ArrayLike<number>): number =>
  model.columns.reduce((sum, c, i) => sum + c.cost * at(values, i), 0);
