import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ArtifactCommentList } from '../../../../shared/src/api';
import type { Artifact } from '../artifacts/artifactWords';
import { api } from '../../api';
import { FeedbackSection } from '../feedback/FeedbackSection';
import { usePartnership } from '../partnerships/usePartnership';
import { commentsKey } from './ClipReview';

const NO_VIEWS: never[] = [];

/**
 * Written feedback on a clip, below its comments: the same composer as on an observation, whose
 * evidence here is the clip's moments — the one on screen, or one a comment was made at (its words
 * quoted as written) — and the partnership's other files. Members only; the server holds it from
 * the coachee until she has watched her clip.
 */
export function ClipFeedback({ a, position }: { a: Artifact; position: number }) {
  const p = usePartnership();
  // The same list the comments above show (one request, one logged read).
  const comments = useQuery({ queryKey: commentsKey(a.id), queryFn: () => api.get<z.infer<typeof ArtifactCommentList>>(`/api/artifacts/${encodeURIComponent(a.id)}/comments`) });
  if (!p.abilities.readContent) return null;
  const moments = (comments.data?.items ?? []).filter((c) => c.body.trim()).map((c) => ({ commentId: c.id, atMs: c.atMs, text: c.body }));
  return (
    <FeedbackSection
      p={p}
      target={{ kind: 'clip', id: a.id, partnershipId: a.partnershipId, subjectId: a.subjectId, ended: true, views: NO_VIEWS, durationMs: a.media?.durationMs ?? null, position, moments }}
    />
  );
}
