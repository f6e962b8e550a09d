import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { type Goal, type ObservationSummary, type PartnershipDetail, api } from '../../api';
import { useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Page';
import { ShowMore } from '../../ui/ShowMore';
import { focusSaved, focusSoon } from '../../ui/focus';
import { ClipUploadForm } from '../clips/ClipUploadForm';
import { goalsKey } from '../goals/goalWords';
import { recordsKey } from '../observations/review/recordWords';
import { usePartnershipQuery } from '../partnerships/usePartnership';
import { type Attachment, ArtifactCard } from './ArtifactCard';
import { ArtifactForm } from './ArtifactForm';
import { type Artifact, artifactHref } from './artifactWords';
import { m } from './messages';
import { useArtifactList } from './useArtifacts';
import './artifacts.css';

export interface ArtifactListProps {
  partnershipId: string;
  /** Only this observation's artifacts; "Add evidence" attaches to it. */
  observationId?: string;
  /** Only this goal's artifacts; "Add evidence" attaches to it. */
  goalId?: string;
  /** When given, each artifact has an "Insert" button that hands it to the caller (the feedback composer). */
  onPick?: (artifact: Artifact) => void;
  /** Whether to offer "Add evidence" (when the server lets the viewer add); true unless the caller only picks. */
  canAdd?: boolean;
}

/** Whether the viewer may add evidence to this partnership: the server's answer ('artifact.upload'), never worked out here. */
export function mayAddEvidence(p: PartnershipDetail): boolean {
  return p.abilities.uploadArtifacts;
}

/** The element id of one artifact in one list (a page may show the same artifact in two lists). */
const cardDomId = (listId: string, artifactId: string) => `${listId}-artifact-${artifactId}`.replace(/:/g, '');

/**
 * The photos, documents, student work and clips of a partnership — all of them, or those of one
 * observation or one goal — newest first, with "Add evidence" and "Add a clip" (attached to that
 * observation or goal when the list is theirs; a saved clip opens on its own page). Reusable: the feedback composer passes `onPick` to insert
 * one into what it writes.
 */
export function ArtifactList({ partnershipId, observationId, goalId, onPick, canAdd = true }: ArtifactListProps) {
  const t = useT(m);
  const listId = useId().replace(/:/g, '');
  const partnership = usePartnershipQuery(partnershipId);
  const p = partnership.data;
  const filter = { observationId, goalId };
  const scoped = !!(observationId || goalId);
  const list = useArtifactList(partnershipId, filter, !p || p.abilities.readContent);
  /** Which form is open, if any: "Add evidence" (a photo or a document) or "Add a clip". */
  const [adding, setAdding] = useState<'evidence' | 'clip' | null>(null);
  const navigate = useNavigate();
  const [notice, setNotice] = useState('');
  const items = list.data?.pages.flatMap((pg) => pg.items) ?? [];
  const addAllowed = canAdd && !!p && mayAddEvidence(p);
  const attachments = useAttachments(partnershipId, !scoped && items.some((a) => a.goalId || a.observationId));

  const addButtonId = `${listId}-add`;
  const addClipButtonId = `${listId}-add-clip`;
  const firstFieldId = `${listId}-file`;
  const noticeId = `${listId}-notice`;

  return (
    <div className="artifact-list-wrap">
      <div id={noticeId} className="artifact-list-notice" role="status">
        {notice ? <p className="success-text">{notice}</p> : null}
      </div>
      {addAllowed && p ? (
        adding === 'evidence' ? (
          <ArtifactForm
            p={p}
            attach={filter}
            firstFieldId={firstFieldId}
            onSaved={(saved) => {
              setAdding(null);
              setNotice(t('added'));
              focusSaved(cardDomId(listId, saved.id));
            }}
            onCancel={() => {
              setAdding(null);
              focusSoon(addButtonId);
            }}
          />
        ) : adding === 'clip' ? (
          <ClipUploadForm
            p={p}
            attach={filter}
            firstFieldId={firstFieldId}
            onSaved={(saved) => {
              setAdding(null);
              // The clip's page, where it plays; focus on its heading (ArtifactPage's section "artifact").
              navigate(artifactHref(p.id, saved.id));
              focusSaved('artifact-title');
            }}
            onCancel={() => {
              setAdding(null);
              focusSoon(addClipButtonId);
            }}
          />
        ) : (
          <div className="button-row evidence-add">
            <Button
              id={addButtonId}
              variant={scoped ? 'secondary' : 'primary'}
              onClick={() => {
                setNotice('');
                setAdding('evidence');
                focusSoon(firstFieldId);
              }}
            >
              {t('addOpen')}
            </Button>
            <Button
              id={addClipButtonId}
              variant="secondary"
              onClick={() => {
                setNotice('');
                setAdding('clip');
                focusSoon(firstFieldId);
              }}
            >
              {t('addClipOpen')}
            </Button>
          </div>
        )
      ) : null}

      {list.isPending && list.fetchStatus !== 'idle' ? <Loading what={t('loading')} /> : null}
      <ErrorAlert error={list.error} />
      {list.isSuccess && items.length === 0 ? <p className="muted">{observationId ? t('emptyObservation') : goalId ? t('emptyGoal') : t('empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="artifact-list" aria-label={t('listLabel', { scope: observationId ? 'observation' : goalId ? 'goal' : 'all' })}>
          {items.map((a) => (
            <li key={a.id}>
              <ArtifactCard
                a={a}
                p={p}
                domId={cardDomId(listId, a.id)}
                attachment={scoped ? undefined : attachments(a)}
                onPick={onPick}
                onRemoved={() => {
                  setNotice(t('removed'));
                  focusSaved(noticeId);
                }}
              />
            </li>
          ))}
        </ul>
      ) : null}
      <ShowMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} what={t('more')} />
    </div>
  );
}

/**
 * What an artifact is attached to, named from the goals and observations the partnership's
 * sections load (the same cached lists): fetched only when some artifact in the list has one.
 */
function useAttachments(partnershipId: string, needed: boolean): (a: Artifact) => Attachment | undefined {
  const t = useT(m);
  const goals = useQuery({ queryKey: goalsKey(partnershipId), queryFn: () => api.get<{ items: Goal[] }>(`/api/partnerships/${partnershipId}/goals`), enabled: needed });
  const records = useQuery({ queryKey: recordsKey(partnershipId), queryFn: () => api.get<{ items: ObservationSummary[] }>(`/api/partnerships/${partnershipId}/observations`), enabled: needed });
  return (a) => {
    if (a.goalId) {
      const g = goals.data?.items.find((x) => x.id === a.goalId);
      return g ? { kind: 'goal', title: g.title } : undefined;
    }
    if (a.observationId) {
      const o = records.data?.items.find((x) => x.id === a.observationId);
      return o ? { kind: 'observation', title: o.focus.trim() || t('untitledObservation') } : undefined;
    }
    return undefined;
  };
}

/** On a goal's card: "Evidence (n)", folded, opening onto that goal's artifacts and "Add evidence" attached to it. */
export function GoalEvidence({ partnershipId, goalId }: { partnershipId: string; goalId: string }) {
  const t = useT(m);
  const list = useArtifactList(partnershipId, { goalId });
  const count = list.data?.pages.reduce((n, pg) => n + pg.items.length, 0);
  return (
    <details className="goal-evidence">
      <summary>{count === undefined ? t('goalEvidenceUnknown') : t('goalEvidence', { count, more: !!list.hasNextPage })}</summary>
      <ArtifactList partnershipId={partnershipId} goalId={goalId} />
    </details>
  );
}

/** On an observation's review page: its photos, documents and student work, and "Add evidence" attached to it. */
export function ObservationEvidence({ partnershipId, observationId }: { partnershipId: string; observationId: string }) {
  const t = useT(m);
  const id = useId().replace(/:/g, '');
  return (
    <section className="review-evidence no-print" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('observationTitle')}</h3>
      <p className="muted">{t('observationLead')}</p>
      <ArtifactList partnershipId={partnershipId} observationId={observationId} />
    </section>
  );
}
