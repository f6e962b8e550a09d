import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { type SharedItem, type SharedItemText, api } from '../../api';
import { useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading, Section } from '../../ui/Page';
import { useLabels } from '../../ui/format';
import { m } from './received/messages';

/** Home's "Shared with you": what colleagues chose to share with the reader, each opened (and logged) only on "Read". */
export function SharedWithYou({ items, pending, error }: { items: SharedItem[]; pending: boolean; error: unknown }) {
  const t = useT(m);
  return (
    <Section title={t('shared')} id="shared">
      <p className="muted">{t('sharedLead')}</p>
      <ErrorAlert error={error} />
      {pending ? <Loading what={t('loadingShared')} /> : null}
      {!pending && items.length === 0 ? <p>{t('nothingShared')}</p> : null}
      <ul className="plain-list shared-list">
        {items.map((s) => (
          <li key={`${s.itemType}-${s.itemId}`} className="card">
            <SharedEntry item={s} />
          </li>
        ))}
      </ul>
    </Section>
  );
}

/**
 * One shared item: its title, from whom and when, and a "Read" button. The
 * text is fetched only when it is opened, because opening it is a read the
 * coachee sees in their access log; it is kept only while Home is open.
 */
function SharedEntry({ item }: { item: SharedItem }) {
  const t = useT(m);
  const labels = useLabels();
  const id = useId();
  const [open, setOpen] = useState(false);
  const text = useQuery({
    queryKey: ['shared-item', item.shareId, item.itemId],
    queryFn: () => api.get<SharedItemText>(`/api/shared-with-me/${item.shareId}/${item.itemId}`),
    enabled: open,
    staleTime: Infinity,
    gcTime: 0,
  });
  return (
    <article aria-labelledby={`${id}-title`}>
      <p className="meta">
        <span className="kind-label">{t('sharedKind', { kind: item.itemType })}</span> · {t('sharedFrom', { from: item.from, kind: item.itemType, when: labels.dateTime(item.createdAt) })}
        {item.expiresAt ? ` · ${t('availableUntil', { when: labels.dateTime(item.expiresAt) })}` : ''}
      </p>
      <h3 id={`${id}-title`} className="shared-title">
        {item.title}
      </h3>
      <Button variant="secondary" aria-expanded={open} aria-controls={`${id}-text`} onClick={() => setOpen((o) => !o)}>
        {open ? t('hide') : t('read')}
        <span className="visually-hidden"> “{item.title}”</span>
      </Button>
      <div id={`${id}-text`} className="shared-text" hidden={!open}>
        {open && text.isPending ? <Loading what={t('loadingText')} /> : null}
        {open ? <ErrorAlert error={text.error} /> : null}
        {text.data ? <SharedText item={text.data} /> : null}
        {text.data && item.itemType === 'observation' ? (
          <p>
            <Link to={`/shared/observations/${encodeURIComponent(item.itemId)}?from=${encodeURIComponent(item.from)}`}>{t('seeGraphics')}</Link>
          </p>
        ) : null}
      </div>
    </article>
  );
}

/** The whole text, with line breaks kept: the server labels it in the reader's language (kind, date, headings), around the coachee's own words. */
function SharedText({ item }: { item: SharedItemText }) {
  return <p className="note-body">{item.body}</p>;
}
