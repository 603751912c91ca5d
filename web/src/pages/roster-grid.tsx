import { useEffect } from 'react';
import { useQuery } from 'urql';
import { addDays, DAY_NAMES, fmt } from '../ui';
import {
  type RosterData,
  RosterBreaks,
  type RosterShift,
  shiftsOf,
  type StaffAndTemplates,
} from './roster.queries';

/**
 * Staff × days of a page of people: each shift's times, skill, template and its real breaks
 * (the template's break minutes only for rosters stored before breaks were placed).
 */
export function TimetableGrid({
  roster,
  after,
  lookup,
}: {
  roster: NonNullable<RosterData>;
  /** The page's cursor, as RosterDetail was read with. */
  after: string | null;
  lookup: StaffAndTemplates | undefined;
}) {
  const [placed, refetchBreaks] = useQuery({ query: RosterBreaks, variables: { id: roster.id, after } });
  // an edit changes the shifts, and with them their breaks
  useEffect(() => refetchBreaks({ requestPolicy: 'network-only' }), [roster.manualEdits, refetchBreaks]);
  // the same order as the page's shifts; a break is shown only inside its own shift, so a
  // reply from before an edit (or of another page) shows nothing wrong while the new one loads
  const placedBreaks = placed.data?.roster?.staffWeeks.nodes.flatMap((n) => n.assignments);
  const shifts = shiftsOf(roster);
  const index = new Map(shifts.map((a, i) => [a, i]));
  const shiftBreaks = (a: RosterShift) => {
    const all = placedBreaks?.[index.get(a) ?? -1]?.breaks;
    return all && all.filter((x) => x.start >= a.start && x.start < a.end);
  };
  const names = new Map(lookup?.staff.nodes.map((s) => [s.id, s.name]));
  const templates = new Map(lookup?.shiftTemplates.nodes.map((t) => [t.id, t]));
  const days = DAY_NAMES.map((_, i) => addDays(roster.week, i));
  const byStaff = new Map<string, Map<string, RosterShift>>();
  for (const a of shifts) {
    const row = byStaff.get(a.staffId) ?? new Map();
    row.set(a.date, a);
    byStaff.set(a.staffId, row);
  }
  const staffIds = [...byStaff.keys()].sort((a, b) => (names.get(a) ?? a).localeCompare(names.get(b) ?? b));
  return (
    <div className="scroll tall" tabIndex={0} aria-label="Timetable grid" role="region">
      <table className="timetable" data-testid="timetable">
        <thead>
          <tr>
            <th scope="col">Person</th>
            {days.map((d, i) => (
              <th scope="col" key={d}>
                {DAY_NAMES[i]} {d.slice(5)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {staffIds.map((id) => (
            <tr key={id}>
              <th scope="row">{names.get(id) ?? id}</th>
              {days.map((d) => {
                const a = byStaff.get(id)?.get(d);
                const t = a && templates.get(a.shiftTemplateId);
                const breaks = a && shiftBreaks(a);
                return (
                  <td key={d} className={a ? `shift skill-${a.skill}` : 'off'}>
                    {a && (
                      <>
                        <strong>
                          {fmt.time(a.start)}–{fmt.time(a.end)}
                        </strong>
                        <br />
                        <span className="small">
                          {t?.name ?? a.shiftTemplateId} · {a.skill}
                          {breaks === null && t && t.breakMinutes > 0 ? ` · ${t.breakMinutes} min break` : ''}
                        </span>
                        {breaks && breaks.length > 0 && (
                          <>
                            <br />
                            <span className="small" data-testid="shift-breaks">
                              breaks {fmt.breaks(breaks)}
                            </span>
                          </>
                        )}
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
