import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { SELF_RATING_LEVELS } from '../../../../shared/src/domain';
import { ApiError, type Goal, type PartnershipDetail, type Practice, type PracticeRatings, type RateBody, type StrengthsResponse, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { FieldSet, Radio, SelectField, TextArea } from '../../ui/Field';
import { useFocusFirstError } from '../../ui/focus';
import { Loading } from '../../ui/Page';
import { goalsKey } from '../goals/goalWords';
import { byCategory, levelLabel, shortDate, strengthsKey } from './strengthWords';
import { useLanguage, useT } from '../../i18n';
import { m } from './messages';

/** Stands for the emphasised words in a message, so they can be shown in bold wherever the language puts them. */
const EMPHASIS_MARK = '\u0000';

/**
 * The coachee's own view of how they use the practices she has chosen, on a
 * four-step scale from "New to me" to "I could show others". The form lists the
 * practices she has rated before and those named in her goals; any other
 * practice of the framework is one "Add" away, so the form stays short on a
 * phone. Only the practices given a level are saved; each save adds a point to
 * the history, so growth shows.
 */
export function RatingForm({
  p,
  subjectId,
  practices,
  mine,
  onSaved,
  onCancel,
}: {
  p: PartnershipDetail;
  /** Whose view this is (the signed-in coachee): her goals bring their practices into the list. */
  subjectId: string;
  practices: Practice[];
  /** The coachee's history so far, to show "last time" beside each practice. */
  mine: PracticeRatings[];
  onSaved: (count: number) => void;
  onCancel: () => void;
}) {
  const client = useQueryClient();
  const t = useT(m);
  const { language } = useLanguage();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [levels, setLevels] = useState<Record<string, number>>({});
  const [comments, setComments] = useState<Record<string, string>>({});
  const [added, setAdded] = useState<string[]>([]);
  const [toAdd, setToAdd] = useState('');
  const [addProblem, setAddProblem] = useState('');
  const [justAdded, setJustAdded] = useState('');
  const [missing, setMissing] = useState('');
  const sent = useRef<string[]>([]);
  /** Bumped when the form refuses to send (nothing chosen), so focus goes to the message. */
  const [refused, setRefused] = useState(0);

  const goals = useQuery({
    queryKey: goalsKey(p.id),
    queryFn: () => api.get<{ items: Goal[] }>(`/api/partnerships/${p.id}/goals`),
  });

  useEffect(() => {
    document.getElementById(`${formId}-heading`)?.focus();
  }, [formId]);

  // A practice just added: focus moves to its scale, where the next answer is.
  useEffect(() => {
    if (!justAdded) return;
    const name = `${formId}-${justAdded}`;
    formRef.current?.querySelector<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(name)}"]:checked`)?.focus();
  }, [justAdded, formId]);

  const visible = practices.filter((pr) => !pr.archived);
  /** Chosen practices: rated before, named in one of her goals still in play, or added here. */
  const ratedBefore = new Set(mine.filter((r) => r.history.length > 0).map((r) => r.practiceId));
  const inGoals = new Set((goals.data?.items ?? []).filter((g) => g.subjectId === subjectId && g.status !== 'set_aside').flatMap((g) => g.practiceIds));
  const shown = visible.filter((pr) => ratedBefore.has(pr.id) || inGoals.has(pr.id) || added.includes(pr.id));
  const addable = visible.filter((pr) => !shown.includes(pr));

  const addPractice = () => {
    if (!toAdd) {
      setAddProblem(t('pickFirst'));
      // Back on the list, so the message is read with it.
      document.getElementById(`${formId}-add`)?.focus();
      return;
    }
    setAddProblem('');
    setAdded((a) => [...a, toAdd]);
    setJustAdded(toAdd);
    setToAdd('');
  };

  const save = useMutation({
    mutationFn: () => {
      const chosen = shown.filter((pr) => (levels[pr.id] ?? 0) > 0);
      sent.current = chosen.map((pr) => pr.id);
      const body: RateBody = { ratings: chosen.map((pr) => ({ practiceId: pr.id, level: levels[pr.id] as 1 | 2 | 3 | 4, comment: (comments[pr.id] ?? '').trim() })) };
      return api.post<StrengthsResponse>(`/api/partnerships/${p.id}/strengths/ratings`, body);
    },
    onSuccess: (next) => {
      client.setQueryData(strengthsKey(p.id), next);
      onSaved(sent.current.length);
    },
  });

  const err = save.error instanceof ApiError ? save.error : null;
  // After a refused save, focus goes to the practice with a problem, or the message.
  useFocusFirstError(formRef, save.error, refused);
  /** Server problems come as ratings.<index>.<field>; find the practice by what was sent. */
  const problemFor = (practiceId: string, field: 'level' | 'comment' | 'practiceId') => {
    const i = sent.current.indexOf(practiceId);
    return i < 0 ? undefined : err?.fieldMessage(`ratings.${i}.${field}`);
  };
  const otherError = err && !err.details.some((d) => /^ratings\.\d+\./.test(d.path));
  const latest = (practiceId: string) => {
    const h = mine.find((r) => r.practiceId === practiceId)?.history ?? [];
    return h[h.length - 1];
  };
  const chosenCount = shown.filter((pr) => (levels[pr.id] ?? 0) > 0).length;
  const ready = !goals.isPending;
  const [introBefore, introAfter] = t('ratingIntro', { own: EMPHASIS_MARK }).split(EMPHASIS_MARK);

  return (
    <form
      ref={formRef}
      className="form rating-form card"
      noValidate
      aria-labelledby={`${formId}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        if (chosenCount === 0) {
          save.reset();
          setMissing(t('chooseOne'));
          setRefused((n) => n + 1);
          return;
        }
        setMissing('');
        save.mutate();
      }}
    >
      <h3 id={`${formId}-heading`} tabIndex={-1}>
        {t('ratingHeading')}
      </h3>
      <p>
        {introBefore}
        <strong>{t('ownView')}</strong>
        {introAfter}
      </p>
      {!ready ? <Loading what={t('loadingYours')} /> : null}
      {ready && shown.length > 0 ? <p className="muted">{t('shownIntro')}</p> : null}
      {ready && shown.length === 0 ? <p>{t('noneShown')}</p> : null}
      {byCategory(shown).map((group) => (
        <FieldSet key={group.category} legend={group.category} className="rating-category">
          {group.items.map((pr) => {
            const level = levels[pr.id] ?? 0;
            const last = latest(pr.id);
            return (
              <FieldSet
                key={pr.id}
                legend={pr.name}
                className="rating-group"
                hint={
                  <>
                    {pr.description}
                    {last ? (
                      <>
                        {' '}
                        <span className="rating-last">
                          {t('lastTime', { level: levelLabel(t, last.level), date: shortDate(last.ratedAt, language) })}
                        </span>
                      </>
                    ) : null}
                  </>
                }
                error={problemFor(pr.id, 'level') ?? problemFor(pr.id, 'practiceId')}
              >
                <div className="rating-scale">
                  <Radio name={`${formId}-${pr.id}`} value="0" label={t('notThisTime')} checked={level === 0} onChange={() => setLevels((l) => ({ ...l, [pr.id]: 0 }))} />
                  {SELF_RATING_LEVELS.map((n) => (
                    <Radio key={n} name={`${formId}-${pr.id}`} value={String(n)} label={levelLabel(t, n)} checked={level === n} onChange={() => setLevels((l) => ({ ...l, [pr.id]: n }))} />
                  ))}
                </div>
                {level > 0 ? (
                  <TextArea
                    label={
                      <>
                        {t('ownWords')}
                        <span className="visually-hidden"> — {pr.name}</span>
                      </>
                    }
                    hint={t('commentHint')}
                    rows={2}
                    maxLength={1000}
                    value={comments[pr.id] ?? ''}
                    onChange={(e) => setComments((c) => ({ ...c, [pr.id]: e.target.value }))}
                    error={problemFor(pr.id, 'comment')}
                  />
                ) : null}
              </FieldSet>
            );
          })}
        </FieldSet>
      ))}
      {ready && addable.length > 0 ? (
        <div className="rating-add">
          <SelectField
            id={`${formId}-add`}
            label={t('addLabel')}
            value={toAdd}
            onChange={(e) => {
              setToAdd(e.target.value);
              if (e.target.value) setAddProblem('');
            }}
            error={addProblem || undefined}
          >
            <option value="">{t('choosePractice')}</option>
            {byCategory(addable).map((g) => (
              <optgroup key={g.category} label={g.category}>
                {g.items.map((pr) => (
                  <option key={pr.id} value={pr.id}>
                    {pr.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          <Button variant="secondary" onClick={addPractice}>
            {t('add')}
          </Button>
        </div>
      ) : null}
      <div tabIndex={-1} className="form-problems" data-error-summary>
        {missing ? <Alert tone="error">{missing}</Alert> : null}
        {otherError ? <ErrorAlert error={err} /> : null}
        {err && !otherError ? <Alert tone="error">{t('checkAnswers')}</Alert> : null}
      </div>
      <p className="muted rating-count">
        {t('chosenCount', { count: chosenCount })}
      </p>
      <div className="button-row">
        <Button type="submit" busy={save.isPending}>
          {t('saveView')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
