/**
 * Reminders before sessions (a day ahead), agreement reviews (a week ahead) and
 * step due dates (two days ahead). Each is created once per person and thing
 * (a unique key), shown in the app until dismissed, and e-mailed once when the
 * person wants e-mail. Any number of processes may run this at once: the
 * unique key and the claim on emailed_at keep every reminder single.
 */
import type { Clock } from '../platform/clock';
import type { DB } from '../platform/db';
import { newId } from '../platform/ids';
import type { Mailer } from '../platform/mail';
import { type ScheduleItem, scheduleFor } from './schedule';

const HOUR = 3600_000;
/** How far ahead each kind of reminder comes. */
export const LEAD_TIME = { session: 24 * HOUR, agreement_review: 7 * 24 * HOUR, step_due: 2 * 24 * HOUR } as const;

/** "Coaching meeting on Tue 1 Dec at 09:30" in the organization's time zone. */
export function reminderText(item: ScheduleItem, timeZone: string): string {
  const tz = safeZone(timeZone);
  const date = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: item.allDay ? 'UTC' : tz }).format(item.start);
  if (item.allDay) return `${item.title} on ${date}`;
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: tz }).format(item.start);
  return `${item.title} on ${date} at ${time}`;
}

function safeZone(tz: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz;
  } catch {
    return 'UTC';
  }
}

/** Creates the reminders now due for everyone, or for one person (when they open Home). Returns how many were new. */
export async function createReminders(db: DB, clock: Clock, personId?: string): Promise<number> {
  const now = clock.now();
  const items = (await scheduleFor(db, { from: now, to: new Date(now.getTime() + LEAD_TIME.agreement_review), personId })).filter(
    (i) => i.start.getTime() - now.getTime() <= LEAD_TIME[i.kind],
  );
  if (!items.length) return 0;
  const zones = new Map((await db.selectFrom('organizations').select(['id', 'time_zone']).where('id', 'in', [...new Set(items.map((i) => i.orgId))]).execute()).map((o) => [o.id, o.time_zone]));
  const rows = items.map((i) => ({
    id: newId(),
    org_id: i.orgId,
    person_id: i.personId,
    partnership_id: i.partnershipId,
    kind: i.kind,
    key: i.key,
    text: reminderText(i, zones.get(i.orgId) ?? 'UTC'),
    due_at: i.start.toISOString(),
    created_at: now.toISOString(),
    emailed_at: null,
    dismissed_at: null,
  }));
  // Most runs (and every Home view) find the reminders already made: look them up rather than attempt the writes.
  const existing = new Set<string>();
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const found = await db
      .selectFrom('reminders')
      .select(['person_id', 'key'])
      .where('person_id', 'in', [...new Set(chunk.map((r) => r.person_id))]) // the (person_id, key) unique index
      .where('key', 'in', [...new Set(chunk.map((r) => r.key))])
      .execute();
    for (const r of found) existing.add(`${r.person_id} ${r.key}`);
  }
  const fresh = rows.filter((r) => !existing.has(`${r.person_id} ${r.key}`));
  let created = 0;
  for (let i = 0; i < fresh.length; i += 200) {
    const res = await db
      .insertInto('reminders')
      .values(fresh.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['person_id', 'key']).doNothing())
      .executeTakeFirst();
    created += Number(res.numInsertedOrUpdatedRows ?? 0);
  }
  return created;
}

/** E-mails every reminder not yet e-mailed to people who want e-mail. Returns how many were handed to the mail server. */
export async function emailReminders(db: DB, clock: Clock, mailer: Mailer): Promise<number> {
  const now = clock.now().toISOString();
  const due = await db
    .selectFrom('reminders as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .leftJoin('reminder_preferences as pref', 'pref.person_id', 'r.person_id')
    .select(['r.id', 'r.text', 'p.email', 'p.name', 'pref.email as wants_email'])
    .where('r.emailed_at', 'is', null)
    .where('r.dismissed_at', 'is', null)
    .where('r.due_at', '>', now)
    .where('p.active', '=', 1)
    .limit(1000)
    .execute();
  let sent = 0;
  for (const r of due) {
    if (r.wants_email === 0) continue;
    // Claim it first: another process running the same job skips it.
    const claim = await db.updateTable('reminders').set({ emailed_at: now }).where('id', '=', r.id).where('emailed_at', 'is', null).executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) continue;
    const outcome = await mailer.send({ kind: 'reminder', to: r.email, subject: `Reminder: ${r.text}`, text: `Hello ${r.name},\n\nA reminder from Tandem: ${r.text}.\n\nThe details are in Tandem. You can turn off e-mail reminders under Settings.` });
    if (outcome === 'failed') {
      // The mail server is unreachable or said "later": give the claim back so the next run
      // retries, and stop this run rather than wait out a timeout for every reminder.
      // (A mailbox refused for good, or e-mail turned off, keeps the claim: retrying would not help.)
      await db.updateTable('reminders').set({ emailed_at: null }).where('id', '=', r.id).where('emailed_at', '=', now).execute();
      break;
    }
    if (outcome === 'sent') sent++;
  }
  return sent;
}

/** Runs both steps every few minutes until stopped. The timer does not keep the process alive. */
export function startReminderJob(db: DB, clock: Clock, mailer: Mailer, log: (msg: string, err?: unknown) => void, everyMs = 5 * 60_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await createReminders(db, clock);
      await emailReminders(db, clock, mailer);
    } catch (err) {
      log('reminder job failed; it will try again', err);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(tick, 10_000);
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
