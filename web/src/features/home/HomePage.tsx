import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { CelebrationKind } from '../../../../shared/src/domain';
import { type Me, type Page, type PartnershipSummary, type SharedItem, type SharedItemText, api, query } from '../../api';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading, PageTitle, Section } from '../../ui/Page';
import { ShowMore } from '../../ui/ShowMore';
import { STATUS_LABEL, formatDate, formatDateTime } from '../../ui/format';
import { KIND_LABEL as CELEBRATION_KIND_LABEL } from '../celebrations/celebrationWords';
import { RaisedWithYou } from '../concerns/RaisedWithYou';
import { PartnershipCard, memberNames } from '../partnerships/PartnershipCard';
import { hasRole, useSignedIn } from '../session/session';
import { AttentionSection } from './AttentionSection';

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
  const me = useSignedIn();
  const list = usePartnerships();
  const all = list.data?.pages.flatMap((p) => p.items) ?? [];
  const mine = all.filter((p) => p.members.some((m) => m.personId === me.personId && m.state !== 'declined'));
  const others = all.filter((p) => !mine.includes(p));
  const isCoachee = mine.some((p) => p.members.some((m) => m.personId === me.personId && ['coachee', 'peer', 'self'].includes(m.role))) || hasRole(me, 'coachee');
  const firstName = me.name.split(' ')[0];

  return (
    <div>
      <PageTitle title="Home">Hello, {firstName}</PageTitle>
      <p className="lead">Here is what is waiting for you today.</p>
      <AttentionSection />
      <RaisedWithYou showErrors={hasRole(me, 'supervisor')} />

      <Section title="My partnerships" id="mine">
        {list.isPending ? <Loading what="your partnerships" /> : null}
        <ErrorAlert error={list.error} />
        {mine.length === 0 && !list.isPending && !list.error ? (
          <p>
            You are not in a partnership yet. <Link to="/partnerships/new">Start one or ask a colleague for coaching</Link>.
          </p>
        ) : (
          <div className="card-grid">
            {mine.map((p) => (
              <PartnershipCard key={p.id} p={p} meId={me.personId} />
            ))}
          </div>
        )}
      </Section>

      {isCoachee ? (
        <Section title="Your privacy" id="privacy">
          <p>
            Your coaching content stays inside your partnerships unless you share it. <Link to="/access-log">Who has seen my coaching content</Link>
          </p>
        </Section>
      ) : null}

      <SharedWithMe me={me} />

      {hasRole(me, 'supervisor') ? (
        <Section title="Your staff’s partnerships" id="staff">
          <p>
            You can see that these partnerships exist and the logistics they agreed, such as when they meet and the cover they need. You cannot see
            what is said or written in coaching unless the coachee shares it with you.
          </p>
          <LogisticsList items={others.filter((p) => p.viewerRelation === 'supervisor')} />
        </Section>
      ) : null}

      {hasRole(me, 'leader') ? (
        <Section title="Running the program" id="program">
          <p>
            {list.hasNextPage ? `More than ${all.length}` : all.length} {all.length === 1 ? 'partnership' : 'partnerships'} in your organization.
          </p>
          <ul className="link-tiles">
            <li>
              <Link to="/people">People</Link>
            </li>
            <li>
              <Link to="/sites">Sites and teams</Link>
            </li>
            <li>
              <Link to="/practices">Practices</Link>
            </li>
            <li>
              <Link to="/templates">Agreement templates</Link>
            </li>
            <li>
              <Link to="/organization">Organization settings</Link>
            </li>
          </ul>
          <h3>All partnerships (logistics only)</h3>
          <LogisticsList items={others.filter((p) => p.viewerRelation !== 'supervisor')} />
        </Section>
      ) : null}
      <ShowMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => list.fetchNextPage()} what="partnerships" />
    </div>
  );
}

function LogisticsList({ items }: { items: PartnershipSummary[] }) {
  if (items.length === 0) return <p className="muted">None to show.</p>;
  return (
    <div className="table-wrap">
      <table className="responsive-table">
        <caption className="visually-hidden">Partnerships and their agreed logistics</caption>
        <thead>
          <tr>
            <th scope="col">Partnership</th>
            <th scope="col">Status</th>
            <th scope="col">Meets</th>
            <th scope="col">Coverage needed</th>
            <th scope="col">Review</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id}>
              <td data-label="Partnership">
                <Link to={`/partnerships/${p.id}`}>{memberNames(p)}</Link>
              </td>
              <td data-label="Status">{STATUS_LABEL[p.status]}</td>
              <td data-label="Meets">{p.meetingCadence || '—'}</td>
              <td data-label="Coverage needed">{p.coverageNeeds || '—'}</td>
              <td data-label="Review">{p.reviewOn ? formatDate(p.reviewOn) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SharedWithMe({ me }: { me: Me }) {
  const shared = useQuery({
    queryKey: ['shared-with-me'],
    queryFn: () => api.get<Page<SharedItem>>('/api/shared-with-me'),
  });
  const items = shared.data?.items ?? [];
  if (!hasRole(me, 'supervisor') && items.length === 0) return null;
  return (
    <Section title="Shared with you" id="shared">
      <p className="muted">
        Colleagues chose to share these with you, and can withdraw a share at any time. Nothing is opened until you choose “Read”; when you do, the
        person who shared it can see that you read it.
      </p>
      <ErrorAlert error={shared.error} />
      {shared.isPending ? <Loading what="what was shared with you" /> : null}
      {!shared.isPending && items.length === 0 ? <p>Nothing has been shared with you right now.</p> : null}
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

const KIND_LABEL: Record<SharedItem['itemType'], string> = {
  note: 'Note',
  goal: 'Goal',
  profile: 'Getting-to-know-you profile',
  meeting: 'Session',
  agreement: 'Coaching agreement',
  celebration: 'Celebration',
  strength: 'Strength or priority',
  observation_plan: 'Observation plan',
  reflection: 'Reflection',
  message: 'Message',
  concern: 'Concern',
};
const WRITTEN: Record<SharedItem['itemType'], string> = {
  note: 'written',
  goal: 'set',
  profile: 'started',
  meeting: 'planned',
  agreement: 'agreed',
  celebration: 'recorded',
  strength: 'added',
  observation_plan: 'planned',
  reflection: 'written',
  message: 'sent',
  concern: 'recorded',
};

/**
 * One shared item: its title, from whom and when, and a "Read" button. The
 * text is fetched only when it is opened, because opening it is a read the
 * coachee sees in their access log; it is kept only while Home is open.
 */
function SharedEntry({ item }: { item: SharedItem }) {
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
        <span className="kind-label">{KIND_LABEL[item.itemType] ?? 'Shared item'}</span> · from {item.from} · {WRITTEN[item.itemType] ?? 'added'} {formatDateTime(item.createdAt)}
        {item.expiresAt ? ` · available until ${formatDateTime(item.expiresAt)}` : ''}
      </p>
      <h3 id={`${id}-title`} className="shared-title">
        {item.title}
      </h3>
      <Button variant="secondary" aria-expanded={open} aria-controls={`${id}-text`} onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide' : 'Read'}
        <span className="visually-hidden"> “{item.title}”</span>
      </Button>
      <div id={`${id}-text`} className="shared-text" hidden={!open}>
        {open && text.isPending ? <Loading what="the text" /> : null}
        {open ? <ErrorAlert error={text.error} /> : null}
        {text.data ? <SharedText item={text.data} /> : null}
      </div>
    </article>
  );
}

/** The whole text, with line breaks kept; a goal or plan without its title line again, a celebration with its kind and day. */
function SharedText({ item }: { item: SharedItemText }) {
  if (item.itemType === 'celebration') {
    // The server sends "Celebration (risk taken, 2026-11-20): what happened".
    const m = /^Celebration \(([^,]+), (\d{4}-\d{2}-\d{2})\): ([\s\S]*)$/.exec(item.body);
    const kind = m ? CELEBRATION_KIND_LABEL[m[1].replace(/ /g, '_') as CelebrationKind] : undefined;
    if (m && kind) {
      return (
        <>
          <p className="meta">
            {kind} · <time dateTime={m[2]}>{formatDate(m[2])}</time>
          </p>
          <p className="note-body">{m[3]}</p>
        </>
      );
    }
  }
  if (item.itemType === 'goal' || item.itemType === 'observation_plan') {
    // "Goal: …" and "Observation plan: …" repeat the title shown above.
    const [first = '', ...rest] = item.body.split('\n');
    if (/^(Goal|Observation plan): /.test(first) && rest.length) return <p className="note-body">{rest.join('\n')}</p>;
  }
  return <p className="note-body">{item.body}</p>;
}
