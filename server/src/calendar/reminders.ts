/**
 * Reminders before sessions (a day ahead), agreement reviews (a week ahead) and
 * step due dates (two days ahead). Each is created once per person and thing
 * (a unique key), shown in the app until dismissed, and e-mailed once when the
 * person wants e-mail. Any number of processes may run this at once: the
 * unique key and the claim on emailed_at keep every reminder single.
 */
import { DEFAULT_LANGUAGE, type Language } from '../../../shared/src/i18n';
import { format } from '../../../shared/src/i18n-format';
import type { Clock } from '../platform/clock';
import { DATE_LOCALE, knownTimeZone } from '../platform/dates';
import type { DB } from '../platform/db';
import { newId } from '../platform/ids';
import { languagesOf } from '../platform/language';
import type { Mailer } from '../platform/mail';
import { calendarMessages } from './messages';
import { type ScheduleItem, scheduleFor, titleOf } from './schedule';

const HOUR = 3600_000;
/** How far ahead each kind of reminder comes. */
export const LEAD_TIME = { session: 24 * HOUR, agreement_review: 7 * 24 * HOUR, step_due: 2 * 24 * HOUR } as const;

/** How a reminder writes its day in each language: "Tue 1 Dec" / "martes 1 de diciembre". */
const REMINDER_DAY: Record<Language, { weekday: Intl.DateTimeFormatOptions; date: Intl.DateTimeFormatOptions }> = {
  en: { weekday: { weekday: 'short' }, date: { day: 'numeric', month: 'short' } },
  es: { weekday: { weekday: 'long' }, date: { day: 'numeric', month: 'long' } },
};

/**
 * "Coaching meeting on Tue 1 Dec at 09:30" / "Sesión de coaching el martes 1 de
 * diciembre a las 09:30": in the organization's time zone and the reader's language.
 */
export function reminderText(item: ScheduleItem, timeZone: string, language: Language = DEFAULT_LANGUAGE): string {
  const locale = DATE_LOCALE[language];
  const zone = item.allDay ? 'UTC' : knownTimeZone(timeZone);
  const weekday = new Intl.DateTimeFormat(locale, { ...REMINDER_DAY[language].weekday, timeZone: zone }).format(item.start);
  const date = new Intl.DateTimeFormat(locale, { ...REMINDER_DAY[language].date, timeZone: zone }).format(item.start);
  const title = titleOf(item, language);
  if (item.allDay) return format(language, calendarMessages, 'reminderOn', { title, weekday, date });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }).format(item.start);
  return format(language, calendarMessages, 'reminderAt', { title, weekday, date, time });
}

/** Each person's language (their choice, else their organization's), looked up in chunks. */
async function languagesOfMany(db: DB, personIds: string[]): Promise<Map<string, Language>> {
  const unique = [...new Set(personIds)];
  const out = new Map<string, Language>();
  for (let i = 0; i < unique.length; i += 500) for (const [id, language] of await languagesOf(db, unique.slice(i, i + 500))) out.set(id, language);
  return out;
}

/** Creates the reminders now due for everyone, or for one person (when they open Home). Returns how many were new. */
export async function createReminders(db: DB, clock: Clock, personId?: string): Promise<number> {
  const now = clock.now();
  const items = (await scheduleFor(db, { from: now, to: new Date(now.getTime() + LEAD_TIME.agreement_review), personId })).filter(
    (i) => i.start.getTime() - now.getTime() <= LEAD_TIME[i.kind],
  );
  if (!items.length) return 0;
  // Most runs (and every Home view) find the reminders already made: look them up rather than attempt the writes.
  const existing = new Set<string>();
  for (let i = 0; i < items.length; i += 500) {
    const chunk = items.slice(i, i + 500);
    const found = await db
      .selectFrom('reminders')
      .select(['person_id', 'key'])
      .where('person_id', 'in', [...new Set(chunk.map((r) => r.personId))]) // the (person_id, key) unique index
      .where('key', 'in', [...new Set(chunk.map((r) => r.key))])
      .execute();
    for (const r of found) existing.add(`${r.person_id} ${r.key}`);
  }
  const missing = items.filter((i) => !existing.has(`${i.personId} ${i.key}`));
  if (!missing.length) return 0;
  // Written once, in the language of the person it is for: the app shows it and the e-mail quotes it as is.
  const languages = await languagesOfMany(db, missing.map((i) => i.personId));
  const zones = new Map((await db.selectFrom('organizations').select(['id', 'time_zone']).where('id', 'in', [...new Set(missing.map((i) => i.orgId))]).execute()).map((o) => [o.id, o.time_zone]));
  const fresh = missing.map((i) => ({
    id: newId(),
    org_id: i.orgId,
    person_id: i.personId,
    partnership_id: i.partnershipId,
    kind: i.kind,
    key: i.key,
    text: reminderText(i, zones.get(i.orgId) ?? 'UTC', languages.get(i.personId) ?? DEFAULT_LANGUAGE),
    due_at: i.start.toISOString(),
    created_at: now.toISOString(),
    emailed_at: null,
    dismissed_at: null,
  }));
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
    .select(['r.id', 'r.person_id', 'r.text', 'p.email', 'p.name', 'pref.email as wants_email'])
    .where('r.emailed_at', 'is', null)
    .where('r.dismissed_at', 'is', null)
    .where('r.due_at', '>', now)
    .where('p.active', '=', 1)
    .limit(1000)
    .execute();
  const languages = await languagesOfMany(db, due.map((r) => r.person_id));
  let sent = 0;
  for (const r of due) {
    if (r.wants_email === 0) continue;
    // Claim it first: another process running the same job skips it.
    const claim = await db.updateTable('reminders').set({ emailed_at: now }).where('id', '=', r.id).where('emailed_at', 'is', null).executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) continue;
    const language = languages.get(r.person_id) ?? DEFAULT_LANGUAGE;
    const values = { name: r.name, reminder: r.text };
    const outcome = await mailer.send({ kind: 'reminder', to: r.email, subject: format(language, calendarMessages, 'mailSubject', values), text: format(language, calendarMessages, 'mailText', values) });
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
  // The first look soon after start-up (or sooner, when the interval is shorter).
  const first = setTimeout(tick, Math.min(10_000, everyMs));
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
