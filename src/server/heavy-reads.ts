import { KeyedLanes } from '../common/keyed-lanes';

/** A user's plans, outcomes and exports computed at once (each up to half a second of work on a large site). */
export const HEAVY_READ_LANES = 2;
/** A user's heavy reads running or waiting; beyond them RATE_LIMITED at once. */
export const HEAVY_READS_PER_USER = 6;

/**
 * The request rate counts requests, not their work: `staffingPlan`, `rosterOutcome` and the
 * exports take up to half a second each on a large site, so 20 sent at once by one user held
 * another user's plan for 2 s. Each user's run two at a time, four more wait, the rest are
 * refused (keyed by user id).
 */
export const heavyReadLanes = (): KeyedLanes =>
  new KeyedLanes(
    { lanes: HEAVY_READ_LANES, perKey: HEAVY_READS_PER_USER, perOwner: HEAVY_READS_PER_USER },
    { key: () => 'of your plans, outcomes and exports are', owner: 'plans, outcomes and exports' },
  );
