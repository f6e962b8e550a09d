/**
 * Classroom layouts kept on the device (issue 10, "a layout needed offline"): every layout version
 * the app has loaded (the start form's list, a visit read from the server) is copied here, so a
 * visit started or reloaded offline can still draw its seats and room. A layout is partnership
 * content like the taps: it goes when its person signs out and nothing waits for it (device.ts).
 */
import { type LocalLayout, type RecordDb, openRecordDb } from './store';

/** A layout as the API lists it (ClassroomLayout) or as an observation keeps it (LayoutSnapshot). */
export interface LayoutLike {
  id?: string;
  layoutId?: string;
  version: number;
  partnershipId?: string;
  kind: LocalLayout['kind'];
  name: string;
  elements: LocalLayout['elements'];
}

let shared: RecordDb | null = null;
const dbOf = (db?: RecordDb) => db ?? (shared ??= openRecordDb());

/** Keeps these layout versions on the device (a version is never changed, so a copy is replaced whole). Never throws: a full disk must not break the page that loaded them. */
export async function keepLayouts(layouts: readonly LayoutLike[], partnershipId: string | null = null, db?: RecordDb): Promise<void> {
  const keptAt = new Date().toISOString();
  const rows: LocalLayout[] = layouts.flatMap((l) => {
    const layoutId = l.layoutId ?? l.id;
    return layoutId ? [{ layoutId, version: l.version, partnershipId: l.partnershipId ?? partnershipId, kind: l.kind, name: l.name, elements: l.elements, keptAt }] : [];
  });
  if (rows.length === 0) return;
  try {
    await dbOf(db).layouts.bulkPut(rows);
  } catch {
    // Storage full or off: the screens still work while the server answers.
  }
}

/** A layout's version kept on this device: the one asked for, or the newest kept when none is named. */
export async function deviceLayout(layoutId: string, version?: number | null, db?: RecordDb): Promise<LocalLayout | undefined> {
  const table = dbOf(db).layouts;
  if (version != null) return table.get([layoutId, version]);
  const all = await table.where('layoutId').equals(layoutId).toArray();
  return all.sort((a, b) => b.version - a.version)[0];
}
