import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { SHARE_CATEGORIES, type ShareCategory } from '../../../../shared/src/domain';
import { type Share, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading, Section } from '../../ui/Page';
import { formatDateTime } from '../../ui/format';
import { usePartnership } from '../partnerships/usePartnership';
import { SHARE_ITEM_TYPES, ShareForm, type ShareItemType } from './ShareForm';
import { useLanguage, useT } from '../../i18n';
import { m } from './messages';

/** Stands for the link in a sentence, so it can sit wherever a language puts it. */
const LINK = '\u0001';

/** The coachee's shares from this partnership: who can read what, until when; withdraw any of them. */
export function SharingSection() {
  const t = useT(m);
  const p = usePartnership();
  const [sharingAll, setSharingAll] = useState<ShareCategory | null>(null);
  const shares = useQuery({ queryKey: ['shares', p.id], queryFn: () => api.get<{ items: Share[] }>(`/api/partnerships/${p.id}/shares`), enabled: p.abilities.share });
  if (!p.abilities.share) return <p>{t('onlyCoachee')}</p>;
  const items = shares.data?.items ?? [];
  const [introBefore, introAfter] = t('intro', { link: LINK }).split(LINK);
  return (
    <Section title={t('title')} id="sharing">
      <p>
        {introBefore}
        <Link to="/access-log">{t('introLink')}</Link>
        {introAfter}
      </p>
      {shares.isPending ? <Loading what={t('loading')} /> : null}
      <ErrorAlert error={shares.error} />
      {!shares.isPending && items.length === 0 ? <p>{t('none')}</p> : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="responsive-table">
            <caption className="visually-hidden">{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('col_with')}</th>
                <th scope="col">{t('col_what')}</th>
                <th scope="col">{t('col_state')}</th>
                <th scope="col">{t('col_sharedOn')}</th>
                <th scope="col">{t('col_ends')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('col_actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <ShareRow key={s.id} share={s} partnershipId={p.id} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Section title={t('shareAllTitle')} id="share-all" level={3}>
        <p>{t('shareAllIntro')}</p>
        {sharingAll ? (
          <ShareForm partnershipId={p.id} target={{ category: sharingAll }} exclude={p.members.map((m) => m.personId)} onDone={() => setSharingAll(null)} />
        ) : (
          <div className="button-row">
            {SHARE_CATEGORIES.map((c) => (
              <Button key={c} variant="secondary" onClick={() => setSharingAll(c)}>
                {t('shareAll', { category: c })}
              </Button>
            ))}
          </div>
        )}
      </Section>
    </Section>
  );
}

function ShareRow({ share, partnershipId }: { share: Share; partnershipId: string }) {
  const t = useT(m);
  const { language } = useLanguage();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation({
    mutationFn: () => api.delete<Share>(`/api/shares/${share.id}`),
    onSuccess: () => {
      setConfirming(false);
      client.invalidateQueries({ queryKey: ['shares', partnershipId] });
    },
  });
  const kind = share.itemType && (SHARE_ITEM_TYPES as readonly string[]).includes(share.itemType) ? (share.itemType as ShareItemType) : share.itemType === 'profile' ? 'profile' : 'note';
  const what = share.category
    ? t('whatAll', { category: share.category })
    : kind === 'profile'
      ? t('whatProfile')
      : share.itemExcerpt
        ? t('whatExcerpt', { kind, excerpt: share.itemExcerpt })
        : t('whatOne', { kind });
  return (
    <tr>
      <td data-label={t('col_with')}>{share.granteeName}</td>
      <td data-label={t('col_what')}>
        {what}
        {share.note ? <span className="muted"> — “{share.note}”</span> : null}
      </td>
      <td data-label={t('col_state')}>
        <span className={`state state-${share.state}`}>{t(`state_${share.state}`)}</span>
        {share.revokedAt ? <span className="muted"> {formatDateTime(share.revokedAt, language)}</span> : null}
      </td>
      <td data-label={t('col_sharedOn')}>{formatDateTime(share.createdAt, language)}</td>
      <td data-label={t('col_ends')}>{share.expiresAt ? formatDateTime(share.expiresAt, language) : t('untilWithdrawn')}</td>
      <td data-label={t('col_actions')}>
        {share.state === 'live' && !confirming ? (
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            {t('withdraw')}
            <span className="visually-hidden"> {t('withdrawHidden', { name: share.granteeName })}</span>
          </Button>
        ) : null}
        {confirming ? (
          <div className="confirm">
            <Alert tone="warning">
              <p>{t('confirmWithdraw', { name: share.granteeName })}</p>
            </Alert>
            <div className="button-row">
              <Button variant="danger" busy={revoke.isPending} onClick={() => revoke.mutate()}>
                {t('yesWithdraw')}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                {t('keepSharing')}
              </Button>
            </div>
            <ErrorAlert error={revoke.error} />
          </div>
        ) : null}
      </td>
    </tr>
  );
}
