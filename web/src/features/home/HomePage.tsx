import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Suspense, lazy } from 'react';
import { Link } from 'react-router';
import { type Me, type Page, type PartnershipSummary, type SharedItem, api, query } from '../../api';
import { useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alert';
import { Loading, PageTitle, Section } from '../../ui/Page';
import { ShowMore } from '../../ui/ShowMore';
import { RaisedWithYouSlot } from './RaisedWithYouSlot';
import { PartnershipCard } from '../partnerships/PartnershipCard';
import { hasRole, useSignedIn } from '../session/session';
import { AttentionSection } from './AttentionSection';
import { m } from './messages';

// Parts of Home most people never see, in files of their own (Home is on the first-load budget).
const SharedWithYou = lazy(() => import('../sharing/SharedWithYou').then((file) => ({ default: file.SharedWithYou })));
const ProgramSections = lazy(() => import('../program/ProgramSections').then((file) => ({ default: file.ProgramSections })));

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

      {/* The program page is for everyone; Home points coachees, and people not in coaching yet, to it. */}
      {hasRole(me, 'coachee') || (mine.length === 0 && !list.isPending) ? (
        <p className="program-link">
          <Link to="/program">{t('programLink')}</Link>
        </p>
      ) : null}

      {me.abilities.readAccessLog ? (
        <Section title={t('privacy')} id="privacy">
          <p>
            {t('privacyBody')} <Link to="/access-log">{t('whoHasSeen')}</Link>
          </p>
        </Section>
      ) : null}

      <SharedWithMeSlot me={me} />

      {hasRole(me, 'supervisor') || hasRole(me, 'leader') ? (
        <Suspense fallback={<Loading />}>
          <ProgramSections me={me} others={others} count={all.length} hasMore={!!list.hasNextPage} />
        </Suspense>
      ) : null}
      <ShowMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => list.fetchNextPage()} what={t('morePartnerships')} />
    </div>
  );
}

/**
 * What colleagues shared with the reader: asked here, shown (and its file fetched) only when
 * there is something, or always for a supervisor, who is the usual reader of shares.
 */
function SharedWithMeSlot({ me }: { me: Me }) {
  const shared = useQuery({
    queryKey: ['shared-with-me'],
    queryFn: () => api.get<Page<SharedItem>>('/api/shared-with-me'),
  });
  if (!hasRole(me, 'supervisor') && !shared.data?.items.length) return null;
  return (
    <Suspense fallback={<Loading />}>
      <SharedWithYou items={shared.data?.items ?? []} pending={shared.isPending} error={shared.error} />
    </Suspense>
  );
}
