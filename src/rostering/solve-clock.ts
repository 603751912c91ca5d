/**
 * Wall-clock accounting of one roster solve against its time limit: the deadline every
 * phase plans with, and the seconds each phase took (reported in `RosterResult.timing`).
 */
import type { RosterPhase, RosterTiming } from './roster.types';

export class SolveClock {
  private readonly t0 = performance.now();
  private readonly phases: RosterTiming['phases'] = [];
  private current: { phase: RosterPhase; at: number } | null = null;
  solverLimitSeconds: number | null = null;

  /** Settable once the problem (and its own limit) is known. */
  constructor(public timeLimitSeconds: number) {}

  /** Seconds since the solve started. */
  elapsed(): number {
    return (performance.now() - this.t0) / 1000;
  }

  /** Seconds left before the time limit (never negative). */
  remaining(): number {
    return Math.max(0, this.timeLimitSeconds - this.elapsed());
  }

  /** performance.now() milliseconds at which `share` of the time limit has passed. */
  deadlineAt(share: number): number {
    return this.t0 + share * this.timeLimitSeconds * 1000;
  }

  /** Closes the running phase and starts `phase`. */
  enter(phase: RosterPhase): void {
    const now = performance.now();
    if (this.current)
      this.phases.push({ phase: this.current.phase, seconds: (now - this.current.at) / 1000 });
    this.current = { phase, at: now };
  }

  timing(): RosterTiming {
    this.enter('done');
    this.current = null;
    const phases = this.phases.map((p) => ({ phase: p.phase, seconds: +p.seconds.toFixed(4) }));
    return { timeLimitSeconds: this.timeLimitSeconds, phases, solverLimitSeconds: this.solverLimitSeconds };
  }
}
