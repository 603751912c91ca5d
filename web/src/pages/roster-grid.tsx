import { addDays, DAY_NAMES, fmt } from '../ui';
import type { RosterData, StaffAndTemplates } from './roster.queries';

/** Staff × days: each shift's times, skill, template and unpaid break. */
export function TimetableGrid({
  roster,
  lookup,
}: {
  roster: NonNullable<RosterData>;
  lookup: StaffAndTemplates | undefined;
}) {
  const names = new Map(lookup?.staff.nodes.map((s) => [s.id, s.name]));
  const templates = new Map(lookup?.shiftTemplates.nodes.map((t) => [t.id, t]));
  const days = DAY_NAMES.map((_, i) => addDays(roster.week, i));
  const byStaff = new Map<string, Map<string, (typeof roster.assignments)[number]>>();
  for (const a of roster.assignments) {
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
                          {t && t.breakMinutes > 0 ? ` · ${t.breakMinutes} min break` : ''}
                        </span>
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
