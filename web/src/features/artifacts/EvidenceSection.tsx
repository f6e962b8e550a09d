import { useT } from '../../i18n';
import { Section } from '../../ui/Page';
import { usePartnership } from '../partnerships/usePartnership';
import { ArtifactList, mayAddEvidence } from './ArtifactList';
import { m } from './messages';

/**
 * Evidence: the photos, documents and student work of a partnership, for its members, with
 * "Add evidence". Which of them the viewer may change or share is on each one (`abilities`).
 */
export function EvidenceSection() {
  const p = usePartnership();
  const t = useT(m);
  if (!p.abilities.readContent) {
    return (
      <Section title={t('title')} id="evidence">
        <p>{t('notMember')}</p>
      </Section>
    );
  }
  return (
    <Section title={t('title')} id="evidence" className="evidence-section">
      <p className="lead">{t('lead')}</p>
      {!mayAddEvidence(p) && p.status === 'closed' ? <p className="muted">{t('closed')}</p> : null}
      <ArtifactList partnershipId={p.id} />
    </Section>
  );
}
