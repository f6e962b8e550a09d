import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ContentKind, ShareCategory } from '../../../../shared/src/domain';
import { type AccessEvent, type Page, api, query } from '../../api';
import { ErrorAlert } from '../../ui/Alert';
import { Checkbox } from '../../ui/Field';
import { Loading, PageTitle } from '../../ui/Page';
import { ShowMore } from '../../ui/ShowMore';
import { formatDateTime } from '../../ui/format';

const ACTION_LABEL: Record<AccessEvent['action'], string> = { view: 'Read', export: 'Downloaded', print: 'Printed', share: 'Shared', revoke: 'Withdrew a share' };
/** Every kind of coaching content, so a new kind fails to compile until it has words here. */
const KIND_LABEL: Record<ContentKind, string> = {
  note: 'A note',
  profile: 'Getting-to-know-you profile',
  goal: 'A goal and its plan',
  meeting: 'A session agenda',
  celebration: 'A celebration',
  strength: 'Strengths and needs',
  observation_plan: 'An observation plan',
  reflection: 'A reflection',
  message: 'A message',
  concern: 'A concern',
};
/** Shares and withdrawals of a whole category are logged under the category's name. */
const CATEGORY_LABEL: Record<ShareCategory, string> = {
  notes: 'All your notes',
  goals: 'All your goals',
  celebrations: 'All your celebrations',
  strengths: 'All your strengths and needs',
  observation_plans: 'All your observation plans',
  reflections: 'All your reflections',
};
const ITEM_LABEL: Record<string, string> = { ...KIND_LABEL, ...CATEGORY_LABEL, agreement: 'The agreement' };
/** The server words these from the reader's side ("raised with you"); the coachee reads them about the reader. */
const RELATION_LABEL: Record<string, string> = {
  'supervisor (concern raised with you)': 'Supervisor (a concern was raised with them)',
  'supervisor (shared with you)': 'Supervisor',
  'shared with you': 'Colleague',
};
const relationLabel = (relation: string) => RELATION_LABEL[relation] ?? relation.charAt(0).toUpperCase() + relation.slice(1);
const BASIS_LABEL: Record<string, string> = { 'member of the partnership': 'Member of the partnership', 'you shared it': 'You shared it with them' };
const basisLabel = (basis: string) =>
  basis.startsWith('escalation:') ? 'A concern was raised with them after it was talked over with you' : (BASIS_LABEL[basis] ?? basis);

/** "Who saw what, when": every read of the coachee's content, newest first. */
export function AccessLogPage() {
  const [includeOwn, setIncludeOwn] = useState(false);
  const log = useInfiniteQuery({
    queryKey: ['access-log', includeOwn],
    queryFn: ({ pageParam }) => api.get<Page<AccessEvent>>(`/api/access-log${query({ cursor: pageParam, includeOwn: includeOwn ? 'true' : 'false' })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div>
      <PageTitle title="Who has seen my coaching content">Who has seen my coaching content</PageTitle>
      <p className="lead">
        Every time someone reads your coaching content — notes, goals, plans, reflections and the rest — Tandem writes it down here. Nobody — not even a
        program leader — can edit or delete these entries.
      </p>
      <Checkbox label="Include my own reads" checked={includeOwn} onChange={(e) => setIncludeOwn(e.target.checked)} />
      {log.isPending ? <Loading what="the access log" /> : null}
      <ErrorAlert error={log.error} />
      {!log.isPending && items.length === 0 ? <p>Nobody else has read your coaching content yet.</p> : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="responsive-table">
            <caption className="visually-hidden">Reads of your coaching content, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">As</th>
                <th scope="col">Did</th>
                <th scope="col">What</th>
                <th scope="col">Why they could</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td data-label="When">
                    <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                  </td>
                  <td data-label="Who">{e.actorName}</td>
                  <td data-label="As">{relationLabel(e.relation)}</td>
                  <td data-label="Did">{ACTION_LABEL[e.action] ?? e.action}</td>
                  <td data-label="What">{ITEM_LABEL[e.itemType] ?? e.itemType}</td>
                  <td data-label="Why they could">{basisLabel(e.basis)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ShowMore hasMore={!!log.hasNextPage} loading={log.isFetchingNextPage} onMore={() => log.fetchNextPage()} what="entries" />
    </div>
  );
}
