import { useCallback, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { download } from '../download';
import { ErrorBox, nextMonday, Section } from '../ui';
import { useSiteClock } from '../site-clock';
import { RosterEdit } from './roster-edit';
import { TimetableGrid } from './roster-grid';
import { PlanWeekPanel } from './roster-job';
import { CoverageChart, RosterKpis } from './roster-kpis';
import {
  PEOPLE_PER_PAGE,
  Publish,
  type RosterData,
  RosterDetail,
  Rosters,
  RosterStaff,
} from './roster.queries';

export function RosterPage() {
  const clock = useSiteClock();
  const [week, setWeek] = useState(nextMonday(clock.today()));
  const [picked, setPicked] = useState<string | null>(null);
  const [list, refetchList] = useQuery({ query: Rosters, variables: { week } });
  const rosterId = picked ?? list.data?.rosters[0]?.id ?? null;
  // the timetable's pages of people: the cursors read so far, back to the first page's (null)
  const [paging, setPaging] = useState<{ rosterId: string | null; cursors: (string | null)[] }>({
    rosterId: null,
    cursors: [null],
  });
  const cursors = paging.rosterId === rosterId ? paging.cursors : [null];
  const after = cursors[cursors.length - 1] ?? null;
  const [detail, refetchDetail] = useQuery({
    query: RosterDetail,
    variables: { id: rosterId ?? '', after },
    pause: !rosterId,
  });
  const [lookup] = useQuery({ query: RosterStaff });
  const [published, publish] = useMutation(Publish);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const r = detail.data?.roster;

  const onDone = useCallback(
    (id: string) => {
      setPicked(id);
      refetchList({ requestPolicy: 'network-only' });
    },
    [refetchList],
  );
  const reload = () => refetchDetail({ requestPolicy: 'network-only' });
  const get = (ext: 'xlsx' | 'csv') => {
    setDownloadError(null);
    download(`/exports/rosters/${r!.id}.${ext}`).catch((e: Error) => setDownloadError(e.message));
  };

  return (
    <div className="page">
      <h1>Roster</h1>
      <div className="toolbar">
        <label>
          Week (Monday){' '}
          <input
            type="date"
            value={week}
            onChange={(e) => {
              setWeek(e.target.value);
              setPicked(null);
            }}
          />
        </label>
        <label>
          Version{' '}
          <select value={rosterId ?? ''} onChange={(e) => setPicked(e.target.value)}>
            {(list.data?.rosters ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                v{x.version} {x.status} ({clock.dateTime(x.createdAt)})
              </option>
            ))}
          </select>
        </label>
      </div>
      <Section title="Plan week">
        <PlanWeekPanel week={week} onDone={onDone} />
      </Section>
      <ErrorBox error={list.error ?? detail.error ?? published.error} />
      {!r && !list.fetching && <p>No roster for the week of {week} yet.</p>}
      {r && (
        <>
          <Section
            title={`Roster v${r.version} · ${r.status}`}
            actions={
              <div className="toolbar">
                {r.status === 'DRAFT' && (
                  <button
                    type="button"
                    onClick={() =>
                      publish({ id: r.id }).then(() => refetchList({ requestPolicy: 'network-only' }))
                    }
                  >
                    Publish
                  </button>
                )}
                <button type="button" className="secondary" onClick={() => get('xlsx')}>
                  Download XLSX
                </button>
                <button type="button" className="secondary" onClick={() => get('csv')}>
                  Download CSV
                </button>
              </div>
            }
          >
            {r.publishedAt && <p role="status">Published {clock.dateTime(r.publishedAt)}.</p>}
            {downloadError && (
              <p className="error" role="alert">
                {downloadError}
              </p>
            )}
            <RosterKpis roster={r} />
          </Section>
          <Section title="Coverage">
            <CoverageChart roster={r} />
          </Section>
          <RosterEdit roster={r} lookup={lookup.data} onSaved={reload} />
          <Section
            title={`Timetable (${r.assignmentCount} shifts)`}
            actions={
              <PeoplePager
                roster={r}
                page={cursors.length - 1}
                onPage={(next) =>
                  setPaging({ rosterId, cursors: next ? [...cursors, next] : cursors.slice(0, -1) })
                }
              />
            }
          >
            <TimetableGrid roster={r} after={after} lookup={lookup.data} />
          </Section>
        </>
      )}
    </div>
  );
}

/**
 * Which of the roster's people the timetable shows, PEOPLE_PER_PAGE at a time; `onPage` is
 * given the next page's cursor, or null to go back one page.
 */
function PeoplePager({
  roster,
  page,
  onPage,
}: {
  roster: NonNullable<RosterData>;
  page: number;
  onPage: (next: string | null) => void;
}) {
  const { totalCount, nodes, pageInfo } = roster.staffWeeks;
  if (totalCount <= PEOPLE_PER_PAGE && page === 0) return null;
  const from = page * PEOPLE_PER_PAGE + 1;
  return (
    <div className="toolbar">
      <span role="status">
        People {from}–{from + nodes.length - 1} of {totalCount}
      </span>
      <button type="button" className="secondary" disabled={page === 0} onClick={() => onPage(null)}>
        Previous
      </button>
      <button
        type="button"
        className="secondary"
        disabled={!pageInfo.hasNextPage}
        onClick={() => onPage(pageInfo.endCursor)}
      >
        Next
      </button>
    </div>
  );
}
