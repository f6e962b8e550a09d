import { type InfiniteData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { type AccessEvent, type Page, api, query } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Checkbox, SelectField } from '../../ui/Field';
import { Loading, PageTitle } from '../../ui/Page';
import { ShowMore } from '../../ui/ShowMore';
import type { WhoHasSeenState } from './WhoHasSeenLink';
import { useLanguage, useT } from '../../i18n';
import { NotForYou as NotForYouPage } from '../../ui/NotForYou';
import { useSignedIn } from '../session/session';
import { accessLogKey, atWhatTime, basisLabel, howOften, itemName, kindLabel, partnershipPhrase, relationLabel } from './accessLogWords';
import { m } from './messages';

type Filter = { actorId: string; itemType: string; itemId: string };
const itemKeyOf = (itemType: string, itemId: string | null) => `${itemType}:${itemId ?? ''}`;

/**
 * "Who saw what, when": reads of the coachee's content, newest first, one row
 * per item, person and day. The filters live in the address
 * (?actorId=…&itemType=…&itemId=…), so "Who has seen this" on any item opens
 * the log already narrowed to it. Someone no coaching content is about (a
 * supervisor, a program leader, a coach) who opens the address is told what
 * the page is for instead of being shown an empty log.
 */
export function AccessLogPage() {
  const me = useSignedIn();
  return me.abilities.readAccessLog ? <AccessLog /> : <NotForYou />;
}

function NotForYou() {
  const t = useT(m);
  return <NotForYouPage className="access-log" title={t('title')} lead={t('notForYou')} next={t('notForYouNext')} backHome={t('backHome')} />;
}

function AccessLog() {
  const t = useT(m);
  const { language } = useLanguage();
  const me = useSignedIn();
  // The reader's own reads (shown when "include my own" is on) are named as theirs.
  const personName = (e: AccessEvent) => (e.actorId === me.personId ? t('nameYou', { name: e.actorName }) : e.actorName);
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const client = useQueryClient();
  const [includeOwn, setIncludeOwn] = useState(false);
  const filter: Filter = { actorId: params.get('actorId') ?? '', itemType: params.get('itemType') ?? '', itemId: params.get('itemId') ?? '' };
  const log = useInfiniteQuery({
    queryKey: [...accessLogKey, { includeOwn, ...filter }],
    queryFn: ({ pageParam }) => api.get<Page<AccessEvent>>(`/api/access-log${query({ cursor: pageParam, includeOwn: includeOwn ? 'true' : 'false', ...filter })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];

  // The people and items to choose from: everything loaded so far, under any filter.
  const loaded = client.getQueriesData<InfiniteData<Page<AccessEvent>>>({ queryKey: accessLogKey }).flatMap(([, data]) => data?.pages.flatMap((p) => p.items) ?? []);
  const people = new Map<string, string>();
  const things = new Map<string, { itemType: string; itemId: string | null; label: string }>();
  for (const e of loaded) {
    people.set(e.actorId, personName(e));
    things.set(itemKeyOf(e.itemType, e.itemId), { itemType: e.itemType, itemId: e.itemId, label: itemName(t, e) });
  }
  const chosenItem = filter.itemType ? itemKeyOf(filter.itemType, filter.itemId || null) : '';
  const stateTitle = (location.state as WhoHasSeenState | null)?.title;
  const chosenTitle = stateTitle ?? things.get(chosenItem)?.label ?? kindLabel(t, filter.itemType);
  const chosenName = people.get(filter.actorId)?.replace(/ \(you\)$/, '') ?? t('thisPerson');
  const filtered = !!(filter.actorId || filter.itemType);

  const setFilter = (next: Partial<Filter>) =>
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(next)) {
          if (v) out.set(k, v);
          else out.delete(k);
        }
        return out;
      },
      // Keep the item's name for the "Showing who has seen" line while the person filter changes.
      { replace: true, state: location.state },
    );

  const byName = (a: [string, string], b: [string, string]) => a[1].localeCompare(b[1]);
  const personOptions = [...people].sort(byName);
  if (filter.actorId && !people.has(filter.actorId)) personOptions.unshift([filter.actorId, t('chosenPerson')]);
  const itemOptions = [...things].map(([key, t]) => [key, t.label] as [string, string]).sort(byName);
  if (chosenItem && !things.has(chosenItem)) itemOptions.unshift([chosenItem, chosenTitle]);

  return (
    <div className="access-log">
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      <p className="lead">{t('lead')}</p>

      <div className="log-filters">
        <SelectField label={t('who')} value={filter.actorId} onChange={(e) => setFilter({ actorId: e.target.value })}>
          <option value="">{t('everyone')}</option>
          {personOptions.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('what')}
          value={chosenItem}
          onChange={(e) => {
            const t = things.get(e.target.value);
            setFilter(t ? { itemType: t.itemType, itemId: t.itemId ?? '' } : { itemType: '', itemId: '' });
          }}
        >
          <option value="">{t('everything')}</option>
          {itemOptions.map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </SelectField>
        <Checkbox label={t('includeOwn')} checked={includeOwn} onChange={(e) => setIncludeOwn(e.target.checked)} />
      </div>

      {filtered ? (
        <Alert tone="info">
          <p className="filter-state">
            {filter.itemType && filter.actorId ? (
              <>
                {t('showingPersonItem', { name: chosenName })} <strong>{chosenTitle}</strong>
              </>
            ) : filter.itemType ? (
              <>
                {t('showingItem')} <strong>{chosenTitle}</strong>
              </>
            ) : (
              <>{t('showingPerson', { name: chosenName })}</>
            )}{' '}
            — <Link to="/access-log">{t('showEverything')}</Link>
          </p>
        </Alert>
      ) : null}

      {log.isPending ? <Loading what={t('loading')} /> : null}
      <ErrorAlert error={log.error} />
      {!log.isPending && !log.error && items.length === 0 ? (
        <p>
          {filter.itemType
            ? includeOwn
              ? t('nobodyOpenedOwn')
              : t('nobodyElseOpened')
            : filter.actorId
              ? t('nothingForPerson')
              : t('nobodyElseRead')}
        </p>
      ) : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="responsive-table access-log-table">
            <caption className="visually-hidden">
              {filtered ? t('captionFiltered') : t('caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('what')}</th>
                <th scope="col">{t('who')}</th>
                <th scope="col">{t('when')}</th>
                <th scope="col">{t('partnership')}</th>
                <th scope="col">{t('why')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td data-label={t('what')}>
                    <div className="log-cell">
                      <span className="log-item">{itemName(t, e)}</span>
                      {e.itemTitle && e.itemTitle !== kindLabel(t, e.itemType) ? <span className="meta">{kindLabel(t, e.itemType)}</span> : null}
                      {e.sharedWith ? <span className="meta">{t('sharedWith', { name: e.sharedWith })}</span> : null}
                    </div>
                  </td>
                  <td data-label={t('who')}>
                    <div className="log-cell">
                      <span className="log-person">{personName(e)}</span>
                      <span className="meta">{relationLabel(t, e.relation)}</span>
                    </div>
                  </td>
                  <td data-label={t('when')}>
                    <div className="log-cell">
                      <span className="log-often">{howOften(t, language, e)}</span>
                      <time className="meta" dateTime={e.at}>
                        {atWhatTime(t, language, e)}
                      </time>
                    </div>
                  </td>
                  <td data-label={t('partnership')}>{partnershipPhrase(t, e.partners)}</td>
                  <td data-label={t('why')}>{basisLabel(t, e.basis)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ShowMore hasMore={!!log.hasNextPage} loading={log.isFetchingNextPage} onMore={() => log.fetchNextPage()} what={t('entries')} />
    </div>
  );
}
