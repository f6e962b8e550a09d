/**
 * Changes to a partnership meeting, each in one transaction with its event number: the change,
 * last_event + 1 on the meeting, and the numbered event row. Screens replay these numbers after
 * a reconnect, so a change and its number are never apart.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../platform/clock';
import type { DB } from '../platform/db';
import type { Database } from '../platform/tables';
import type { MeetingBus } from './live';

/** What changed, as a screen is told (no words of the meeting: a screen reads them with the meeting). */
export type MeetingEventKind = 'created' | 'started' | 'step' | 'ended' | 'note_taker' | 'norm_added' | 'norm_changed' | 'norm_agreed' | 'note_added' | 'schedule_rules' | 'date_scheduled' | 'date_moved' | 'date_cancelled' | 'attendance'
  // steps 5–7: roles, topics, the written agreement
  | 'role_picks'
  | 'role_set'
  | 'item_added'
  | 'item_changed'
  | 'item_removed'
  | 'concern'
  | 'answer'
  | 'agreement_plan'
  | 'agreement_version'
  | 'agreement_signed';

export function meetingChanges(db: DB, clock: Clock, bus: MeetingBus) {
  /**
   * Runs `change` in a transaction and numbers it. Returns what `change` returned. The bus is told
   * after the commit, so a process reading on the announcement always finds the change.
   */
  async function change<T>(meetingId: string, orgId: string, kind: MeetingEventKind, work: (trx: Transaction<Database>, now: string) => Promise<T>): Promise<T> {
    let seq = 0;
    const result = await db.transaction().execute(async (trx) => {
      const now = clock.now().toISOString();
      const out = await work(trx, now);
      seq = await numberEvent(trx, meetingId, orgId, kind, now);
      return out;
    });
    bus.publish(meetingId, seq);
    return result;
  }
  return { change };
}

/** last_event + 1, under the row's lock (PostgreSQL) or the write lock (SQLite), and its event row. */
export async function numberEvent(trx: Kysely<Database>, meetingId: string, orgId: string, kind: MeetingEventKind, now: string): Promise<number> {
  await trx.updateTable('admin_meetings').set((eb) => ({ last_event: eb('last_event', '+', 1) })).where('id', '=', meetingId).execute();
  const { last_event } = await trx.selectFrom('admin_meetings').select('last_event').where('id', '=', meetingId).executeTakeFirstOrThrow();
  const seq = Number(last_event);
  await trx.insertInto('admin_meeting_events').values({ meeting_id: meetingId, seq, org_id: orgId, kind, created_at: now }).execute();
  return seq;
}
