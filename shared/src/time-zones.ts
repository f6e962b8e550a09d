/**
 * IANA time zones as this JavaScript engine knows them (Intl.supportedValuesOf),
 * plus UTC, which engines accept but do not list. Plain ECMAScript, so the
 * server validates with the same list the web app offers.
 */

let zones: Set<string> | null = null;

/** Every zone a person can choose, sorted. */
export function timeZones(): string[] {
  return [...zoneSet()].sort();
}

function zoneSet(): Set<string> {
  // Every current engine has supportedValuesOf; an old browser offers UTC and its own zone.
  zones ??= new Set([...(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [Intl.DateTimeFormat().resolvedOptions().timeZone]), 'UTC']);
  return zones;
}

/**
 * The zone as this engine lists it, or null when it is not a zone. An alias the
 * list does not name (a browser's "Asia/Kolkata" where this engine lists
 * "Asia/Calcutta") is accepted and returned as the listed name.
 */
export function listedTimeZone(value: string): string | null {
  const set = zoneSet();
  if (set.has(value)) return value;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
    return set.has(resolved) ? resolved : null;
  } catch {
    return null;
  }
}
