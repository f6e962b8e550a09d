import { useQuery } from '@tanstack/react-query';
import { type Goal, api } from '../../api';
import { useT } from '../../i18n';
import { SelectField } from '../../ui/Field';
import { goalsKey } from './goalWords';
import { m } from './messages';

/** "goal:<id>", "step:<id>" or "" (not linked): a link to a goal or one step of its plan, chosen in one control. */
export type GoalLink = string;

export const linkOf = (item: { goal: { id: string } | null; step: { id: string } | null } | null | undefined): GoalLink =>
  item?.step ? `step:${item.step.id}` : item?.goal ? `goal:${item.goal.id}` : '';

/** The link as a request body's goalId and stepId. */
export function linkBody(link: GoalLink): { goalId: string | null; stepId: string | null } {
  const [kind, id] = link.split(':');
  return { goalId: kind === 'goal' ? id : null, stepId: kind === 'step' ? id : null };
}

/**
 * "Carry this over to a goal or a step" (issue 11, item 5): the coachee's goals in this partnership
 * (active or proposed, and whatever is linked already), each with its steps, in one select, so a
 * comment or a piece of feedback is linked in the same save. Shows nothing while she has no goals.
 */
export function GoalStepSelect({ partnershipId, subjectId, value, onChange, hint }: { partnershipId: string; subjectId: string; value: GoalLink; onChange: (link: GoalLink) => void; hint?: string }) {
  const t = useT(m);
  const goals = useQuery({ queryKey: goalsKey(partnershipId), queryFn: () => api.get<{ items: Goal[] }>(`/api/partnerships/${encodeURIComponent(partnershipId)}/goals`) });
  const linked = (g: Goal) => value === `goal:${g.id}` || g.steps.some((st) => value === `step:${st.id}`);
  const theirs = (goals.data?.items ?? []).filter((g) => g.subjectId === subjectId && (g.status === 'active' || g.status === 'proposed' || linked(g)));
  if (theirs.length === 0) return null;
  return (
    <SelectField label={t('carryOver')} hint={hint} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('carryOverNone')}</option>
      {theirs.map((g) => (
        <optgroup key={g.id} label={g.title}>
          <option value={`goal:${g.id}`}>{t('carryOverGoal', { title: g.title })}</option>
          {g.steps.map((st) => (
            <option key={st.id} value={`step:${st.id}`}>
              {t('carryOverStep', { n: st.position, text: st.description })}
            </option>
          ))}
        </optgroup>
      ))}
    </SelectField>
  );
}
