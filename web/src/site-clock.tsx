import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from './gql';
import { dateIn, formatInstant } from './zoned-time';

const SiteZone = graphql(`
  query SiteZone {
    serverInfo {
      timeZone
    }
  }
`);

/** The site's clock: every date and time the dashboard shows or defaults to is read on it. */
export interface SiteClock {
  /** The site's IANA zone; undefined (the browser's) only if the server could not be asked. */
  zone: string | undefined;
  /** Today's date at the site. */
  today(): string;
  /** An instant as "YYYY-MM-DD HH:mm" at the site; '–' for none. */
  dateTime(iso: string | null | undefined, opts?: { seconds?: boolean }): string;
}

function clockOf(zone: string | undefined): SiteClock {
  return {
    zone,
    today: () => dateIn(zone),
    dateTime: (iso, opts) => (iso ? formatInstant(iso, zone, opts?.seconds ?? false) : '–'),
  };
}

const Clock = createContext<SiteClock>(clockOf(undefined));

/** Asks the server for the site's zone once, then shows `children` on that clock. */
export function SiteClockProvider({ children }: { children: ReactNode }) {
  const [info] = useQuery({ query: SiteZone });
  const zone = info.data?.serverInfo.timeZone;
  const clock = useMemo(() => clockOf(zone), [zone]);
  if (info.fetching && !zone) return <p aria-busy="true">Loading…</p>;
  return <Clock.Provider value={clock}>{children}</Clock.Provider>;
}

export const useSiteClock = (): SiteClock => useContext(Clock);
