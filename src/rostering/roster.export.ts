/**
 * `/exports/rosters/:id.xlsx` and `.csv`: Timetable (staff × days with shift times, paid
 * hours against the target and the week's contract bounds),
 * Coverage (requirement vs scheduled per interval and skill, under-cover highlighted) and
 * KPIs. MANAGER sees every version; SERVICE_PROVIDER only PUBLISHED ones (others: 404).
 */
import { addDays, DAY_NAMES } from '../common/calendar';
import { Role } from '../auth/roles';
import type { Viewer } from '../auth/request-context';
import type { DownloadRoute } from '../export/download';
import { exportLocalDateTime } from '../export/local-date-time';
import type { Cell, Sheet } from '../export/table';
import { localIsoToMinute, minuteToLocalIso } from './calendar-util';
import type { RosterDoc } from './roster.doc';
import { outcomeSheet } from './roster-outcome.export';
import type { RosterOutcomeService } from './roster-outcome.service';
import type { RosterService } from './roster.service';
import { nextTurn } from '../time-slicer';
import { groupBy } from '../common/group-by';

const EPS = 1e-6;

const clockOf = (iso: string): string => iso.slice(11, 16);

/**
 * `06:00-14:00 calls, break 10:00-10:30`; a shift ending on a later day shows `+1`; paid
 * breaks are marked `(paid)`.
 */
export function shiftLabel(a: {
  date: string;
  start: string;
  end: string;
  skill: string;
  breaks?: { start: string; end: string; paid: boolean }[];
}): string {
  const nextDay = a.end.slice(0, 10) !== a.date ? '(+1)' : '';
  const breaks = (a.breaks ?? []).map(
    (b) => `break ${clockOf(b.start)}-${clockOf(b.end)}${b.paid ? ' (paid)' : ''}`,
  );
  return [`${clockOf(a.start)}-${clockOf(a.end)}${nextDay} ${a.skill}`, ...breaks].join(', ');
}

export function timetableSheet(doc: RosterDoc): Sheet {
  const dates = Array.from({ length: 7 }, (_, i) => addDays(doc.week, i));
  const hours = new Map(doc.kpis.staff.map((s) => [s.staffId, s]));
  const staff = [...doc.problem.staff].sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id));
  // each person's shifts by date, in roster order (one pass instead of a scan per person and day)
  const shifts = groupBy(doc.assignments, (a) => `${a.staffId}|${a.date}`);
  return {
    name: 'Timetable',
    columns: [
      { header: 'Staff ID', key: 'staffId', width: 38 },
      { header: 'Name', key: 'name', width: 24 },
      ...dates.map((d, i) => ({ header: `${DAY_NAMES[i]} ${d}`, key: d, width: 22 })),
      { header: 'Paid hours', key: 'paidHours', width: 12 },
      { header: 'Target hours', key: 'targetHours', width: 12 },
      { header: 'Min hours', key: 'minHours', width: 10 },
      { header: 'Max hours', key: 'maxHours', width: 10 },
    ],
    rows: staff.map((s) => {
      const row: Record<string, Cell> = { staffId: s.id, name: s.name ?? s.id };
      for (const d of dates) {
        row[d] = (shifts.get(`${s.id}|${d}`) ?? []).map(shiftLabel).join('; ');
      }
      row.paidHours = hours.get(s.id)?.paidHours ?? 0;
      row.targetHours = hours.get(s.id)?.targetHoursWeek ?? null;
      row.minHours = hours.get(s.id)?.minHoursWeek ?? null;
      row.maxHours = hours.get(s.id)?.maxHoursWeek ?? null;
      return row;
    }),
  };
}

export function coverageSheet(doc: RosterDoc): Sheet {
  const rows: Record<string, Cell>[] = [];
  const n = doc.coverage[0]?.required.length ?? 0;
  for (let i = 0; i < n; i++) {
    const start = exportLocalDateTime(minuteToLocalIso(doc.week, i * doc.intervalMinutes));
    for (const c of doc.coverage) {
      const required = c.required[i];
      const scheduled = c.scheduled[i] ?? 0;
      rows.push({
        start,
        day: DAY_NAMES[Math.floor(localIsoToMinute(doc.week, start) / 1440)],
        skill: c.skill,
        required,
        scheduled,
        onBreak: c.onBreak?.[i] ?? null,
        shortfall: +Math.max(0, required - scheduled).toFixed(4),
      });
    }
  }
  return {
    name: 'Coverage',
    columns: [
      { header: 'Interval start', key: 'start', width: 20 },
      { header: 'Day', key: 'day', width: 6 },
      { header: 'Skill', key: 'skill', width: 14 },
      { header: 'Required', key: 'required', width: 10 },
      { header: 'Scheduled', key: 'scheduled', width: 10 },
      { header: 'On break', key: 'onBreak', width: 10 },
      { header: 'Shortfall', key: 'shortfall', width: 10 },
    ],
    rows,
    highlight: (row) => Number(row.shortfall) > EPS,
  };
}

export function kpiSheet(doc: RosterDoc): Sheet {
  const k = doc.kpis;
  const rows: [string, Cell][] = [
    ['Week', doc.week],
    ['Version', doc.version],
    ['Status', doc.status],
    ['Solver status', doc.solver.status],
    ['Heuristic', doc.solver.heuristic],
    ['Objective', doc.solver.objective],
    ['Bound', doc.solver.bound],
    ['Gap', doc.solver.gap],
    ['Solve seconds', doc.solver.seconds],
    ['Manual edits', doc.manualEdits],
    ['Labour cost', k.labourCost],
    ...k.skills.flatMap((s): [string, Cell][] => [
      [`Coverage % (${s.skill})`, s.coveragePercent],
      [`Required hours (${s.skill})`, s.requiredHours],
      [`Under-staffed hours (${s.skill})`, s.underStaffedHours],
      [`Over-staffed hours (${s.skill})`, s.overStaffedHours],
    ]),
    ['Hours deviation std dev', k.fairness.hoursDeviationStdDev],
    ['Weekend shifts min', k.fairness.weekendShiftsMin],
    ['Weekend shifts max', k.fairness.weekendShiftsMax],
    ['Preferences met %', k.preferencesMetPercent],
  ];
  return {
    name: 'KPIs',
    columns: [
      { header: 'KPI', key: 'kpi', width: 32 },
      { header: 'Value', key: 'value', width: 20 },
    ],
    rows: rows.map(([kpi, value]) => ({ kpi, value })),
  };
}

export const rosterSheets = (doc: RosterDoc): Sheet[] => [
  timetableSheet(doc),
  coverageSheet(doc),
  kpiSheet(doc),
];

/** The roster (plus an Outcome sheet when the week has actual volumes), and the outcome alone. */
export function rosterDownloads(rosters: RosterService, outcomes?: RosterOutcomeService): DownloadRoute[] {
  return [
    {
      path: '/exports/rosters/:id',
      roles: [Role.MANAGER, Role.SERVICE_PROVIDER],
      fileName: ({ id }) => `roster-${id}`,
      async sheets({ id }, viewer) {
        const sheets = rosterSheets(await rosters.get(id, viewer));
        await nextTurn();
        const outcome = outcomes ? await outcomes.outcome(id, viewer) : null;
        return outcome && outcome.days.length > 0 ? [...sheets, outcomeSheet(outcome)] : sheets;
      },
    },
    ...(outcomes
      ? [
          {
            path: '/exports/rosters/:id/outcome',
            roles: [Role.MANAGER, Role.SERVICE_PROVIDER],
            fileName: ({ id }: Record<string, string>) => `roster-outcome-${id}`,
            async sheets({ id }: Record<string, string>, viewer: Viewer) {
              return [outcomeSheet(await outcomes.outcome(id, viewer))];
            },
          },
        ]
      : []),
  ];
}
