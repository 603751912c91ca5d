/**
 * One step of the demo seed. Each feature exports a factory for its own step (built from its
 * own services and the seed data handed to it); the seed runner (src/seed/demo-seed.ts) lists
 * them in order at composition time. So no feature imports the runner or the seed data.
 */
export interface SeedContext {
  /** Monday `YYYY-MM-DD` the generated data is relative to. */
  anchorDate: string;
  /** Deterministic `createdAt` / `updatedAt` of seeded records. */
  at: Date;
  /** Staff id the demo `agent` account is linked to (set by the staff step). */
  agentStaffId: string | null;
}

export interface SeedStep {
  name: string;
  /** Part of the volume history / forecasting data (skipped with `history: false`). */
  history?: boolean;
  /** Writes its part; returns the number of records written. */
  run(ctx: SeedContext): Promise<number>;
}
