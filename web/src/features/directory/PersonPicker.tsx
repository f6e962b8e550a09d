import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import type { OrgRole } from '../../../../shared/src/domain';
import type { Language } from '../../../../shared/src/i18n';
import { format } from '../../../../shared/src/i18n-format';
import { type DirectoryEntry, type Page, api, query } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { labelsIn } from '../../ui/format';
import { m } from './messages';

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** "your supervisor · Coach · Maple Street", in the reader's language (pass it: `useLanguage().language`). */
export function describeEntry(p: DirectoryEntry, language: Language): string {
  // "your supervisor" says more than the role word, so the role is not repeated.
  const roles = p.roles.filter((r) => !(p.supervisesMe && r === 'supervisor')).map(labelsIn(language).orgRole);
  return [p.supervisesMe ? format(language, m, 'yourSupervisor') : '', roles.join(', '), p.site].filter(Boolean).join(' · ');
}

/** The people who supervise me come first; otherwise the directory's order (by name) stays. */
function supervisorsFirst(items: DirectoryEntry[]): DirectoryEntry[] {
  return [...items.filter((p) => p.supervisesMe), ...items.filter((p) => !p.supervisesMe)];
}

/**
 * Find a colleague by name in the directory (names, roles and site only) and
 * pick one. Results are real buttons, so it works with the keyboard alone.
 */
export function PersonPicker({
  label,
  onPick,
  role,
  exclude = [],
  hint,
  error,
  suggestSupervisors = false,
}: {
  label: string;
  onPick: (person: DirectoryEntry) => void;
  role?: OrgRole;
  exclude?: string[];
  hint?: string;
  error?: string;
  /** For sharing: before anything is typed, offer the people who supervise me, and list them first in results. */
  suggestSupervisors?: boolean;
}) {
  const t = useT(m);
  const { language } = useLanguage();
  const id = useId();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q.trim(), 250);
  const results = useQuery({
    queryKey: ['directory', debounced, role],
    queryFn: () => api.get<Page<DirectoryEntry>>(`/api/directory${query({ q: debounced, role, limit: 8 })}`),
    enabled: debounced.length >= 1,
  });
  const supervisors = useQuery({
    queryKey: ['directory', 'my-supervisors'],
    queryFn: () => api.get<Page<DirectoryEntry>>(`/api/directory${query({ role: 'supervisor', limit: 100 })}`),
    enabled: suggestSupervisors,
    staleTime: 60_000,
  });
  const suggestions = (supervisors.data?.items ?? []).filter((p) => p.supervisesMe && !exclude.includes(p.id));
  const found = (results.data?.items ?? []).filter((p) => !exclude.includes(p.id));
  const items = suggestSupervisors ? supervisorsFirst(found) : found;
  const showSuggestions = !q.trim() && suggestions.length > 0;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', `${id}-count`].filter(Boolean).join(' ');
  return (
    <div className="field picker">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input id={id} type="search" autoComplete="off" value={q} onChange={(e) => setQ(e.target.value)} aria-describedby={describedBy} aria-invalid={error ? true : undefined} />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <p className="visually-hidden" id={`${id}-count`} role="status">
        {debounced && results.data ? t('matches', { count: items.length }) : ''}
      </p>
      <ErrorAlert error={results.error} />
      {debounced && results.data && items.length === 0 ? <p className="muted">{t('nobodyMatches', { query: debounced })}</p> : null}
      {showSuggestions ? <p className="field-hint">{t('yourSupervisors', { count: suggestions.length })}</p> : null}
      {showSuggestions || (debounced && items.length > 0) ? (
        <ul className="picker-results">
          {(showSuggestions ? suggestions : items).map((p) => (
            <li key={p.id}>
              <Button
                variant="secondary"
                onClick={() => {
                  onPick(p);
                  setQ('');
                }}
              >
                {t('choose', { name: p.name })}
              </Button>
              <span className="muted"> {describeEntry(p, language)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
