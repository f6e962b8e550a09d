/**
 * Presenters for people outside a partnership (supervisors of a coachee,
 * program leaders) build from the logistics allow-list in
 * shared/src/visibility.ts, never by removing fields: a field added to an
 * object later is content until someone lists it there.
 */
import { LOGISTICS_FIELDS, type LogisticsObject } from '../../../shared/src/visibility';

type Fields<K extends LogisticsObject> = (typeof LOGISTICS_FIELDS)[K][number];

/** The allow-listed fields of `value` only. */
export function logisticsOnly<K extends LogisticsObject, T extends object>(object: K, value: T): Pick<T, Extract<keyof T, Fields<K>>> {
  const allowed = LOGISTICS_FIELDS[object] as readonly string[];
  const out: Record<string, unknown> = {};
  for (const key of allowed) if (key in value) out[key] = (value as Record<string, unknown>)[key];
  return out as Pick<T, Extract<keyof T, Fields<K>>>;
}
