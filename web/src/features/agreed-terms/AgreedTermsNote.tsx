import { useQuery } from '@tanstack/react-query';
import { type AgreedTermsList, api } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { m } from './messages';

/**
 * "What we agreed about names" (issue 12, item 5): the confidentiality words coaches and
 * administrators signed, shown where coaching data is met. Beside a partnership for whoever the
 * server says may read them (`readAgreedTerms`), or the reader's own agreements on Home.
 * Folded by default: it is a reminder, not the page's business. Nothing shows when nothing was signed.
 */
export function AgreedTermsNote({ partnershipId, teacher = false }: { partnershipId?: string; teacher?: boolean }) {
  const t = useT(m);
  const { language } = useLanguage();
  const list = (names: string[]) => new Intl.ListFormat(language, { type: 'conjunction' }).format(names);
  const url = partnershipId ? `/api/partnerships/${partnershipId}/agreed-terms` : '/api/me/agreed-terms';
  const terms = useQuery({ queryKey: ['agreed-terms', partnershipId ?? 'me'], queryFn: () => api.get<AgreedTermsList>(url), staleTime: 60_000 });
  const items = terms.data?.items ?? [];
  if (!items.length) return null;
  return (
    <details className="agreed-terms">
      <summary>{partnershipId ? t('title') : t('titleMine')}</summary>
      <p>{teacher ? t('leadTeacher') : t('lead')}</p>
      {items.map((a) => (
        <section key={a.meetingId} aria-label={a.title}>
          <ul>
            <li>
              <strong>{t('names', { may: a.namesMayBeUsed ? 'yes' : 'no' })}</strong>
            </li>
            {a.confidentiality.map((c) => (
              <li key={c.key}>{c.text}</li>
            ))}
          </ul>
          <p className="muted">{t('signed', { title: a.title, year: a.schoolYear, date: new Date(a.signedAt), people: list(a.signedBy) })}</p>
        </section>
      ))}
    </details>
  );
}
