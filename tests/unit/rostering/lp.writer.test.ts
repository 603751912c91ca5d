import loadHighs from 'highs';
import { formatNumber, writeLp } from '../../../src/rostering/milp/lp-writer';
import { MilpBuilder, modelObjective } from '../../../src/rostering/milp/milp-builder';
import { buildRosterModel } from '../../../src/rostering/milp/roster-model';
import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';
import { demand, person, problem } from './roster.fixtures';

describe('writeLp', () => {
  it('writes objective, rows of each sense, bounds and binaries', () => {
    const b = new MilpBuilder();
    const x = b.addColumn('x', 'binary', 3);
    const y = b.addColumn('y', 'continuous', 0.5, 0, 4);
    const z = b.addColumn('z', 'continuous', 0);
    b.addRow(
      'ge',
      [
        [x, 1],
        [y, -2],
      ],
      1,
      Infinity,
    );
    b.addRow('le', [[y, 1]], -Infinity, 3.25);
    b.addRow(
      'eq',
      [
        [x, 1],
        [z, 1],
      ],
      1,
      1,
    );
    expect(writeLp(b.build())).toBe(
      [
        '\\ Shiftcast weekly roster',
        'Minimize',
        ' obj: 3 x + 0.5 y + 0 z',
        'Subject To',
        ' ge: x - 2 y >= 1',
        ' le: y <= 3.25',
        ' eq: x + z = 1',
        'Bounds',
        ' 0 <= y <= 4',
        'Binaries',
        ' x',
        'End',
        '',
      ].join('\n'),
    );
  });

  it('formats numbers without exponents or float noise', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1e-9)).toBe('0.000000001');
    expect(formatNumber(1234.5)).toBe('1234.5');
  });

  it('parses back in HiGHS to the same model and the hand-checked optimum', async () => {
    const p = parseRosterProblem(
      problem({
        staff: [person('a', 10), person('b', 12, { maxConsecutiveDays: 1 }), person('c', 20)],
        requirements: [
          { skill: 'calls', values: demand([0, 1].map((day) => ({ day, from: 6, to: 22, n: 1 }))) },
        ],
      }),
    );
    const model = buildRosterModel(p);
    const lp = writeLp(model.milp);
    const highs = await loadHighs();
    const parsed = highs.createModel({ format: 'lp', data: lp });
    try {
      const dims = parsed.getDimensions();
      expect(dims.numCols).toBe(model.milp.columns.length);
      expect(dims.numRows).toBe(model.milp.rows.length);
      expect(dims.numNonzeros).toBe(model.milp.rows.reduce((n, r) => n + r.indices.length, 0));
      expect(parsed.getColName(0)).toBe(model.milp.columns[0].name);
    } finally {
      parsed.dispose();
    }
    const result = highs.solve(lp, { output_flag: false });
    if (result.Status !== 'Optimal') throw new Error(`expected Optimal, got ${result.Status}`);
    const values = model.milp.columns.map((c) => result.Columns[c.name]?.Primal ?? 0);
    expect(modelObjective(model.milp, values)).toBeCloseTo(result.ObjectiveValue, 6);
    // Two days 06–22: a early+late impossible (one per day), so each day a (80) + b (96) or c;
    // b may not work both days (maxConsecutiveDays 1): 2·80 + 96 + 160 = 416.
    expect(result.ObjectiveValue).toBeCloseTo(416, 6);
  });
});
