import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { z } from 'zod';
import type { Artifact } from '../../../../../shared/src/api';
import { type Observation, api } from '../../../api';
import { useT } from '../../../i18n';
import { ErrorAlert } from '../../../ui/Alert';
import { recorder } from '../record';
import { m } from './messages';
import '../../clips/clips.css';
import type { Recording } from './useRecording';

type ArtifactData = z.infer<typeof Artifact>;

/**
 * The clip an observation runs on, above its tools (issue 11, item 2: "tools from the observation
 * issue run against the clip's clock"). While it is on screen, every tap of this visit is stamped
 * with the player's position as a time after the visit's start (recorder.setClock), so a count or
 * a verbatim line lands at its moment of the clip wherever the reviewer paused, rewound or skipped;
 * the screen's clock, durations and time-sample intervals read the same position.
 */
export function ClipPlayer({ recording, clip, onPosition }: { recording: Recording; clip: NonNullable<Observation['clip']>; onPosition: (ms: number) => void }) {
  const t = useT(m);
  const player = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  const file = useQuery({ queryKey: ['artifact', clip.artifactId], queryFn: () => api.get<ArtifactData>(`/api/artifacts/${encodeURIComponent(clip.artifactId)}`) });
  const started = Date.parse(recording.startedAt);
  const position = () => Math.min(clip.durationMs, Math.round((player.current?.currentTime ?? 0) * 1000));

  useEffect(() => {
    recorder().setClock(recording.id, () => new Date(started + position()));
    return () => recorder().setClock(recording.id, null);
    // position() reads the player itself: only the visit and its start matter here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [recording.id, started]);

  if (file.error) return <ErrorAlert error={file.error} />;
  const src = `/api/artifacts/${encodeURIComponent(clip.artifactId)}/file?view=1`;
  const report = () => onPosition(position());
  const common = { ref: player, src, controls: true, preload: 'metadata' as const, onTimeUpdate: report, onSeeked: report, onPause: report, className: 'clip-player' };
  return (
    <figure className="clip-on-tools">
      {file.data?.contentType.startsWith('audio/') ? (
        <audio {...common} aria-label={t('clipPlayer')} />
      ) : (
        <video {...common} playsInline aria-label={t('clipPlayer')} poster={file.data?.hasThumbnail ? `/api/artifacts/${encodeURIComponent(clip.artifactId)}/thumbnail` : undefined} />
      )}
      <figcaption className="field-hint">{t('clipClockHint')}</figcaption>
    </figure>
  );
}
