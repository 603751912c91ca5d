import { useSyncExternalStore } from 'react';
import type { Role } from './gql/graphql';

/** A signed-in user: the token lives in memory and in sessionStorage (gone with the tab). */
export interface Session {
  token: string;
  expiresAt: string;
  username: string;
  roles: Role[];
  staffId: string | null;
}

interface SessionState {
  session: Session | null;
  /** Why the last session ended (expiry, revocation), shown on the sign-in page. */
  notice: string | null;
}

const KEY = 'shiftcast.session';
/** Why the last session ended, kept with the tab so a reload still explains the sign-in page. */
const NOTICE_KEY = 'shiftcast.notice';
const listeners = new Set<() => void>();
let state: SessionState = { session: restore(), notice: sessionStorage.getItem(NOTICE_KEY) };
let expiryTimer: ReturnType<typeof setTimeout> | undefined;
scheduleExpiry();

function restore(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as Session;
    return Date.parse(s.expiresAt) > Date.now() ? s : null;
  } catch (e) {
    console.warn('dropping an unreadable stored session', e);
    return null;
  }
}

function emit(next: SessionState): void {
  state = next;
  if (next.session) sessionStorage.setItem(KEY, JSON.stringify(next.session));
  else sessionStorage.removeItem(KEY);
  if (next.notice) sessionStorage.setItem(NOTICE_KEY, next.notice);
  else sessionStorage.removeItem(NOTICE_KEY);
  scheduleExpiry();
  for (const l of listeners) l();
}

function scheduleExpiry(): void {
  clearTimeout(expiryTimer);
  const s = state.session;
  if (!s) return;
  const ms = Date.parse(s.expiresAt) - Date.now();
  // setTimeout holds at most ~24.8 days; sessions are far shorter.
  expiryTimer = setTimeout(() => endSession('Your session expired. Sign in again.'), Math.max(0, ms));
}

export function currentToken(): string | null {
  return state.session?.token ?? null;
}

export function startSession(session: Session): void {
  emit({ session, notice: null });
}

/** Ends the session; `notice` explains why on the sign-in page. */
export function endSession(notice: string | null = null): void {
  if (!state.session && !notice) return;
  emit({ session: null, notice });
}

export function useSession(): SessionState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}
