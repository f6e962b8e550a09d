import { type InfiniteData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type Message, type Page, api, query } from '../../api';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading, Section } from '../../ui/Page';
import { usePartnership } from '../partnerships/usePartnership';
import { useSignedIn } from '../session/session';
import { MessageComposer } from './MessageComposer';
import { MessageEntry, messageDomId } from './MessageEntry';
import { PAGE_SIZE, messagesKey } from './messageWords';
import { focusSoon } from '../../ui/focus';
import { useT } from '../../i18n';
import { m as words } from './messages';

export type MessagePages = InfiniteData<Page<Message>, string | undefined>;

/** Messages and resource requests inside the partnership: the conversation, oldest at the top, and a composer below it. */
export function MessagesSection() {
  const t = useT(words);
  const p = usePartnership();
  const me = useSignedIn();
  const list = useInfiniteQuery({
    queryKey: messagesKey(p.id),
    queryFn: ({ pageParam }) => api.get<Page<Message>>(`/api/partnerships/${p.id}/messages${query({ limit: PAGE_SIZE, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: p.abilities.readContent,
    // A conversation moves on while the tab is open.
    refetchInterval: 60_000,
  });
  const [notice, setNotice] = useState('');
  if (!p.abilities.readContent) return <p>{t('membersOnly')}</p>;

  const canWrite = p.abilities.sendMessages;
  // Pages arrive newest first; a conversation reads from the top down, oldest first.
  const items = (list.data?.pages.flatMap((page) => page.items) ?? []).slice().reverse();
  const waitingForMe = items.filter((m) => m.kind === 'resource_request' && !m.fulfilledAt && m.requestedFrom === me.personId).length;

  async function showOlder() {
    const before = new Set(items.map((m) => m.id));
    const result = await list.fetchNextPage();
    // Keep the keyboard where the reader is: on the oldest message that just arrived.
    const all = (result.data?.pages.flatMap((page) => page.items) ?? []).slice().reverse();
    const first = all.find((m) => !before.has(m.id));
    if (first) focusSoon(messageDomId(first.id));
  }

  return (
    <Section title={t('title')} id="messages">
      <p className="lead">{t('lead')}</p>
      {waitingForMe > 0 ? <p className="needs-you">{t('waitingForMe', { count: waitingForMe })}</p> : null}
      <h3 id="conversation-title">{t('conversation')}</h3>
      {list.isPending ? <Loading what={t('loading')} /> : null}
      <ErrorAlert error={list.error} />
      {list.hasNextPage ? (
        <p className="show-more">
          <Button variant="secondary" busy={list.isFetchingNextPage} onClick={showOlder}>
            {list.isFetchingNextPage ? t('loadingMore') : t('showOlder')}
          </Button>
        </p>
      ) : null}
      {!list.isPending && !list.error && items.length === 0 ? <p>{t('empty')}</p> : null}
      {items.length > 0 ? (
        <ol className="message-list" aria-labelledby="conversation-title">
          {items.map((m) => (
            <li key={m.id} className={m.authorId === me.personId ? 'from-me' : 'from-them'}>
              <MessageEntry m={m} p={p} />
            </li>
          ))}
        </ol>
      ) : null}
      <div className="message-notice" role="status">
        {notice ? <p className="success-text">{notice}</p> : null}
      </div>
      {canWrite ? (
        <MessageComposer p={p} onSent={setNotice} />
      ) : p.status === 'closed' ? (
        <p className="muted">{t('closed')}</p>
      ) : null}
    </Section>
  );
}
