/** The Outcome sheet (plan versus actual) of the roster XLSX, and the outcome CSV. */
import { exportLocalDateTime } from '../export/local-date-time';
import type { Cell, Sheet } from '../export/table';
import type { RosterOutcome } from './roster-outcome.service';

const OUTCOME_COLUMNS: Sheet['columns'] = [
  { header: 'Level', key: 'level', width: 9 },
  { header: 'Date', key: 'date', width: 12 },
  { header: 'Interval start', key: 'start', width: 20 },
  { header: 'Skill', key: 'skill', width: 12 },
  { header: 'Kind', key: 'kind', width: 10 },
  { header: 'Arrivals', key: 'arrivals', width: 10 },
  { header: 'Rostered agents', key: 'rostered', width: 10 },
  { header: 'Productive agents', key: 'productive', width: 10 },
  { header: 'Service level', key: 'serviceLevel', width: 10 },
  { header: 'ASA seconds', key: 'asa', width: 10 },
  { header: 'Abandon rate', key: 'abandon', width: 10 },
  { header: 'Backlog', key: 'backlog', width: 10 },
  { header: 'Deadline misses', key: 'misses', width: 10 },
  { header: 'Met target', key: 'met', width: 8 },
  { header: 'Labour cost', key: 'labourCost', width: 12 },
  { header: 'Share meeting target', key: 'share', width: 10 },
];

type Row = Record<string, Cell>;

const intervalRow = (r: RosterOutcome['intervals'][number]): Row => ({
  level: 'interval',
  date: r.date,
  start: exportLocalDateTime(r.start),
  skill: r.skill,
  kind: r.kind,
  arrivals: r.arrivals,
  rostered: r.rosteredAgents,
  productive: r.productiveAgents,
  serviceLevel: r.serviceLevel,
  asa: r.asaSeconds,
  abandon: r.abandonRate,
  backlog: r.backlog,
  misses: r.deadlineMisses,
  met: r.metTarget,
  labourCost: null,
  share: null,
});

const totalRow = (level: string, date: string | null, t: RosterOutcome['total']): Row => ({
  level,
  date,
  start: null,
  skill: null,
  kind: null,
  arrivals: t.liveArrivals + t.deferredArrivals,
  rostered: null,
  productive: null,
  serviceLevel: t.serviceLevel,
  asa: null,
  abandon: null,
  backlog: null,
  misses: t.deadlineMisses,
  met: null,
  labourCost: t.labourCost,
  share: t.shareMeetingTarget,
});

export function outcomeSheet(outcome: RosterOutcome): Sheet {
  const rows: Row[] = [
    ...outcome.intervals.map(intervalRow),
    ...outcome.days.map((d) => ({ ...totalRow('day', d.date, d), backlog: d.backlogAtEnd })),
    totalRow('week', null, outcome.total),
  ];
  return { name: 'Outcome', columns: OUTCOME_COLUMNS, rows, highlight: (row) => row.met === false };
}
