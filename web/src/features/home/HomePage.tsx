import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { type Me, type Page, type PartnershipSummary, type SharedItem, type SharedItemText, api, query } from '../../api';
import { useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading, PageTitle, Section } from '../../ui/Page';
import { ShowMore } from '../../ui/ShowMore';
import { useLabels } from '../../ui/format';
import { RaisedWithYouSlot } from './RaisedWithYouSlot';
import { PartnershipCard, useMemberNames } from '../partnerships/PartnershipCard';
import { hasRole, useSignedIn } from '../session/session';
import { AttentionSection } from './AttentionSection';
import { m } from './messages';

export function usePartnerships() {
  return useInfiniteQuery({
    queryKey: ['partnerships'],
    queryFn: ({ pageParam }) => api.get<Page<PartnershipSummary>>(`/api/partnerships${query({ cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Home: what needs my attention first, then my partnerships, what colleagues shared, and (by role) staff and program views. */
export function HomePage() {
  const t = useT(m);
  const me = useSignedIn();
  const list = usePartnerships();
  const all = list.data?.pages.flatMap((p) => p.items) ?? [];
  const mine = all.filter((p) => p.members.some((m) => m.personId === me.personId && m.state !== 'declined'));
  const others = all.filter((p) => !mine.includes(p));
  const firstName = me.name.split(' ')[0];

  return (
    <div>
      <PageTitle title={t('title')}>{t('hello', { name: firstName })}</PageTitle>
      <p className="lead">{t('lead')}</p>
      <AttentionSection />
      <RaisedWithYouSlot showErrors={hasRole(me, 'supervisor')} />

      <Section title={t('mine')} id="mine">
        {list.isPending ? <Loading what={t('loadingMine')} /> : null}
        <ErrorAlert error={list.error} />
        {mine.length === 0 && !list.isPending && !list.error ? (
          <p>
            {t('notInPartnership')}
            {me.abilities.startPartnership ? (
              <>
                {' '}
                <Link to="/partnerships/new">{t('startOne')}</Link>.
              </>
            ) : null}
          </p>
        ) : (
          <div className="card-grid">
            {mine.map((p) => (
              <PartnershipCard key={p.id} p={p} meId={me.personId} />
            ))}
          </div>
        )}
      </Section>

      {me.abilities.readAccessLog ? (
        <Section title={t('privacy')} id="privacy">
          <p>
            {t('privacyBody')} <Link to="/access-log">{t('whoHasSeen')}</Link>
          </p>
        </Section>
      ) : null}

      <SharedWithMe me={me} />

      {hasRole(me, 'supervisor') ? (
        <Section title={t('staff')} id="staff">
          <p>{t('staffBody')}</p>
          <LogisticsList items={others.filter((p) => p.viewerRelation === 'supervisor')} />
        </Section>
      ) : null}

      {hasRole(me, 'leader') ? (
        <Section title={t('program')} id="program">
          <p>{t('partnershipCount', { more: list.hasNextPage ? 'yes' : 'no', count: all.length })}</p>
          <ul className="link-tiles">
            <li>
              <Link to="/people">{t('tile_people')}</Link>
            </li>
            <li>
              <Link to="/sites">{t('tile_sites')}</Link>
            </li>
            <li>
              <Link to="/practices">{t('tile_practices')}</Link>
            </li>
            <li>
              <Link to="/templates">{t('tile_templates')}</Link>
            </li>
            <li>
              <Link to="/organization">{t('tile_organization')}</Link>
            </li>
          </ul>
          <h3>{t('allLogistics')}</h3>
          <LogisticsList items={others.filter((p) => p.viewerRelation !== 'supervisor')} />
        </Section>
      ) : null}
      <ShowMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => list.fetchNextPage()} what={t('morePartnerships')} />
    </div>
  );
}

function LogisticsList({ items }: { items: PartnershipSummary[] }) {
  const t = useT(m);
  const labels = useLabels();
  const memberNames = useMemberNames();
  if (items.length === 0) return <p className="muted">{t('noneToShow')}</p>;
  return (
    <div className="table-wrap">
      <table className="responsive-table">
        <caption className="visually-hidden">{t('logisticsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col_partnership')}</th>
            <th scope="col">{t('col_status')}</th>
            <th scope="col">{t('col_meets')}</th>
            <th scope="col">{t('col_coverage')}</th>
            <th scope="col">{t('col_review')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id}>
              <td data-label={t('col_partnership')}>
                <Link to={`/partnerships/${p.id}`}>{memberNames(p)}</Link>
              </td>
              <td data-label={t('col_status')}>{labels.status(p.status)}</td>
              <td data-label={t('col_meets')}>{p.meetingCadence || '—'}</td>
              <td data-label={t('col_coverage')}>{p.coverageNeeds || '—'}</td>
              <td data-label={t('col_review')}>{p.reviewOn ? labels.date(p.reviewOn) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SharedWithMe({ me }: { me: Me }) {
  const t = useT(m);
  const shared = useQuery({
    queryKey: ['shared-with-me'],
    queryFn: () => api.get<Page<SharedItem>>('/api/shared-with-me'),
  });
  const items = shared.data?.items ?? [];
  if (!hasRole(me, 'supervisor') && items.length === 0) return null;
  return (
    <Section title={t('shared')} id="shared">
      <p className="muted">{t('sharedLead')}</p>
      <ErrorAlert error={shared.error} />
      {shared.isPending ? <Loading what={t('loadingShared')} /> : null}
      {!shared.isPending && items.length === 0 ? <p>{t('nothingShared')}</p> : null}
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
      </div>
    </article>
  );
}

/** The whole text, with line breaks kept: the server labels it in the reader's language (kind, date, headings), around the coachee's own words. */
function SharedText({ item }: { item: SharedItemText }) {
  return <p className="note-body">{item.body}</p>;
}
