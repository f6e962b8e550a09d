/**
 * The meeting as the server last said it, kept in React Query's cache, and the events stream
 * that keeps it current: every `state` event (GET /api/admin-meetings/:id/events) replaces the
 * cached meeting, so a change made on one device appears on the others without a refetch. The
 * browser's EventSource reconnects by itself (the server asks for 2 s) and sends Last-Event-ID,
 * so the server replays what the screen missed; a stream that was refused (the session ended,
 * the meeting is no longer ours) is not retried blindly: the meeting is asked for again, which
 * shows why.
 */
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type * as Api from '../../../../shared/src/api';
import { api } from '../../api';

export type AdminMeeting = z.infer<typeof Api.AdminMeeting>;
export type AdminMeetingSummary = z.infer<typeof Api.AdminMeetingSummary>;
export type AdminMeetingStepState = z.infer<typeof Api.AdminMeetingStepState>;
export type AdminMeetingNorm = z.infer<typeof Api.AdminMeetingNorm>;
export type CreateAdminMeetingBody = z.input<typeof Api.CreateAdminMeetingBody>;

export const MEETINGS_KEY = ['admin-meetings'] as const;
export const meetingKey = (id: string) => ['admin-meeting', id] as const;

/**
 * Puts a meeting the server sent into the cache, unless the cache already holds a later one
 * (an answer to a write can arrive after the stream's state of a later change).
 */
export function keepMeeting(client: QueryClient, next: AdminMeeting) {
  client.setQueryData<AdminMeeting>(meetingKey(next.id), (current) => (current && current.lastEvent > next.lastEvent ? current : next));
}

export function useMeeting(id: string) {
  return useQuery({ queryKey: meetingKey(id), queryFn: () => api.get<AdminMeeting>(`/api/admin-meetings/${id}`) });
}

export type Connection = 'connecting' | 'live' | 'reconnecting' | 'closed';

/** Opens the meeting's events stream while the page is shown; closes it when the page goes. */
export function useMeetingStream(id: string, enabled: boolean): Connection {
  const client = useQueryClient();
  const [connection, setConnection] = useState<Connection>('connecting');
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const open = () => {
      source = new EventSource(`/api/admin-meetings/${id}/events`, { withCredentials: true });
      source.onopen = () => setConnection('live');
      source.addEventListener('state', (event) => {
        try {
          keepMeeting(client, JSON.parse((event as MessageEvent<string>).data) as AdminMeeting);
          setConnection('live');
        } catch {
          // A frame that does not parse is skipped; the next state replaces it.
        }
      });
      source.onerror = () => {
        if (!source || stopped) return;
        if (source.readyState === EventSource.CONNECTING) {
          // The browser is already coming back, with Last-Event-ID.
          setConnection('reconnecting');
          return;
        }
        // Refused or closed for good: ask for the meeting (a signed-out answer leads to sign-in,
        // a 404 shows "not found"), and try the stream again a little later.
        source.close();
        setConnection('reconnecting');
        void client.invalidateQueries({ queryKey: meetingKey(id) });
        retry = setTimeout(() => {
          if (!stopped) open();
        }, 5000);
      };
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [id, enabled, client]);
  return connection;
}

/**
 * The server's time now, as this device best knows it: the offset between the server's
 * `serverNow` and this device's clock when that answer was taken in, applied to the device's
 * clock, ticking every second. A device whose clock is minutes off still shows the same timer
 * as everyone else.
 */
export function useServerNow(serverNow: string | undefined): number {
  const offset = useRef(0);
  const seen = useRef<string | undefined>(undefined);
  if (serverNow && serverNow !== seen.current) {
    seen.current = serverNow;
    offset.current = Date.parse(serverNow) - Date.now();
  }
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return Date.now() + offset.current;
}

/** A step's time at `now` (server time): what the server counted at serverNow, plus the running interval since. */
export function liveElapsed(step: AdminMeetingStepState, serverNow: string, now: number): number {
  if (!step.running || !step.runningSince) return step.elapsedMs;
  const since = Date.parse(step.runningSince);
  const closedBefore = step.elapsedMs - Math.max(0, Date.parse(serverNow) - since);
  return Math.max(0, closedBefore) + Math.max(0, now - since);
}

/** "4:05", "1:02:09". */
export function clock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const mm = Math.floor((total % 3600) / 60);
  const ss = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}
