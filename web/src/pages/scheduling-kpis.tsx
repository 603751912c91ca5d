import { type FormEvent, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { Chart } from '../charts/chart';
import { addDays, ErrorBox, fmt, mondayOf, Section } from '../ui';
import { useSiteClock } from '../site-clock';
import { kpiRatesOption } from './ranking.chart';
import { DEFAULT_KPI_WEEKS, type KpiData, MAX_KPI_WEEKS, SchedulingKpis } from './ranking.queries';

type MlVsRules = NonNullable<KpiData['weeks'][number]['mlVsRules']>;

const hours = (v: number | null | undefined) => (v == null ? '–' : `${v.toFixed(2)} h`);
const coverage = (v: number | null | undefined) => (v == null ? '–' : `${fmt.n(v)} %`);

/** The default range: the DEFAULT_KPI_WEEKS weeks before the site's current week. */
export function defaultKpiRange(today: string): { from: string; to: string } {
  const thisWeek = mondayOf(today);
  return { from: addDays(thisWeek, -7 * DEFAULT_KPI_WEEKS), to: addDays(thisWeek, -7) };
}

function Overall({ overall }: { overall: KpiData['overall'] }) {
  return (
    <dl className="kpis" data-testid="kpi-overall">
      <div>
        <dt>Scheduler success rate</dt>
        <dd>{fmt.pct(overall.successRate)}</dd>
      </div>
      <div>
        <dt>Workload balance σ</dt>
        <dd>{hours(overall.workloadBalance)}</dd>
      </div>
      <div>
        <dt>User intervention rate</dt>
        <dd>{fmt.pct(overall.interventionRate)}</dd>
      </div>
      <div>
        <dt>Fallback rate</dt>
        <dd>{fmt.pct(overall.fallbackRate)}</dd>
      </div>
    </dl>
  );
}

function MlCells({ m }: { m: MlVsRules | null | undefined }) {
  if (!m)
    return (
      <td colSpan={3} className="muted">
        no shadow roster
      </td>
    );
  return (
    <>
      <td className="num">
        {coverage(m.rulesCoveragePercent)} / {coverage(m.modelCoveragePercent)}
      </td>
      <td className="num">
        {fmt.n(m.rulesLabourCost, 0)} / {fmt.n(m.modelLabourCost, 0)}
      </td>
      <td className="num">{m.differingAssignments}</td>
    </>
  );
}

/**
 * `schedulingKpis` for a range of weeks: overall figures, a chart of the weekly rates, and per
 * week the four KPIs with ML against rules where a SHADOW roster was stored (ML_SHADOW_MODE).
 */
export function SchedulingKpisPanel() {
  const clock = useSiteClock();
  const [range, setRange] = useState(() => defaultKpiRange(clock.today()));
  const [form, setForm] = useState(range);
  const [kpis] = useQuery({ query: SchedulingKpis, variables: range });
  const data = kpis.data?.schedulingKpis;
  const weeks = data?.weeks ?? [];
  const shadow = weeks.some((w) => w.mlVsRules);
  const option = useMemo(() => (weeks.length > 0 ? kpiRatesOption(weeks) : null), [weeks]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // whole weeks: any date stands for the Monday of its week, as the API wants
    const picked = { from: mondayOf(form.from), to: mondayOf(form.to) };
    setForm(picked);
    setRange(picked);
  };

  return (
    <Section title="Scheduling KPIs">
      <form className="inline" aria-label="KPI range" onSubmit={submit}>
        <label>
          From week{' '}
          <input
            type="date"
            required
            value={form.from}
            onChange={(e) => setForm({ ...form, from: e.target.value })}
          />
        </label>
        <label>
          To week{' '}
          <input
            type="date"
            required
            value={form.to}
            onChange={(e) => setForm({ ...form, to: e.target.value })}
          />
        </label>
        <button type="submit">Show KPIs</button>
        <span className="small">
          Mondays of the first and last week, up to {MAX_KPI_WEEKS} weeks (by default the {DEFAULT_KPI_WEEKS}{' '}
          before this week).
        </span>
      </form>
      <ErrorBox error={kpis.error} withCode />
      {data && (
        <>
          <h3 data-testid="kpi-range">
            {range.from} – {range.to} · {weeks.length} {weeks.length === 1 ? 'week' : 'weeks'}
          </h3>
          <Overall overall={data.overall} />
          <p className="small">
            Success: generated rosters (published or not) that met coverage ≥ 97 % as the solver generated
            them, before any manual edit (later edits neither make nor break a success). Workload balance:
            standard deviation of |paid hours − target| on the published roster. Intervention: share of
            published assignments added by hand. Fallback: share of candidates left to the stated-preference
            rules (– for rosters planned without ranking).
          </p>
          {option && (
            <Chart
              option={option}
              label="Scheduler success, user intervention and fallback rates per week"
              testId="kpi-chart"
              height={260}
            />
          )}
          <div className="scroll" tabIndex={0}>
            <table data-testid="kpi-weeks">
              <thead>
                <tr>
                  <th scope="col">Week</th>
                  <th scope="col">Success</th>
                  <th scope="col">Workload σ</th>
                  <th scope="col">Intervention</th>
                  <th scope="col">Fallback</th>
                  {shadow && (
                    <>
                      <th scope="col">Coverage rules / ML</th>
                      <th scope="col">Labour cost rules / ML</th>
                      <th scope="col">Assignments differing</th>
                    </>
                  )}
                </tr>
              </thead>
              <tbody>
                {weeks.map((w) => (
                  <tr key={w.week}>
                    <th scope="row">{w.week}</th>
                    <td className="num">{fmt.pct(w.successRate)}</td>
                    <td className="num">{hours(w.workloadBalance)}</td>
                    <td className="num">{fmt.pct(w.interventionRate)}</td>
                    <td className="num">{fmt.pct(w.fallbackRate)}</td>
                    {shadow && <MlCells m={w.mlVsRules} />}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {!shadow && (
            <p className="muted">
              No week in this range has a shadow roster: ML against rules is compared when weeks are planned
              with <code>ML_SHADOW_MODE</code> on.
            </p>
          )}
        </>
      )}
    </Section>
  );
}
