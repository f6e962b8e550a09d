import { useCallback } from 'react';
import { Link } from 'react-router';
import type { PartnershipSummary } from '../../api';
import { useT } from '../../i18n';
import { useLabels } from '../../ui/format';
import { m } from './card/messages';

type CardT = ReturnType<typeof useT<keyof typeof m.en>>;

/** The agreement's state from the viewer's side, for the catalog's `agreementState` select. */
function agreementState(p: PartnershipSummary): 'mine' | 'signed' | 'waiting' | 'none' {
  if (p.mySignatureNeeded) return 'mine';
  return p.signatureStatus === 'signed' ? 'signed' : p.signatureStatus === 'waiting' ? 'waiting' : 'none';
}

/** "Carmen Diaz (coach), Sam Okafor (mentor coach)" or "Just you", in the reader's language. */
export function memberNames(t: CardT, p: PartnershipSummary, exceptId?: string): string {
  const others = p.members.filter((x) => x.personId !== exceptId && x.state !== 'declined');
  return others.map((x) => t('member', { name: x.name, role: x.role })).join(', ') || t('justYou');
}

/** memberNames() in the reader's language: `const names = useMemberNames(); names(p, meId)`. */
export function useMemberNames(): (p: PartnershipSummary, exceptId?: string) => string {
  const t = useT(m);
  return useCallback((p, exceptId) => memberNames(t, p, exceptId), [t]);
}

/** One partnership as a card: a link named by its people, with format, status and cadence. */
export function PartnershipCard({ p, meId, headingLevel = 3 }: { p: PartnershipSummary; meId: string; headingLevel?: 3 | 4 }) {
  const t = useT(m);
  const labels = useLabels();
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const isMember = p.members.some((x) => x.personId === meId);
  return (
    <article className="card partnership-card">
      <H>
        <Link to={`/partnerships/${p.id}`}>{t('title', { format: labels.format(p.format), names: memberNames(t, p, isMember ? meId : undefined) })}</Link>
      </H>
      <dl className="facts">
        <div>
          <dt>{t('status')}</dt>
          <dd>
            <span className={`status status-${p.status}`}>{labels.status(p.status)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('meets')}</dt>
          <dd>{p.meetingCadence || t('notAgreed')}</dd>
        </div>
        <div>
          <dt>{t('agreement')}</dt>
          <dd className={p.mySignatureNeeded ? 'needs-you' : undefined}>{t('agreementState', { state: agreementState(p) })}</dd>
        </div>
        {p.dualRole ? (
          <div>
            <dt>{t('note')}</dt>
            <dd>{t('dualRole')}</dd>
          </div>
        ) : null}
      </dl>
    </article>
  );
}
