import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { Chart } from '../charts/chart';
import { graphql } from '../gql';
import type { Role, StaffingBasis } from '../gql/graphql';
import { hasRole } from '../pages';
import { ErrorBox, fmt, nextMonday, Section } from '../ui';
import { useSiteClock } from '../site-clock';
import { ErlangCalculator } from './erlang-calculator';
import { channelsWithoutForecast, ForecastWeekAction } from './staffing-forecast';
import { heatmapOption, requirementCurveOption } from './staffing.chart';
import { WhatIfPanel } from './staffing-whatif';

const Plan = graphql(`
  query StaffingPlan($week: String!, $basis: StaffingBasis!) {
    staffingPlan(week: $week, basis: $basis) {
      week
      intervalMinutes
      totalFte
      totalStaffHours
      skills {
        skill
        fte
        peak
        staffHours
        values
      }
      channels {
        channel
        skill
        model
        weeklyFte
        weeklyStaffHours
        peakScheduledAgents
      }
    }
  }
`);

export const BASES: StaffingBasis[] = ['MEAN', 'HI80', 'HI95'];

export function StaffingPage({ roles }: { roles: Role[] }) {
  const clock = useSiteClock();
  const [week, setWeek] = useState(nextMonday(clock.today()));
  const [basis, setBasis] = useState<StaffingBasis>('MEAN');
  const [skill, setSkill] = useState<string | null>(null);
  const [plan, refetchPlan] = useQuery({ query: Plan, variables: { week, basis } });
  const p = plan.data?.staffingPlan;
  const shown = p?.skills.find((s) => s.skill === skill) ?? p?.skills[0];
  const heat = useMemo(
    () => (p && shown ? heatmapOption(shown.values, p.intervalMinutes) : null),
    [p, shown],
  );
  const curve = useMemo(() => (p ? requirementCurveOption(p.skills, p.intervalMinutes) : null), [p]);

  return (
    <div className="page">
      <h1>Staffing</h1>
      <div className="toolbar">
        <label>
          Week (Monday) <input type="date" value={week} step={7} onChange={(e) => setWeek(e.target.value)} />
        </label>
        <label>
          Basis{' '}
          <select value={basis} onChange={(e) => setBasis(e.target.value as StaffingBasis)}>
            {BASES.map((b) => (
              <option key={b}>{b}</option>
            ))}
          </select>
        </label>
      </div>
      <ErrorBox error={plan.error} />
      {hasRole(roles, 'MANAGER') && (
        <ForecastWeekAction
          week={week}
          channels={channelsWithoutForecast(plan.error)}
          onDone={() => refetchPlan({ requestPolicy: 'network-only' })}
        />
      )}
      {p && (
        <>
          <Section title="FTE totals">
            <p>
              <strong>{fmt.n(p.totalFte)}</strong> FTE, {fmt.n(p.totalStaffHours, 0)} staff hours in the week
              of {p.week}.
            </p>
            <div className="scroll" tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Channel</th>
                    <th scope="col">Skill</th>
                    <th scope="col">Model</th>
                    <th scope="col">FTE</th>
                    <th scope="col">Staff hours</th>
                    <th scope="col">Peak agents</th>
                  </tr>
                </thead>
                <tbody>
                  {p.channels.map((c) => (
                    <tr key={c.channel}>
                      <td>{c.channel}</td>
                      <td>{c.skill}</td>
                      <td>{c.model}</td>
                      <td className="num">{fmt.n(c.weeklyFte)}</td>
                      <td className="num">{fmt.n(c.weeklyStaffHours, 0)}</td>
                      <td className="num">{fmt.n(c.peakScheduledAgents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Section>
          <Section
            title="Required agents per interval"
            actions={
              <label>
                Skill{' '}
                <select value={shown?.skill ?? ''} onChange={(e) => setSkill(e.target.value)}>
                  {p.skills.map((s) => (
                    <option key={s.skill}>{s.skill}</option>
                  ))}
                </select>
              </label>
            }
          >
            {heat && (
              <Chart
                option={heat}
                label={`Heat map of required ${shown?.skill} agents, day by time`}
                testId="staffing-heatmap"
                height={300}
              />
            )}
            {curve && (
              <Chart
                option={curve}
                label="Required agents over the week per skill"
                testId="staffing-curve"
                height={280}
              />
            )}
          </Section>
        </>
      )}
      <WhatIfPanel week={week} basis={basis} />
      <ErlangCalculator />
    </div>
  );
}
