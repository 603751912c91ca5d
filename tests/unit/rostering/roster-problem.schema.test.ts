import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_REQUIRED_AGENTS, rosterProblemJsonSchema } from '../../../src/rostering/roster-problem-schema';
import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';
import { demand, problem, person } from './roster.fixtures';

const fieldsOf = (input: unknown): string[] => {
  try {
    parseRosterProblem(input);
  } catch (e) {
    return (e as { details: { field: string }[] }).details.map((d) => d.field);
  }
  return [];
};

describe('roster problem schema', () => {
  it('matches the committed schema/roster-problem.schema.json (regenerate: roster --print-schema)', () => {
    const committed = JSON.parse(
      readFileSync(join(__dirname, '../../../schema/roster-problem.schema.json'), 'utf8'),
    );
    expect(committed).toEqual(rosterProblemJsonSchema());
  });

  it('fills defaults', () => {
    const p = parseRosterProblem({ ...problem(), options: undefined });
    expect(p.options.minRestHours).toBe(11);
    expect(p.options.penalties.underCover).toBe(1000);
  });

  it('names the field of a schema violation', () => {
    const bad = problem({
      staff: [person('a', 10, { availability: [{ dayOfWeek: 1, from: '25:00', to: '24:00' }] })],
    });
    expect(fieldsOf(bad)).toEqual(['staff[0].availability[0].from']);
    expect(fieldsOf({ ...problem(), intervalMinutes: 20 })).toEqual(['intervalMinutes']);
  });

  it('bounds the agents required per interval', () => {
    // 1e308 agents solved to objective Infinity with requiredHours NaN (null in JSON, the
    // store and GraphQL), and from 1e20 (HiGHS's infinity) the MILP fell back to the greedy start
    const required = (n: number) =>
      problem({ requirements: [{ skill: 'calls', values: demand([{ day: 0, from: 8, to: 9, n }]) }] });
    expect(fieldsOf(required(1e308))).toEqual(['requirements[0].values[8]']);
    expect(fieldsOf(required(MAX_REQUIRED_AGENTS + 1))).toEqual(['requirements[0].values[8]']);
    expect(fieldsOf(required(MAX_REQUIRED_AGENTS))).toEqual([]);
    expect(MAX_REQUIRED_AGENTS).toBe(1_000_000);
  });

  it('rejects from ≥ to', () => {
    const bad = problem({
      staff: [
        person('a', 10),
        person('b', 10, { availability: [{ dayOfWeek: 2, from: '12:00', to: '08:00' }] }),
      ],
    });
    expect(() => parseRosterProblem(bad)).toThrow(
      'staff[1].availability[0].from: must be before to (12:00 ≥ 08:00)',
    );
  });

  it('rejects a template skill without requirement', () => {
    const p = problem();
    p.shiftTemplates[1].skills = ['calls', 'emails'];
    expect(() => parseRosterProblem(p)).toThrow(
      'shiftTemplates[1].skills[1]: unknown skill emails (no requirement)',
    );
  });

  it('rejects a requirement of the wrong length', () => {
    expect(() => parseRosterProblem(problem({ requirements: [{ skill: 'calls', values: [1, 2] }] }))).toThrow(
      'requirements[0].values: expected 168 values (7 days of 60-minute intervals), got 2',
    );
  });

  it('rejects a weekStart that is not a Monday, duplicate ids and unknown preference templates', () => {
    expect(fieldsOf(problem({ weekStart: '2025-03-04' }))).toEqual(['weekStart']);
    expect(fieldsOf(problem({ staff: [person('a', 1), person('a', 2)] }))).toEqual(['staff[1].id']);
    expect(
      fieldsOf(problem({ staff: [person('a', 1, { preferences: { desiredShifts: ['nope'] } })] })),
    ).toEqual(['staff[0].preferences.desiredShifts[0]']);
    expect(fieldsOf(problem({ staff: [person('a', 1, { minHoursWeek: 50, maxHoursWeek: 40 })] }))).toEqual([
      'staff[0].minHoursWeek',
    ]);
  });

  it('rejects a break as long as the shift', () => {
    const p = problem();
    p.shiftTemplates[0].breakMinutes = 480;
    expect(fieldsOf(p)).toEqual(['shiftTemplates[0].breakMinutes']);
  });
});
