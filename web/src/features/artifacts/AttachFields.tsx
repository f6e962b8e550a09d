import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type ApiError, type Goal, type ObservationSummary, type PartnershipDetail, api } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { SelectField } from '../../ui/Field';
import { formatDate } from '../../ui/format';
import { GOAL_ORDER, goalsKey, subjectsOf } from '../goals/goalWords';
import { recordsKey } from '../observations/review/recordWords';
import { SubjectOptions } from '../partnerships/SubjectOptions';
import { useSignedIn } from '../session/session';
import type { ArtifactFilter } from './artifactWords';
import { m } from './messages';

function parseTarget(value: string): ArtifactFilter {
  const [kind, id] = value.split(':');
  return kind === 'goal' ? { goalId: id } : kind === 'observation' ? { observationId: id } : {};
}

/**
 * Where new evidence goes, for the photo form and the clip form alike: the goal or observation it
 * is attached to (fixed when the list belongs to one, else chosen: "goal:<id>", "observation:<id>"
 * or nothing), and whose coaching it is when the partnership has several coachees and nothing else
 * says. The goals and observations are the partnership's cached lists, fetched only when asked.
 */
export function useAttachChoice(p: PartnershipDetail, attach: ArtifactFilter) {
  const me = useSignedIn();
  const fixed = !!(attach.observationId || attach.goalId);
  const subjects = subjectsOf(p);
  const [target, setTarget] = useState('');
  const [subjectId, setSubjectId] = useState(() => (subjects.some((s) => s.personId === me.personId) ? me.personId : (subjects[0]?.personId ?? '')));
  const goals = useQuery({ queryKey: goalsKey(p.id), queryFn: () => api.get<{ items: Goal[] }>(`/api/partnerships/${p.id}/goals`), enabled: !fixed });
  const records = useQuery({ queryKey: recordsKey(p.id), queryFn: () => api.get<{ items: ObservationSummary[] }>(`/api/partnerships/${p.id}/observations`), enabled: !fixed });
  const chosen = fixed ? attach : parseTarget(target);
  const askWhose = !fixed && !chosen.goalId && !chosen.observationId && subjects.length > 1;
  return {
    fixed,
    subjects,
    target,
    setTarget,
    subjectId,
    setSubjectId,
    goalChoices: [...(goals.data?.items ?? [])].filter((g) => g.status !== 'set_aside' || `goal:${g.id}` === target).sort((a, b) => GOAL_ORDER[a.status] - GOAL_ORDER[b.status]),
    observationChoices: [...(records.data?.items ?? [])].sort((a, b) => b.startedAt.localeCompare(a.startedAt)),
    listsFailed: goals.isError || records.isError,
    /** What the upload is attached to. */
    chosen,
    askWhose,
    /** The upload's whose-coaching, when it was asked. */
    whose: askWhose ? subjectId || undefined : undefined,
    /** The fields these choices put on screen (a server problem with another goes in the form's message). */
    shown: [...(fixed ? [] : (['attach'] as const)), ...(askWhose ? (['subjectId'] as const) : [])],
    /** The server's problem with what it was attached to, when the form asked (a fixed place is not the writer's choice). */
    attachError: (err: ApiError | null) => (fixed || !err ? undefined : (err.fieldMessage('goalId') ?? err.fieldMessage('observationId'))),
  };
}
export type AttachChoice = ReturnType<typeof useAttachChoice>;

/** The attach-to select and, when needed, the whose-coaching select of an evidence form. */
export function AttachFields({ choice, formId, error, disabled }: { choice: AttachChoice; formId: string; error: (field: 'attach' | 'subjectId') => string | undefined; disabled?: boolean }) {
  const t = useT(m);
  const { language } = useLanguage();
  const me = useSignedIn();
  return (
    <>
      {choice.fixed ? null : (
        <SelectField
          id={`${formId}-attach`}
          label={t('attachLabel')}
          value={choice.target}
          disabled={disabled}
          onChange={(e) => choice.setTarget(e.target.value)}
          error={error('attach')}
          hint={choice.listsFailed ? t('attachListsFailed') : undefined}
        >
          <option value="">{t('attachNothing')}</option>
          {choice.goalChoices.length ? (
            <optgroup label={t('attachGoals')}>
              {choice.goalChoices.map((g) => (
                <option key={g.id} value={`goal:${g.id}`}>
                  {g.title}
                </option>
              ))}
            </optgroup>
          ) : null}
          {choice.observationChoices.length ? (
            <optgroup label={t('attachObservations')}>
              {choice.observationChoices.map((o) => (
                <option key={o.id} value={`observation:${o.id}`}>
                  {t('observationOption', { title: o.focus.trim() || t('untitledObservation'), date: formatDate(o.startedAt, language) })}
                </option>
              ))}
            </optgroup>
          ) : null}
        </SelectField>
      )}
      {choice.askWhose ? (
        <SelectField id={`${formId}-subjectId`} label={t('whose')} value={choice.subjectId} disabled={disabled} onChange={(e) => choice.setSubjectId(e.target.value)} error={error('subjectId')}>
          <SubjectOptions subjects={choice.subjects} meId={me.personId} />
        </SelectField>
      ) : null}
    </>
  );
}
