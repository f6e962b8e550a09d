import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { SELF_RATING_LEVELS } from '../../../../shared/src/domain';
import { ApiError, type PartnershipDetail, type Practice, type PracticeRatings, type RateBody, type StrengthsResponse, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { FieldSet, Radio, TextArea } from '../../ui/Field';
import { byCategory, levelLabel, shortDate, strengthsKey } from './strengthWords';

/**
 * The coachee's own view of how they use each practice today, on a four-step
 * scale from "New to me" to "I could show others". Only the practices given a
 * level are saved; each save adds a point to the history, so growth shows.
 */
export function RatingForm({
  p,
  practices,
  mine,
  onSaved,
  onCancel,
}: {
  p: PartnershipDetail;
  practices: Practice[];
  /** The coachee's history so far, to show "last time" beside each practice. */
  mine: PracticeRatings[];
  onSaved: (count: number) => void;
  onCancel: () => void;
}) {
  const client = useQueryClient();
  const formId = useId();
  const [levels, setLevels] = useState<Record<string, number>>({});
  const [comments, setComments] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState('');
  const sent = useRef<string[]>([]);
  const problemRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.getElementById(`${formId}-heading`)?.focus();
  }, [formId]);

  const save = useMutation({
    mutationFn: () => {
      const chosen = practices.filter((pr) => (levels[pr.id] ?? 0) > 0);
      sent.current = chosen.map((pr) => pr.id);
      const body: RateBody = { ratings: chosen.map((pr) => ({ practiceId: pr.id, level: levels[pr.id] as 1 | 2 | 3 | 4, comment: (comments[pr.id] ?? '').trim() })) };
      return api.post<StrengthsResponse>(`/api/partnerships/${p.id}/strengths/ratings`, body);
    },
    onSuccess: (next) => {
      client.setQueryData(strengthsKey(p.id), next);
      onSaved(sent.current.length);
    },
    onError: () => requestAnimationFrame(() => problemRef.current?.focus()),
  });

  const err = save.error instanceof ApiError ? save.error : null;
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
  const visible = practices.filter((pr) => !pr.archived);
  const chosenCount = visible.filter((pr) => (levels[pr.id] ?? 0) > 0).length;

  return (
    <form
      className="form rating-form card"
      noValidate
      aria-labelledby={`${formId}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        if (chosenCount === 0) {
          save.reset();
          setMissing('Choose where you are with at least one practice, or cancel.');
          requestAnimationFrame(() => problemRef.current?.focus());
          return;
        }
        setMissing('');
        save.mutate();
      }}
    >
      <h3 id={`${formId}-heading`} tabIndex={-1}>
        Where I am with each practice
      </h3>
      <p>
        This is <strong>your own view</strong> of how you use each practice today — not a score, and nobody else rates you. Choose only the practices
        you want to think about now and leave the rest. Come back later in the year: each time you save, it is added to your history, so you can see how
        things have grown.
      </p>
      {byCategory(visible).map((group) => (
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
                          Last time: {levelLabel(last.level)} ({shortDate(last.ratedAt)}).
                        </span>
                      </>
                    ) : null}
                  </>
                }
                error={problemFor(pr.id, 'level') ?? problemFor(pr.id, 'practiceId')}
              >
                <div className="rating-scale">
                  <Radio name={`${formId}-${pr.id}`} value="0" label="Not this time" checked={level === 0} onChange={() => setLevels((l) => ({ ...l, [pr.id]: 0 }))} />
                  {SELF_RATING_LEVELS.map((n) => (
                    <Radio key={n} name={`${formId}-${pr.id}`} value={String(n)} label={levelLabel(n)} checked={level === n} onChange={() => setLevels((l) => ({ ...l, [pr.id]: n }))} />
                  ))}
                </div>
                {level > 0 ? (
                  <TextArea
                    label={
                      <>
                        In your own words (optional)<span className="visually-hidden"> — {pr.name}</span>
                      </>
                    }
                    hint="Why this level, or what it looks like in your room today."
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
      <div ref={problemRef} tabIndex={-1} className="form-problems">
        {missing ? <Alert tone="error">{missing}</Alert> : null}
        {otherError ? <ErrorAlert error={err} /> : null}
        {err && !otherError ? <Alert tone="error">Some answers need another look — see the messages above.</Alert> : null}
      </div>
      <p className="muted">
        {chosenCount === 0 ? 'No practices chosen yet.' : `${chosenCount} ${chosenCount === 1 ? 'practice' : 'practices'} chosen.`}
      </p>
      <div className="button-row">
        <Button type="submit" busy={save.isPending}>
          Save my view
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
