import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { OBSERVATION_TOOLS, type ObservationMode, type ObservationTool } from '../../../../../shared/src/domain';
import { ApiError, type ClassroomLayout, type Observation, type ObservationPlan, type PartnershipDetail, type StartObservationBody, type ToolConfigInput, api } from '../../../api';
import { useLanguage, useT } from '../../../i18n';
import { Alert, ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { Checkbox, FieldSet, Radio, SelectField, TextArea, TextField } from '../../../ui/Field';
import { useFocusFirstError } from '../../../ui/focus';
import { firstName, subjectsOf } from '../../goals/goalWords';
import { useSignedIn } from '../../session/session';
import { m } from './messages';
import { layoutsKey, modeText, observationKey, recordHref, recordsKey, reviewHref, toolName } from './recordWords';

type CodeField = 'categories' | 'speakers' | 'kinds' | 'activities' | 'tracked';

/** What each tool asks for when chosen without a plan (the server checks the same: codes it needs, a layout). */
const TOOL_NEEDS: Record<ObservationTool, { codes: Array<{ field: CodeField; required: boolean }>; layout: 'seats' | 'room' | null; interval: boolean }> = {
  selective_verbatim: { codes: [{ field: 'categories', required: false }, { field: 'speakers', required: false }], layout: null, interval: false },
  verbal_flow: { codes: [{ field: 'kinds', required: true }], layout: 'seats', interval: false },
  event_count: { codes: [{ field: 'categories', required: true }], layout: null, interval: false },
  duration: { codes: [{ field: 'activities', required: true }], layout: null, interval: false },
  physical_map: { codes: [{ field: 'tracked', required: false }], layout: 'room', interval: false },
  time_sample: { codes: [{ field: 'categories', required: true }], layout: null, interval: true },
};

interface ToolDraft {
  chosen: boolean;
  codes: Partial<Record<CodeField, string>>;
  layoutId: string;
  interval: string;
}
const blankTool = (): ToolDraft => ({ chosen: false, codes: {}, layoutId: '', interval: '5' });
const lines = (text: string | undefined) => (text ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
const NO_PLAN = '';

/**
 * Starting an observation on the server: from a confirmed plan (its data method and fields
 * become the tool), or without one (the tools chosen here, and the screen says there is no plan).
 * Live or recorded, as the viewer may (abilities.observeLive). Recording taps comes with the tool screens.
 */
/** A clip to observe: the visit runs on its clock (recorded, its coachee's); lengthMs as the device's player read it, for a clip the server could not measure. */
export interface ClipToObserve {
  id: string;
  name: string;
  subjectId: string;
  lengthMs: number | null;
}

export function StartObservationForm({ p, plans, onCancel, clip }: { p: PartnershipDetail; plans: ObservationPlan[]; onCancel: () => void; clip?: ClipToObserve }) {
  const t = useT(m);
  const { language } = useLanguage();
  const me = useSignedIn();
  const client = useQueryClient();
  const navigate = useNavigate();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const subjects = subjectsOf(p);
  const others = subjects.filter((s) => s.personId !== me.personId);
  const [subjectId, setSubjectId] = useState(() => clip?.subjectId ?? (p.abilities.observeLive && others.length ? others[0].personId : (subjects.find((s) => s.personId === me.personId) ?? subjects[0]).personId));
  const confirmed = plans.filter((x) => x.status === 'confirmed' && x.subjectId === subjectId);
  const [planId, setPlanId] = useState(() => confirmed[0]?.id ?? NO_PLAN);
  const plan = confirmed.find((x) => x.id === planId);
  const [mode, setMode] = useState<ObservationMode>(() => (p.abilities.observeLive ? (plan?.mode ?? 'live') : 'recorded'));
  const [focus, setFocus] = useState('');
  const [tools, setTools] = useState<Record<ObservationTool, ToolDraft>>(() => Object.fromEntries(OBSERVATION_TOOLS.map((tool) => [tool, blankTool()])) as Record<ObservationTool, ToolDraft>);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [refused, setRefused] = useState(0);

  const needsLayouts = !plan && (tools.verbal_flow.chosen || tools.physical_map.chosen);
  const layouts = useQuery({
    queryKey: layoutsKey(p.id),
    queryFn: () => api.get<{ items: ClassroomLayout[] }>(`/api/partnerships/${p.id}/classroom-layouts`),
    enabled: needsLayouts,
  });
  const subjectLayouts = (layouts.data?.items ?? []).filter((l) => l.subjectId === subjectId);

  const start = useMutation({
    mutationFn: (body: StartObservationBody) => api.post<Observation>(`/api/partnerships/${p.id}/observations`, body),
    onSuccess: (saved) => {
      client.setQueryData(observationKey(saved.id), saved);
      void client.invalidateQueries({ queryKey: recordsKey(p.id) });
      // On a clip, straight to the tools beside its player; otherwise to the visit's page.
      navigate(saved.clip ? recordHref(p.id, saved.id) : reviewHref(p.id, saved.id));
    },
  });
  useFocusFirstError(formRef, start.error, refused);

  const planRecordable = !plan || (OBSERVATION_TOOLS as readonly string[]).includes(plan.dataForm.method);
  const serverProblem = (field: string) => (start.error instanceof ApiError ? start.error.fieldMessage(field) : undefined);
  const setTool = (tool: ObservationTool, change: Partial<ToolDraft>) => setTools((all) => ({ ...all, [tool]: { ...all[tool], ...change } }));

  function submit(e: FormEvent) {
    e.preventDefault();
    const body: StartObservationBody = { planId: plan?.id ?? null, subjectId, mode: clip ? 'recorded' : mode, ...(clip ? { clipId: clip.id, ...(clip.lengthMs ? { clipDurationMs: clip.lengthMs } : {}) } : {}) };
    if (!plan) {
      const found: Record<string, string> = {};
      const chosen: ToolConfigInput[] = [];
      const picked = OBSERVATION_TOOLS.filter((tool) => tools[tool].chosen);
      if (picked.length === 0) found.tools = t('toolsMissing');
      for (const tool of picked) {
        const draft = tools[tool];
        const needs = TOOL_NEEDS[tool];
        const input: ToolConfigInput = { tool };
        for (const { field, required } of needs.codes) {
          const list = lines(draft.codes[field]);
          if (required && list.length === 0) found[`${tool}.${field}`] = t('codesMissing');
          if (list.length) input[field] = list;
        }
        if (needs.layout) {
          if (!draft.layoutId) found[`${tool}.layout`] = t('layoutMissing');
          else input.layoutId = draft.layoutId;
        }
        if (needs.interval) input.intervalMinutes = Math.min(60, Math.max(1, Number(draft.interval) || 5));
        chosen.push(input);
      }
      setProblems(found);
      if (Object.keys(found).length) {
        setRefused((n) => n + 1);
        return;
      }
      body.tools = chosen;
      if (focus.trim()) body.focus = focus.trim();
    }
    start.mutate(body);
  }

  const subjectName = (id: string) => {
    const s = subjects.find((x) => x.personId === id);
    return s ? firstName(s.name) : '';
  };
  const hasProblems = Object.keys(problems).length > 0;

  return (
    <form ref={formRef} className="card start-observation" aria-labelledby={`${formId}-title`} onSubmit={submit} noValidate>
      <h3 id={`${formId}-title`}>{t('startHeading')}</h3>
      {clip ? <p className="start-on-clip">{t('onClip', { name: clip.name })}</p> : null}
      {subjects.length > 1 && !clip ? (
        <SelectField
          label={t('whoseClassroom')}
          value={subjectId}
          onChange={(e) => {
            setSubjectId(e.target.value);
            setPlanId(plans.find((x) => x.status === 'confirmed' && x.subjectId === e.target.value)?.id ?? NO_PLAN);
          }}
        >
          {subjects.map((s) => (
            <option key={s.personId} value={s.personId}>
              {t('classroomOf', { who: s.personId === me.personId ? 'me' : 'other', name: firstName(s.name) })}
            </option>
          ))}
        </SelectField>
      ) : null}

      <FieldSet legend={t('startFrom')} className="start-choices">
        {confirmed.map((x) => (
          <Radio
            key={x.id}
            name={`${formId}-plan`}
            checked={planId === x.id}
            onChange={() => {
              setPlanId(x.id);
              if (p.abilities.observeLive) setMode(x.mode);
            }}
            label={t('startFromPlan', { focus: x.focus })}
            hint={t('startFromPlanHint', { method: toolName(language, x.dataForm.method), name: subjectName(x.subjectId) })}
          />
        ))}
        <Radio name={`${formId}-plan`} checked={planId === NO_PLAN} onChange={() => setPlanId(NO_PLAN)} label={t('startWithoutPlan')} hint={t('startWithoutPlanHint')} />
      </FieldSet>

      {plan ? (
        planRecordable ? (
          <div className="plan-tools">
            <h4>{t('planToolsTitle')}</h4>
            <p>{t('planTool', { method: toolName(language, plan.dataForm.method), codes: new Intl.ListFormat(language, { type: 'conjunction' }).format(plan.dataForm.fields) })}</p>
          </div>
        ) : (
          <Alert tone="warning">{t('planToolNotRecordable', { method: toolName(language, plan.dataForm.method) })}</Alert>
        )
      ) : (
        <>
          <p className="no-plan-note">{t('noPlanSaysSo')}</p>
          <TextField label={t('focusLabel')} hint={t('focusHint')} value={focus} maxLength={1000} onChange={(e) => setFocus(e.target.value)} error={serverProblem('focus')} />
        </>
      )}

      {clip ? null : p.abilities.observeLive ? (
        <FieldSet legend={t('modeLegend')} className="start-choices">
          {(['live', 'recorded'] as const).map((x) => (
            <Radio key={x} name={`${formId}-mode`} checked={mode === x} onChange={() => setMode(x)} label={modeText(t, x)} />
          ))}
        </FieldSet>
      ) : (
        <p>
          <strong>{modeText(t, 'recorded')}</strong> · {t('modeOnlyRecorded')}
        </p>
      )}

      {!plan ? (
        <FieldSet legend={t('toolsLegend')} hint={t('toolsHint')} error={problems.tools ?? serverProblem('tools')} className="start-choices start-tools">
          {OBSERVATION_TOOLS.map((tool) => {
            const draft = tools[tool];
            const needs = TOOL_NEEDS[tool];
            return (
              <div key={tool} className="start-tool">
                <Checkbox label={toolName(language, tool)} checked={draft.chosen} onChange={(e) => setTool(tool, { chosen: e.target.checked })} />
                {draft.chosen ? (
                  <div className="start-tool-details">
                    {needs.codes.map(({ field, required }) => (
                      <TextArea
                        key={field}
                        label={t(`codes_${field}`)}
                        required={required}
                        rows={3}
                        value={draft.codes[field] ?? ''}
                        onChange={(e) => setTool(tool, { codes: { ...draft.codes, [field]: e.target.value } })}
                        error={problems[`${tool}.${field}`]}
                      />
                    ))}
                    {needs.interval ? (
                      <TextField label={t('intervalLabel')} type="number" inputMode="numeric" min={1} max={60} value={draft.interval} onChange={(e) => setTool(tool, { interval: e.target.value })} />
                    ) : null}
                    {needs.layout ? (
                      layouts.data && subjectLayouts.length === 0 ? (
                        <p className="field-error" data-error-summary>
                          {t('noLayouts')}
                        </p>
                      ) : (
                        <SelectField label={t('layoutLabel')} required value={draft.layoutId} onChange={(e) => setTool(tool, { layoutId: e.target.value })} error={problems[`${tool}.layout`]}>
                          <option value="" />
                          {subjectLayouts.map((l) => (
                            <option key={l.id} value={l.id}>
                              {l.name}
                            </option>
                          ))}
                        </SelectField>
                      )
                    ) : null}
                    {needs.layout ? (
                      <p>
                        <Link className="layout-new" to={`/partnerships/${p.id}/observations/layouts/new?kind=${needs.layout === 'seats' ? 'seating_chart' : 'room_map'}${subjectId ? `&subject=${encodeURIComponent(subjectId)}` : ''}`}>
                          {t('drawLayout')}
                        </Link>
                        {draft.layoutId ? (
                          <>
                            {' · '}
                            <Link className="layout-edit" to={`/partnerships/${p.id}/observations/layouts/${draft.layoutId}`}>
                              {t('editLayout')}
                            </Link>
                          </>
                        ) : null}
                      </p>
                    ) : null}
                  </div>
                ) : null}
              </div>
            );
          })}
        </FieldSet>
      ) : null}

      {hasProblems ? (
        <p className="field-error" role="alert">
          {t('needsAnotherLook')}
        </p>
      ) : null}
      <ErrorAlert error={start.error} />
      <div className="button-row">
        <Button type="submit" busy={start.isPending} disabled={!planRecordable}>
          {t('startNow')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}

