import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { Artifact as ArtifactSchema } from '../../../../../shared/src/api';
import { type ObservationPlan, type ObservationSummary, type PartnershipDetail, api } from '../../../api';

type Artifact = z.infer<typeof ArtifactSchema>;
import { useLanguage, useT } from '../../../i18n';
import { ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { Loading, Section } from '../../../ui/Page';
import { focusSoon } from '../../../ui/focus';
import { formatDateTime } from '../../../ui/format';
import { firstName, subjectsOf } from '../../goals/goalWords';
import { useSignedIn } from '../../session/session';
import { m } from './messages';
import { modeText, recordHref, recordsKey, reviewHref, toolNames } from './recordWords';
import { StartObservationForm } from './StartObservationForm';

/**
 * The partnership's observation records, below its plans: when, what it looked at (or that it
 * had no plan), live or recorded, still recording or ended, and its tools. Each opens on the
 * review screen. Whether the viewer may start one is the server's answer (abilities).
 */
export function ObservationRecords({ p, plans }: { p: PartnershipDetail; plans: ObservationPlan[] }) {
  const t = useT(m);
  const { language } = useLanguage();
  const me = useSignedIn();
  const records = useQuery({
    queryKey: recordsKey(p.id),
    queryFn: () => api.get<{ items: ObservationSummary[] }>(`/api/partnerships/${p.id}/observations`),
  });
  // "Observe this clip with a data tool" on a clip's page opens the form here, on that clip.
  const [params, setParams] = useSearchParams();
  const clipId = params.get('clip');
  const clip = useQuery({ queryKey: ['artifact', clipId ?? ''], queryFn: () => api.get<Artifact>(`/api/artifacts/${encodeURIComponent(clipId ?? '')}`), enabled: !!clipId });
  const [starting, setStarting] = useState(() => !!clipId);
  const openId = useId();
  const canStart = p.abilities.startObservation && subjectsOf(p).length > 0;
  const items = records.data?.items ?? [];
  const several = subjectsOf(p).length > 1;

  return (
    <Section title={t('recordsTitle')} id="observation-records" className="observation-records">
      <p className="lead">{t('recordsLead')}</p>
      {canStart && !starting ? (
        <Button id={openId} onClick={() => setStarting(true)}>
          {t('startObservation')}
        </Button>
      ) : null}
      {starting ? (
        clipId && clip.isPending ? (
          <Loading what={t('clipLoading')} />
        ) : (
          <StartObservationForm
            p={p}
            plans={plans}
            clip={clip.data ? { id: clip.data.id, name: clip.data.note.trim() || clip.data.fileName, subjectId: clip.data.subjectId, lengthMs: clip.data.media?.durationMs ?? (Number(params.get('length')) || null) } : undefined}
            onCancel={() => {
              setStarting(false);
              if (clipId) setParams((x) => {
                x.delete('clip');
                x.delete('length');
                return x;
              }, { replace: true });
              focusSoon(openId);
            }}
          />
        )
      ) : null}
      {records.isPending ? <Loading what={t('recordsLoading')} /> : null}
      <ErrorAlert error={records.error} />
      {!records.isPending && !records.error && items.length === 0 ? <p>{t('recordsEmpty')}</p> : null}
      {items.length ? (
        <ul className="plain-list record-list" aria-labelledby="observation-records-title">
          {items.map((o) => {
            const subject = p.members.find((x) => x.personId === o.subjectId);
            return (
              <li key={o.id}>
                <article className={`card record-card record-${o.status}`} aria-labelledby={`record-${o.id}`}>
                  <h3 id={`record-${o.id}`} className="record-title">
                    <Link to={reviewHref(p.id, o.id)}>{o.focus.trim() || t('untitled')}</Link>
                  </h3>
                  <p className="record-meta">
                    <span className={`status record-status-${o.status}`}>{t(`status_${o.status}`)}</span>
                    <span> · {t('startedOn', { date: formatDateTime(o.startedAt, language) })}</span>
                  </p>
                  <ul className="record-facts">
                    <li className={o.planned ? undefined : 'record-no-plan'}>{o.planned ? t('fromPlan') : t('noPlan')}</li>
                    <li>{modeText(t, o.mode)}</li>
                    <li>{t('toolsList', { tools: toolNames(language, o.toolKinds) })}</li>
                    {several ? <li>{t('classroomOf', { who: o.subjectId === me.personId ? 'me' : 'other', name: subject ? firstName(subject.name) : '' })}</li> : null}
                  </ul>
                  {o.status === 'recording' && o.abilities.record ? (
                    <p>
                      <Link className="btn btn-secondary record-go" to={recordHref(p.id, o.id)} aria-describedby={`record-${o.id}`}>
                        {t('goOnRecording')}
                      </Link>
                    </p>
                  ) : null}
                </article>
              </li>
            );
          })}
        </ul>
      ) : null}
    </Section>
  );
}
