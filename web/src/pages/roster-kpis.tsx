import { useMemo, useState } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { Chart } from '../charts/chart';
import { fmt } from '../ui';
import type { RosterData } from './roster.queries';
import { weekCurveOption } from './staffing.chart';

function coverageOption(
  c: { required: number[]; scheduled: number[] },
  intervalMinutes: number,
): EChartsCoreOption {
  const base = weekCurveOption(
    [
      { name: 'Required', values: c.required, color: '#1e293b' },
      { name: 'Scheduled', values: c.scheduled, color: '#16a34a' },
    ],
    intervalMinutes,
  );
  const under = c.required.map((r, i) => Math.max(0, r - (c.scheduled[i] ?? 0)));
  return {
    ...base,
    series: [
      ...(base.series as object[]),
      { name: 'Under-cover', type: 'bar', data: under, itemStyle: { color: '#dc2626' }, barCategoryGap: 0 },
    ],
  };
}

/** Requirement against scheduled agents per interval of one skill; under-cover in red. */
export function CoverageChart({ roster }: { roster: NonNullable<RosterData> }) {
  const [skill, setSkill] = useState(roster.coverage[0]?.skill ?? '');
  const c = roster.coverage.find((x) => x.skill === skill) ?? roster.coverage[0];
  const option = useMemo(
    () => (c ? coverageOption(c, roster.intervalMinutes) : null),
    [c, roster.intervalMinutes],
  );
  return (
    <>
      <label>
        Skill{' '}
        <select value={c?.skill ?? ''} onChange={(e) => setSkill(e.target.value)}>
          {roster.coverage.map((x) => (
            <option key={x.skill}>{x.skill}</option>
          ))}
        </select>
      </label>
      {option && (
        <Chart
          option={option}
          label={`Coverage of ${c?.skill}: required against scheduled`}
          testId="coverage-chart"
        />
      )}
    </>
  );
}

export function RosterKpis({ roster }: { roster: NonNullable<RosterData> }) {
  const k = roster.kpis;
  return (
    <>
      <dl className="kpis">
        <div>
          <dt>Labour cost</dt>
          <dd>{fmt.n(k.labourCost, 0)}</dd>
        </div>
        <div>
          <dt>Preferences met</dt>
          <dd>{k.preferencesMetPercent == null ? '–' : `${fmt.n(k.preferencesMetPercent)} %`}</dd>
        </div>
        <div>
          <dt>Solver</dt>
          <dd>
            {roster.solver.status}
            {roster.solver.heuristic ? ' (heuristic)' : ''}, gap {fmt.pct(roster.solver.gap, 2)},{' '}
            {fmt.n(roster.solver.seconds)} s
          </dd>
        </div>
        <div>
          <dt>Hours deviation σ</dt>
          <dd>{fmt.n(k.fairness.hoursDeviationStdDev, 2)} h</dd>
        </div>
        <div>
          <dt>Weekend shifts (min–max)</dt>
          <dd>
            {k.fairness.weekendShiftsMin ?? '–'}–{k.fairness.weekendShiftsMax ?? '–'}
          </dd>
        </div>
        <div>
          <dt>Manual edits</dt>
          <dd>{roster.manualEdits}</dd>
        </div>
      </dl>
      <div className="scroll" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">Skill</th>
              <th scope="col">Coverage</th>
              <th scope="col">Required h</th>
              <th scope="col">Under h</th>
              <th scope="col">Over h</th>
            </tr>
          </thead>
          <tbody>
            {k.skills.map((s) => (
              <tr key={s.skill}>
                <td>{s.skill}</td>
                <td className="num">{s.coveragePercent == null ? '–' : `${fmt.n(s.coveragePercent)} %`}</td>
                <td className="num">{fmt.n(s.requiredHours, 0)}</td>
                <td className="num">{fmt.n(s.underStaffedHours, 0)}</td>
                <td className="num">{fmt.n(s.overStaffedHours, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
