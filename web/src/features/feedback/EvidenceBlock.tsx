import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { Artifact, FeedbackBlock } from '../../../../shared/src/api';
import { ApiError, api } from '../../api';
import { useT } from '../../i18n';
import { clockText } from '../observations/tools/useRecording';
import { m } from './messages';

type ArtifactData = z.infer<typeof Artifact>;
type EvidencePart = Extract<FeedbackBlock, { kind: 'artifact' | 'moment' }>;

export const artifactKey = (id: string) => ['artifact', id] as const;
const isClip = (type: string) => type.startsWith('video/') || type.startsWith('audio/');

/**
 * A file or a clip's moment inside written feedback, drawn from the artifact itself: its own read,
 * through the privacy module and logged like any other. A reader who may not see the file (someone
 * the coachee shared the feedback with but not the photo) is told only that it is not shown to
 * them; a removed file says so. A moment links to the clip, ready to play from there.
 */
export function EvidenceBlock({ block, partnershipId }: { block: EvidencePart; partnershipId: string }) {
  const t = useT(m);
  const q = useQuery({
    queryKey: artifactKey(block.artifactId),
    queryFn: () => api.get<ArtifactData>(`/api/artifacts/${encodeURIComponent(block.artifactId)}`),
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });
  if (q.isPending) return <p className="meta feedback-evidence-loading">{t('evidenceLoading')}</p>;
  if (!q.data) {
    return (
      <p className="meta feedback-evidence-missing">
        {q.error instanceof ApiError && q.error.status === 404 ? t('evidenceNotShown') : t('evidenceFailed')}
      </p>
    );
  }
  const a = q.data;
  const name = a.note.trim() || a.fileName;
  const clipAddress = (atMs?: number) => `/partnerships/${encodeURIComponent(partnershipId)}/evidence/${encodeURIComponent(a.id)}${atMs === undefined ? '' : `?at=${atMs}`}`;
  const file = `/api/artifacts/${encodeURIComponent(a.id)}/file`;
  const picture = a.hasThumbnail ? <img className="feedback-evidence-thumb" src={`/api/artifacts/${encodeURIComponent(a.id)}/thumbnail`} alt={block.kind === 'moment' || isClip(a.contentType) ? t('posterOf', { name }) : name} loading="lazy" /> : null;

  if (block.kind === 'moment') {
    return (
      <figure className="feedback-moment">
        {block.text ? (
          <blockquote>
            <p>{block.text}</p>
          </blockquote>
        ) : null}
        <figcaption>
          {t('momentPart', { time: clockText(block.atMs), name })} · <Link to={clipAddress(block.atMs)}>{t('playFrom', { time: clockText(block.atMs) })}</Link>
        </figcaption>
      </figure>
    );
  }
  return (
    <figure className="feedback-file">
      {picture}
      <figcaption>
        {t(isClip(a.contentType) ? 'clipPart' : a.contentType.startsWith('image/') ? 'photoPart' : 'documentPart', { name })} ·{' '}
        {isClip(a.contentType) ? <Link to={clipAddress()}>{t('watchClip')}</Link> : <a href={file}>{t('openFile')}</a>}
      </figcaption>
    </figure>
  );
}
