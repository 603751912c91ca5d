/**
 * Two paths, one answer: the server parses a roster problem in slices (one person, template or
 * requirement at a time, pausing when its slice is due), the CLI and the worker in one piece.
 */
import { largeProblem } from '../../helpers/large-roster';
import {
  parseRosterProblem,
  parseRosterProblemSliced,
} from '../../../src/rostering/roster-problem.validation';
import { TimeSlicer } from '../../../src/time-slicer';
import { person, problem } from './roster.fixtures';

/** The parsed problem, or the error's message and details. */
async function outcome(parse: () => unknown): Promise<unknown> {
  try {
    return { ok: await parse() };
  } catch (e) {
    const err = e as { message: string; code: string; details: unknown };
    return { message: err.message, code: err.code, details: err.details };
  }
}

const bothWays = async (input: unknown): Promise<[unknown, unknown]> => [
  await outcome(() => parseRosterProblem(input)),
  await outcome(() => parseRosterProblemSliced(input, new TimeSlicer(0))),
];

describe('parseRosterProblemSliced', () => {
  it('returns what parseRosterProblem returns for a valid problem, defaults filled', async () => {
    const [whole, sliced] = await bothWays(problem());
    expect(sliced).toEqual(whole);
    expect((sliced as { ok: { options: { minRestHours: number } } }).ok.options.minRestHours).toBe(11);
  });

  it('reports the same issues in the same order', async () => {
    const bad = {
      ...problem(),
      weekStart: '2025-02-30',
      staff: [person('a', 10), { ...person('b', 10), hourlyCost: -1 }, person('a', 10)],
      requirements: [{ skill: 'calls', values: [1, -2] }],
      options: { minRestHours: 99 },
    };
    const [whole, sliced] = await bothWays(bad);
    expect(sliced).toEqual(whole);
    expect((sliced as { code: string }).code).toBe('BAD_USER_INPUT');
    const crossRefs = { ...problem(), staff: [person('a', 10), person('a', 10)] };
    const [wholeRefs, slicedRefs] = await bothWays(crossRefs);
    expect(slicedRefs).toEqual(wholeRefs);
    const [wholeNull, slicedNull] = await bothWays(null);
    expect(slicedNull).toEqual(wholeNull);
  });

  it('refuses a list over its maximum as the whole schema does', async () => {
    const crowd = { ...problem(), staff: Array.from({ length: 10_001 }, (_, i) => person(`p${i}`, 10)) };
    const [whole, sliced] = await bothWays(crowd);
    expect(sliced).toEqual(whole);
    expect((sliced as { code: string }).code).toBe('BAD_USER_INPUT');
  });

  it('leaves the event loop turns between slices of a 1,000-person problem', async () => {
    const input = largeProblem(1000, '2026-12-28');
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    const sliced = await parseRosterProblemSliced(input, new TimeSlicer(2));
    clearInterval(ticking);
    expect(sliced).toEqual(parseRosterProblem(input));
    expect(turns).toBeGreaterThan(0);
  });
});
