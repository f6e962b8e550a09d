import { useMemo } from 'react';
import { listedTimeZone, timeZones } from '../../../../shared/src/time-zones';
import type { Language } from '../../../../shared/src/i18n';
import { useLanguage, useT } from '../../i18n';
import { SelectField } from '../../ui/Field';
import { m } from './messages';

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

function nowIn(zone: string, language: Language): string | null {
  try {
    return new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit', timeZone: zone }).format(new Date());
  } catch {
    return null;
  }
}

/**
 * Every IANA time zone, grouped by region (America, Europe…), with the time it
 * is there now as a check. A stored zone this browser does not list stays choosable.
 */
export function TimeZoneField({ value, onChange, error, hint }: { value: string; onChange: (zone: string) => void; error?: string; hint?: string }) {
  const t = useT(m);
  const { language } = useLanguage();
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
  const now = nowIn(value, language);
  // Two whole sentences, each in the reader's language: the caller's hint, then the time there now.
  const fullHint = [hint, now ? t('nowThere', { time: now }) : null].filter(Boolean).join(' ');
  return (
    <SelectField
      label={t('timeZone')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      hint={fullHint}
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
