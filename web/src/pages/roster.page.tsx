import { useCallback, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { download } from '../download';
import { ErrorBox, fmt, nextMonday, Section } from '../ui';
import { RosterEdit } from './roster-edit';
import { TimetableGrid } from './roster-grid';
import { PlanWeekPanel } from './roster-job';
import { CoverageChart, RosterKpis } from './roster-kpis';
import { Publish, RosterDetail, Rosters, RosterStaff } from './roster.queries';

export function RosterPage() {
  const [week, setWeek] = useState(nextMonday());
  const [picked, setPicked] = useState<string | null>(null);
  const [list, refetchList] = useQuery({ query: Rosters, variables: { week } });
  const rosterId = picked ?? list.data?.rosters[0]?.id ?? null;
  const [detail, refetchDetail] = useQuery({
    query: RosterDetail,
    variables: { id: rosterId ?? '' },
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
                v{x.version} {x.status} ({fmt.dateTime(x.createdAt)})
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
            {r.publishedAt && <p role="status">Published {fmt.dateTime(r.publishedAt)}.</p>}
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
          <Section title={`Timetable (${r.assignments.length} shifts)`}>
            <TimetableGrid roster={r} lookup={lookup.data} />
          </Section>
        </>
      )}
    </div>
  );
}
