import { useMemo } from 'react';
import { listedTimeZone, timeZones } from '../../../../shared/src/time-zones';
import { SelectField } from '../../ui/Field';

/** This device's time zone as the list names it, or UTC: the first guess for a new organization. */
export function deviceTimeZone(): string {
  try {
    return listedTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone) ?? 'UTC';
  } catch {
    return 'UTC';
  }
}

/** "Argentina – Buenos Aires" from "America/Argentina/Buenos_Aires" (the region is the group). */
const place = (zone: string) => zone.split('/').slice(1).join(' – ').replaceAll('_', ' ');

function nowIn(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', timeZone: zone }).format(new Date());
  } catch {
    return null;
  }
}

/**
 * Every IANA time zone, grouped by region (America, Europe…), with the time it
 * is there now as a check. A stored zone this browser does not list stays choosable.
 */
export function TimeZoneField({ value, onChange, error, hint }: { value: string; onChange: (zone: string) => void; error?: string; hint?: string }) {
  const groups = useMemo(() => {
    const zones = timeZones();
    if (value && !zones.includes(value)) zones.push(value);
    const byRegion = new Map<string, string[]>();
    for (const zone of zones.filter((z) => z.includes('/')).sort()) {
      const region = zone.split('/')[0]!;
      byRegion.set(region, [...(byRegion.get(region) ?? []), zone]);
    }
    return { regions: [...byRegion.entries()], plain: zones.filter((z) => !z.includes('/')) };
  }, [value]);
  const now = nowIn(value);
  return (
    <SelectField
      label="Time zone"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      hint={[hint, now ? `It is ${now} there now.` : null].filter(Boolean).join(' ')}
    >
      {groups.plain.map((zone) => (
        <option key={zone} value={zone}>
          {zone}
        </option>
      ))}
      {groups.regions.map(([region, zones]) => (
        <optgroup key={region} label={region}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {place(zone)}
            </option>
          ))}
        </optgroup>
      ))}
    </SelectField>
  );
}
