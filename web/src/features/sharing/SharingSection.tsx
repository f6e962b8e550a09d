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
import { CATEGORY_WORDS, ITEM_WORD, ShareForm, type ShareItemType } from './ShareForm';

const STATE_LABEL: Record<Share['state'], string> = { live: 'Shared now', expired: 'Ended by itself', revoked: 'Withdrawn' };

/** The coachee's shares from this partnership: who can read what, until when; withdraw any of them. */
export function SharingSection() {
  const p = usePartnership();
  const [sharingAll, setSharingAll] = useState<ShareCategory | null>(null);
  const shares = useQuery({ queryKey: ['shares', p.id], queryFn: () => api.get<{ items: Share[] }>(`/api/partnerships/${p.id}/shares`), enabled: p.abilities.share });
  if (!p.abilities.share) return <p>Only the coachee of this partnership decides what is shared.</p>;
  const items = shares.data?.items ?? [];
  return (
    <Section title="What you have shared" id="sharing">
      <p>
        Your coaching content is yours. Here you can see everything you have shared outside this partnership. Withdrawing a share stops any further
        reading straight away, but it cannot undo reads that already happened — <Link to="/access-log">see who has read what</Link>.
      </p>
      {shares.isPending ? <Loading what="your shares" /> : null}
      <ErrorAlert error={shares.error} />
      {!shares.isPending && items.length === 0 ? <p>You have not shared anything from this partnership.</p> : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="responsive-table">
            <caption className="visually-hidden">Your shares from this partnership</caption>
            <thead>
              <tr>
                <th scope="col">With</th>
                <th scope="col">What</th>
                <th scope="col">State</th>
                <th scope="col">Shared on</th>
                <th scope="col">Ends</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
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
      <Section title="Share a whole kind of content" id="share-all" level={3}>
        <p>
          Instead of one at a time, you can let one colleague read every note, every goal, every celebration — or all of another kind — about your
          coaching in this partnership, including future ones.
        </p>
        {sharingAll ? (
          <ShareForm partnershipId={p.id} target={{ category: sharingAll }} exclude={p.members.map((m) => m.personId)} onDone={() => setSharingAll(null)} />
        ) : (
          <div className="button-row">
            {SHARE_CATEGORIES.map((c) => (
              <Button key={c} variant="secondary" onClick={() => setSharingAll(c)}>
                Share all my {CATEGORY_WORDS[c]} from this partnership with…
              </Button>
            ))}
          </div>
        )}
      </Section>
    </Section>
  );
}

function ShareRow({ share, partnershipId }: { share: Share; partnershipId: string }) {
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation({
    mutationFn: () => api.delete<Share>(`/api/shares/${share.id}`),
    onSuccess: () => {
      setConfirming(false);
      client.invalidateQueries({ queryKey: ['shares', partnershipId] });
    },
  });
  const kind = share.itemType && share.itemType in ITEM_WORD ? ITEM_WORD[share.itemType as ShareItemType] : share.itemType === 'profile' ? 'profile' : 'note';
  const what = share.category
    ? `All my ${CATEGORY_WORDS[share.category] ?? share.category}`
    : kind === 'profile'
      ? 'My getting-to-know-you profile'
      : share.itemExcerpt
        ? `The ${kind} “${share.itemExcerpt}”`
        : `One ${kind}`;
  return (
    <tr>
      <td data-label="With">{share.granteeName}</td>
      <td data-label="What">
        {what}
        {share.note ? <span className="muted"> — “{share.note}”</span> : null}
      </td>
      <td data-label="State">
        <span className={`state state-${share.state}`}>{STATE_LABEL[share.state]}</span>
        {share.revokedAt ? <span className="muted"> {formatDateTime(share.revokedAt)}</span> : null}
      </td>
      <td data-label="Shared on">{formatDateTime(share.createdAt)}</td>
      <td data-label="Ends">{share.expiresAt ? formatDateTime(share.expiresAt) : 'When you withdraw it'}</td>
      <td data-label="Actions">
        {share.state === 'live' && !confirming ? (
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            Withdraw
            <span className="visually-hidden"> the share with {share.granteeName}</span>
          </Button>
        ) : null}
        {confirming ? (
          <div className="confirm">
            <Alert tone="warning">
              <p>
                Withdraw this share? {share.granteeName} will not be able to read it any more. Reads that already happened stay in your access log.
              </p>
            </Alert>
            <div className="button-row">
              <Button variant="danger" busy={revoke.isPending} onClick={() => revoke.mutate()}>
                Yes, withdraw it
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                Keep sharing
              </Button>
            </div>
            <ErrorAlert error={revoke.error} />
          </div>
        ) : null}
      </td>
    </tr>
  );
}
