/**
 * What this device keeps of observations when its person signs out. Coaching content (lines said,
 * taps, the visit's focus) must not stay on a shared tablet once it has reached Tandem, and nothing
 * not yet sent may be thrown away without the person knowing: so signing out first asks about
 * anything still waiting (AppHeader), then this forgets everything already sent or refused, the
 * classroom layouts kept for offline recording, and the device copies the recording screen keeps
 * for offline reloads.
 */
import { type RecordDb, openRecordDb } from './store';

/** The recording screen's copy of each visit in progress (tools/useRecording.ts). */
export const DEVICE_COPY_PREFIX = 'tandem-recording:';
/** Who last recorded on this device (recorder.ts): forgotten at sign-out with the copies. */
export const PERSON_KEY = `${DEVICE_COPY_PREFIX}person`;

const readPerson = () => {
  try {
    return window.localStorage.getItem(PERSON_KEY);
  } catch {
    return null;
  }
};

/**
 * Taps, visits started and visits ended on this device by the person signing out (or before
 * authors were kept) that have not reached Tandem yet. Another person's wait for that person
 * whoever signs out, so they are not asked about.
 */
export async function unsentOnDevice(db: RecordDb = openRecordDb(), person: string | null = readPerson()): Promise<number> {
  const theirs = (x: { authorId?: string | null }) => x.authorId == null || person === null || x.authorId === person;
  // A full pass, at sign-out only: simple, and a device holds a few thousand taps at most.
  const [events, starts, endings] = await Promise.all([
    db.events.filter((e) => e.state === 'waiting' && theirs(e)).count(),
    db.starts.where('state').equals('waiting').filter(theirs).count(),
    db.endings.where('state').equals('waiting').filter(theirs).count(),
  ]);
  return events + starts + endings;
}

/**
 * Forgets what was sent (or refused for good) and the recording screen's copies. What still waits
 * stays, so a tap shown as recorded is never lost; it is sent the next time this browser is signed
 * in and records.
 */
export async function forgetOnSignOut(db: RecordDb = openRecordDb(), storage: Pick<Storage, 'length' | 'key' | 'removeItem'> = window.localStorage): Promise<void> {
  await db.transaction('rw', [db.events, db.starts, db.endings, db.layouts], async () => {
    await db.events.filter((e) => e.state !== 'waiting').delete();
    await db.starts.where('state').notEqual('waiting').delete();
    await db.endings.where('state').notEqual('waiting').delete();
    // Layouts (seat codes, room names) go too, except those a visit started here and not yet sent records on.
    const needed = new Set((await db.starts.toArray()).flatMap((s) => (s.body.tools ?? []).map((t) => t.layoutId)).filter(Boolean));
    await db.layouts.filter((l) => !needed.has(l.layoutId)).delete();
  });
  const copies: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(DEVICE_COPY_PREFIX)) copies.push(key);
  }
  for (const key of copies) storage.removeItem(key);
}
