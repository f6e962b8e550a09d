import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { GoalCarriedOver } from '../../../../shared/src/api';
import type { Goal } from '../../api';
import { api } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alert';
import { Loading } from '../../ui/Page';
import { formatDate } from '../../ui/format';
import { clockText } from '../observations/tools/useRecording';
import { m } from './messages';
import '../clips/clips.css';

/**
 * What was carried over to this goal (issue 11, item 5): feedback and comments at moments of clips
 * linked to it or one of its steps, each with who, when, its first words and the way back to where
 * it was written. Folded, and read (logged) only when opened: a goals page lists many goals.
 */
export function CarriedOver({ goal, partnershipId }: { goal: Goal; partnershipId: string }) {
  const t = useT(m);
  const [open, setOpen] = useState(false);
  return (
    <details className="goal-carried" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t('carriedTitle')}</summary>
      {open ? <CarriedList goal={goal} partnershipId={partnershipId} /> : null}
    </details>
  );
}

function CarriedList({ goal, partnershipId }: { goal: Goal; partnershipId: string }) {
  const t = useT(m);
  const { language } = useLanguage();
  const q = useQuery({ queryKey: ['goal-carried', goal.id], queryFn: () => api.get<z.infer<typeof GoalCarriedOver>>(`/api/goals/${encodeURIComponent(goal.id)}/carried-over`) });
  if (q.isPending) return <Loading what={t('carriedLoading')} />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  if (q.data.items.length === 0) return <p className="field-hint">{t('carriedNone')}</p>;
  const base = `/partnerships/${encodeURIComponent(partnershipId)}`;
  const stepOf = (id: string | null) => (id ? goal.steps.find((st) => st.id === id) : undefined);
  return (
    <ul className="plain-list goal-carried-list">
      {q.data.items.map((item) => {
        const step = stepOf(item.stepId);
        const href =
          item.kind === 'comment' && item.artifactId
            ? `${base}/evidence/${encodeURIComponent(item.artifactId)}?at=${item.atMs ?? 0}`
            : item.observationId
              ? `${base}/observations/${encodeURIComponent(item.observationId)}#feedback-${encodeURIComponent(item.id)}`
              : `${base}/evidence/${encodeURIComponent(item.artifactId ?? '')}#feedback-${encodeURIComponent(item.id)}`;
        return (
          <li key={`${item.kind}-${item.id}`} className="goal-carried-item">
            <p className="meta">
              {item.kind === 'feedback' ? t('carriedFeedback', { name: item.authorName, date: formatDate(item.at, language) }) : t('carriedComment', { name: item.authorName, time: clockText(item.atMs ?? 0), date: formatDate(item.at, language) })}
              {step ? ` · ${t('carriedStep', { n: step.position })}` : ''}
            </p>
            {item.excerpt ? <p>“{item.excerpt}”</p> : null}
            <p>
              <Link to={href}>{item.kind === 'feedback' ? t('carriedOpenFeedback') : t('carriedOpenComment')}</Link>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
