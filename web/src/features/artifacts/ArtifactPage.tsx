import { useId } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alert';
import { Loading, Section } from '../../ui/Page';
import { formatDate } from '../../ui/format';
import { m as uiWords } from '../../ui/messages';
import { usePartnership } from '../partnerships/usePartnership';
import { ClipReview, isClip } from '../clips/ClipReview';
import { ArtifactCard } from './ArtifactCard';
import { evidenceHref, kindOf } from './artifactWords';
import { m } from './messages';
import { useArtifact } from './useArtifacts';
import './artifacts.css';

/**
 * One artifact on its own page (the Evidence section's `evidence/:artifactId`): the picture
 * large, or a document to download, with its note and what the viewer may do with it. Members
 * reach it from the lists; a colleague the coachee shared it with reaches it by its address.
 * Anyone the server does not let read it gets the not-found page, as for a missing one.
 */
export function ArtifactPage() {
  const t = useT(m);
  const ui = useT(uiWords);
  const { language } = useLanguage();
  const p = usePartnership();
  const navigate = useNavigate();
  const { artifactId = '' } = useParams();
  const id = useId().replace(/:/g, '');
  const q = useArtifact(artifactId);

  if (q.isPending) return <Loading what={t('loading')} />;
  if (q.error instanceof ApiError && q.error.status === 404) {
    return (
      <Section title={ui('notFoundHeading')} id="artifact">
        <p>
          {ui('notFoundBody')} <Link to="/">{ui('notFoundHome')}</Link>.
        </p>
      </Section>
    );
  }
  if (!q.data) return <ErrorAlert error={q.error} />;
  const a = q.data;
  // A video or audio clip plays here, with its comments at moments and feedback on it (clips/).
  const clip = isClip(a.contentType);
  return (
    <Section title={t('itemTitle', { kind: kindOf(a.contentType), date: formatDate(a.createdAt, language) })} id="artifact" className="artifact-page">
      {p.abilities.readContent ? (
        <p>
          <Link to={evidenceHref(p.id)}>{t('backToList')}</Link>
        </p>
      ) : null}
      <ArtifactCard a={a} p={p} domId={`${id}-artifact`} large={!clip} onRemoved={() => navigate(evidenceHref(p.id), { replace: true })} />
      {clip ? <ClipReview a={a} /> : null}
    </Section>
  );
}
