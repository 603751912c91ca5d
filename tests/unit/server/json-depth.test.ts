import {
  jsonShapeProblem,
  MAX_JSON_OBJECT_KEYS,
  MAX_JSON_VALUES,
  nestsDeeperThan,
} from '../../../src/server/json-depth';

const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

describe('nestsDeeperThan', () => {
  it('allows exactly the limit and refuses one level more, arrays and objects alike', () => {
    expect(nestsDeeperThan(nested(64), 64)).toBe(false);
    expect(nestsDeeperThan(nested(65), 64)).toBe(true);
    expect(nestsDeeperThan(`${'{"a":'.repeat(64)}1${'}'.repeat(64)}`, 64)).toBe(false);
    expect(nestsDeeperThan(`${'{"a":['.repeat(33)}${']}'.repeat(33)}`, 64)).toBe(true);
  });

  it('counts depth, not brackets: siblings do not add up', () => {
    expect(nestsDeeperThan(`[${Array.from({ length: 10_000 }, () => '[[1]]').join(',')}]`, 3)).toBe(false);
  });

  it('skips brackets inside strings, escaped quotes and escaped backslashes included', () => {
    expect(nestsDeeperThan(JSON.stringify({ query: '['.repeat(1000) }), 2)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ q: 'say \\"[[[[' }), 2)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ q: 'ends in a backslash \\' }) + nested(3), 2)).toBe(true);
    expect(nestsDeeperThan(JSON.stringify([{ q: '\\', r: '[[[[[' }]), 2)).toBe(false);
  });

  it('reads megabytes of JSON in one pass', () => {
    const big = JSON.stringify({
      rows: Array.from({ length: 100_000 }, (_, i) => ({ id: i, name: `n[${i}]` })),
    });
    expect(big.length).toBeGreaterThan(3_000_000);
    expect(nestsDeeperThan(big, 3)).toBe(false);
    expect(nestsDeeperThan(big, 2)).toBe(true);
  });
});

describe('jsonShapeProblem', () => {
  const limits = { depth: 4, objectKeys: 3, values: 10 };

  it('counts keys per object, nested objects apart from their parent', () => {
    expect(jsonShapeProblem('{"a":1,"b":2,"c":3}', limits)).toBeNull();
    expect(jsonShapeProblem('{"a":1,"b":2,"c":3,"d":4}', limits)).toBe('objectKeys');
    expect(jsonShapeProblem('{"a":{"x":1,"y":2,"z":3},"b":{"x":1},"c":3}', limits)).toBeNull();
    expect(jsonShapeProblem('[{"a":1,"b":2},{"a":1,"b":2}]', limits)).toBeNull();
    expect(jsonShapeProblem('{"a:b:c:d":"e:f:g:h"}', limits)).toBeNull();
  });

  it('counts values over the whole text, array items as object members', () => {
    expect(jsonShapeProblem('[1,2,3,4,5,6,7,8,9]', limits)).toBeNull();
    expect(jsonShapeProblem('[1,2,3,4,5,6,7,8,9,10,11]', limits)).toBe('values');
    expect(jsonShapeProblem('[[1,2],[3,4],[5,6],[7,8]]', limits)).toBe('values');
    expect(jsonShapeProblem(JSON.stringify(['a,b,c,d,e,f,g,h,i,j,k,l']), limits)).toBeNull();
  });

  it('reports the first limit passed, depth included', () => {
    expect(jsonShapeProblem('[[[[[1]]]]]', limits)).toBe('depth');
    expect(jsonShapeProblem('[[[[1]]]]', limits)).toBeNull();
  });

  it('takes the largest legitimate requests with the default limits', () => {
    const importStaff = JSON.stringify({
      query: 'mutation($rows: [StaffRowInput!]!) { importStaff(rows: $rows) { created } }',
      variables: {
        rows: Array.from({ length: 1000 }, (_, i) => ({
          employeeNo: `E${i}`,
          name: `Person ${i}`,
          skills: ['calls', 'emails', 'chat', 'team_lead'],
          hourlyCost: 20,
          active: true,
          minHoursWeek: 20,
          maxHoursWeek: 40,
          maxDaysWeek: 5,
          maxConsecutiveDays: 5,
          targetHoursWeek: 38,
        })),
      },
    });
    expect(jsonShapeProblem(importStaff)).toBeNull();
    const requirements = Array.from({ length: 100 }, (_, k) => ({
      skill: `skill${k}`,
      values: Array.from({ length: 672 }, () => 3.5),
    }));
    const generateRoster = JSON.stringify({
      query: 'mutation($o: RosterOptionsInput) { generateRoster(week: "2026-12-07", options: $o) { id } }',
      variables: { o: { intervalMinutes: 15, requirements } },
    });
    expect(jsonShapeProblem(generateRoster)).toBeNull();
    expect(
      jsonShapeProblem(
        JSON.stringify({
          k: Object.fromEntries([...Array(MAX_JSON_OBJECT_KEYS)].map((_, i) => [`k${i}`, i])),
        }),
      ),
    ).toBeNull();
  });

  it('refuses the audit attack: one object of 200,000 keys, and 400,000 array items', () => {
    const keys = `{"query":"{__typename}","variables":{"a":{${[...Array(200_000)].map((_, i) => `"k${i}":1`).join(',')}}}}`;
    expect(jsonShapeProblem(keys)).toBe('objectKeys');
    expect(jsonShapeProblem(`[${'1,'.repeat(MAX_JSON_VALUES)}1]`)).toBe('values');
  });
});
