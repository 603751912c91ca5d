import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from 'urql';
import type { EChartsCoreOption } from 'echarts/core';
import { Chart } from '../charts/chart';
import { ErrorBox, fmt } from '../ui';
import { RosterCoverage, type RosterData } from './roster.queries';
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

/**
 * Requirement against scheduled agents per interval of one skill; under-cover in red. The
 * skills are the roster's KPI rows (one per skill of its requirement); the chosen skill's
 * coverage comes in its own query (RosterCoverage), fetched again after an edit.
 */
export function CoverageChart({ roster }: { roster: NonNullable<RosterData> }) {
  const skills = roster.kpis.skills;
  const [picked, setSkill] = useState('');
  const skill = skills.find((x) => x.skill === picked)?.skill ?? skills[0]?.skill ?? '';
  const [reply, refetch] = useQuery({
    query: RosterCoverage,
    variables: { id: roster.id, skill },
    pause: !skill,
  });
  // an edit recomputes the coverage (a change of skill fetches on its own)
  const edits = useRef(roster.manualEdits);
  useEffect(() => {
    if (edits.current === roster.manualEdits) return;
    edits.current = roster.manualEdits;
    refetch({ requestPolicy: 'network-only' });
  }, [roster.manualEdits, refetch]);
  const c = reply.data?.roster.coverage.find((x) => x.skill === skill);
  const option = useMemo(
    () => (c ? coverageOption(c, roster.intervalMinutes) : null),
    [c, roster.intervalMinutes],
  );
  return (
    <>
      <ErrorBox error={reply.error} />
      <label>
        Skill{' '}
        <select value={skill} onChange={(e) => setSkill(e.target.value)}>
          {skills.map((x) => (
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
        <div data-testid="roster-ranking">
          <dt>Ranking</dt>
          <dd>
            {roster.ranking ? (
              <>
                {roster.ranking.path}
                {roster.ranking.fallbackRate != null && `, fallback ${fmt.pct(roster.ranking.fallbackRate)}`}
                {roster.ranking.reason && <span className="small"> ({roster.ranking.reason})</span>}
              </>
            ) : (
              '–'
            )}
          </dd>
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
