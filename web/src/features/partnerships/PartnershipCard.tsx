import { Link } from 'react-router';
import type { PartnershipSummary } from '../../api';
import { FORMAT_LABEL, MEMBER_ROLE_LABEL, STATUS_LABEL } from '../../ui/format';

/** The agreement's state in a few words, from the viewer's side. */
export function agreementState(p: PartnershipSummary): string {
  if (p.mySignatureNeeded) return 'Waiting for your signature';
  return p.signatureStatus === 'signed' ? 'Signed by everyone' : p.signatureStatus === 'waiting' ? 'Waiting for signatures' : 'Not written yet';
}

export function memberNames(p: PartnershipSummary, exceptId?: string): string {
  const others = p.members.filter((m) => m.personId !== exceptId && m.state !== 'declined');
  return others.map((m) => `${m.name} (${MEMBER_ROLE_LABEL[m.role].toLowerCase()})`).join(', ') || 'Just you';
}

/** One partnership as a card: a link named by its people, with format, status and cadence. */
export function PartnershipCard({ p, meId, headingLevel = 3 }: { p: PartnershipSummary; meId: string; headingLevel?: 3 | 4 }) {
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const isMember = p.members.some((m) => m.personId === meId);
  return (
    <article className="card partnership-card">
      <H>
        <Link to={`/partnerships/${p.id}`}>
          {FORMAT_LABEL[p.format]} with {memberNames(p, isMember ? meId : undefined)}
        </Link>
      </H>
      <dl className="facts">
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`status status-${p.status}`}>{STATUS_LABEL[p.status]}</span>
          </dd>
        </div>
        <div>
          <dt>Meets</dt>
          <dd>{p.meetingCadence || 'Not agreed yet'}</dd>
        </div>
        <div>
          <dt>Agreement</dt>
          <dd className={p.mySignatureNeeded ? 'needs-you' : undefined}>{agreementState(p)}</dd>
        </div>
        {p.dualRole ? (
          <div>
            <dt>Note</dt>
            <dd>A member also supervises the coachee</dd>
          </div>
        ) : null}
      </dl>
    </article>
  );
}
