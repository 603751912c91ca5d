import { clockToMinutes } from '../common/calendar';
import type { ErrorLocation } from '../errors';
import { checkWeeklyWindows } from '../common/time-window';
import type { Channel } from './channel.types';

export const INTERVAL_MINUTES = [15, 30, 60] as const;
export const CHANNEL_KEY = /^[a-z][a-z0-9_]{0,39}$/;
/**
 * Most channels a site holds, active or not (a deactivated channel keeps its history and its
 * place). The lists that grow with the channels (a staffing plan's channels, skills and pooled
 * workloads, `dataSummary`, an outcome's intervals) are weighed by it in the query cost;
 * uncapped, the cost could only guess them. A roster covers at most 64 skills, one a channel's
 * required skill; the demo has 5 channels, the largest test site 22.
 */
export const MAX_CHANNELS = 64;
/**
 * Physical ranges: occupancy below 5 % plans nothing real; handling, answer and patience times
 * at most a day (Erlang A's service level drifts from about 1e13 s of patience: 0.80 for 0.61).
 */
const MIN_OCCUPANCY = 0.05;
const MAX_SECONDS = 86_400;
const SECONDS = `(0, ${MAX_SECONDS}]`;
const isSeconds = (s: number): boolean => s > 0 && s <= MAX_SECONDS;

type ChannelFields = Omit<Channel, '_id' | 'createdAt' | 'updatedAt'>;

/**
 * Every rule a channel must satisfy, whatever wrote it (GraphQL, seed): returns all
 * problems with the parameter named, e.g. `shrinkage must be in [0, 1), got 1.2`.
 */
export function checkChannel(c: ChannelFields): ErrorLocation[] {
  const errors: ErrorLocation[] = [];
  const bad = (field: string, message: string) => errors.push({ field, message });
  if (!CHANNEL_KEY.test(c.key))
    bad('key', `key must be a-z, 0-9 or "_" starting with a letter, got "${c.key}"`);
  if (!CHANNEL_KEY.test(c.requiredSkill))
    bad(
      'requiredSkill',
      `requiredSkill must be a-z, 0-9 or "_" starting with a letter, got "${c.requiredSkill}"`,
    );
  if (c.name.trim() === '') bad('name', 'name is required');
  if (c.kind !== 'LIVE' && c.kind !== 'DEFERRED')
    bad('kind', `kind must be LIVE or DEFERRED, got ${String(c.kind)}`);
  if (!(INTERVAL_MINUTES as readonly number[]).includes(c.intervalMinutes))
    bad('intervalMinutes', `intervalMinutes must be 15, 30 or 60, got ${c.intervalMinutes}`);
  if (!isSeconds(c.ahtSeconds)) bad('ahtSeconds', `ahtSeconds must be in ${SECONDS}, got ${c.ahtSeconds}`);
  if (!(c.maxOccupancy >= MIN_OCCUPANCY && c.maxOccupancy <= 1))
    bad('maxOccupancy', `maxOccupancy must be in [${MIN_OCCUPANCY}, 1], got ${c.maxOccupancy}`);
  if (!(c.shrinkage >= 0 && c.shrinkage < 1))
    bad('shrinkage', `shrinkage must be in [0, 1), got ${c.shrinkage}`);
  if (c.patienceSeconds !== null && !isSeconds(c.patienceSeconds))
    bad('patienceSeconds', `patienceSeconds must be in ${SECONDS} or null, got ${c.patienceSeconds}`);
  if (!(c.serviceLevel.target > 0 && c.serviceLevel.target <= 1))
    bad('serviceLevel.target', `serviceLevel.target must be in (0, 1], got ${c.serviceLevel.target}`);
  if (!isSeconds(c.serviceLevel.answerSeconds))
    bad(
      'serviceLevel.answerSeconds',
      `serviceLevel.answerSeconds must be in ${SECONDS}, got ${c.serviceLevel.answerSeconds}`,
    );
  if (c.kind === 'DEFERRED' && !(c.responseHours !== null && c.responseHours > 0))
    bad('responseHours', `responseHours must be > 0 for a DEFERRED channel, got ${c.responseHours}`);
  errors.push(...checkWeeklyWindows(c.openingHours, 'openingHours'));
  c.openingHours.forEach((w, i) => {
    for (const edge of ['from', 'to'] as const) {
      const m = clockToMinutes(w[edge], true);
      if (
        m !== null &&
        (INTERVAL_MINUTES as readonly number[]).includes(c.intervalMinutes) &&
        m % c.intervalMinutes !== 0
      )
        bad(
          `openingHours.${i}.${edge}`,
          `openingHours.${i}.${edge} ${w[edge]} is not on a ${c.intervalMinutes}-minute interval boundary`,
        );
    }
  });
  return errors;
}
