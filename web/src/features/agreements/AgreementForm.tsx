import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { Format } from '../../../../shared/src/domain';
import { ApiError, type AgreementContent, type AgreementResponse, type CommitmentSet, type Practice, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox, FieldSet, Radio, TextArea, TextField } from '../../ui/Field';
import { useFocusFirstError } from '../../ui/focus';
import { modeLabel, partyLabel } from './AgreementView';
import { agreementKey } from './useAgreement';
import { useT } from '../../i18n';
import { m } from './messages';

const PARTIES_BY_FORMAT: Record<Format, Array<keyof CommitmentSet>> = {
  expert: ['coach', 'coachee', 'mentor', 'supervisor'],
  peer: ['peer', 'mentor', 'supervisor'],
  self: ['self', 'mentor', 'supervisor'],
};

export const EMPTY_CONTENT: AgreementContent = {
  commitments: { coach: [], coachee: [], peer: [], self: [], mentor: [], supervisor: [] },
  guidelines: { practiceIds: [], observation: '', observationMode: 'undecided', sharing: '', supports: '', concerns: '' },
  meetingCadence: '',
  coverageNeeds: '',
  cancellationNoticeHours: 24,
  communicationPlan: [],
  reviewOn: null,
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Edit the agreement and save it as a new version; everyone signs again afterwards. */
export function AgreementForm({
  partnershipId,
  format,
  agreement,
  practices,
  onDone,
}: {
  partnershipId: string;
  format: Format;
  agreement: AgreementResponse;
  practices: Practice[];
  onDone: (savedVersion: number) => void;
}) {
  const t = useT(m);
  const client = useQueryClient();
  const start = agreement.current?.content;
  const base: AgreementContent = {
    ...EMPTY_CONTENT,
    ...start,
    commitments: { ...EMPTY_CONTENT.commitments, ...start?.commitments },
    guidelines: { ...EMPTY_CONTENT.guidelines, ...start?.guidelines },
    cancellationNoticeHours: start?.cancellationNoticeHours ?? EMPTY_CONTENT.cancellationNoticeHours,
  } as AgreementContent;
  const [content, setContent] = useState<AgreementContent>(base);
  const [commitText, setCommitText] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(base.commitments).map(([k, v]) => [k, v.join('\n')])),
  );
  const baseVersion = agreement.current?.version ?? 0;
  const save = useMutation({
    mutationFn: () => {
      const commitments = Object.fromEntries(Object.entries(commitText).map(([k, v]) => [k, lines(v)])) as CommitmentSet;
      return api.put<AgreementResponse>(`/api/partnerships/${partnershipId}/agreement`, { content: { ...content, commitments }, baseVersion });
    },
    onSuccess: (next) => {
      client.setQueryData(agreementKey(partnershipId), next);
      client.invalidateQueries({ queryKey: ['partnership', partnershipId] });
      client.invalidateQueries({ queryKey: ['partnerships'] });
      onDone(next.current?.version ?? baseVersion + 1);
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const conflict = err?.code === 'VERSION_CONFLICT';
  const g = content.guidelines;
  const setG = (patch: Partial<AgreementContent['guidelines']>) => setContent((c) => ({ ...c, guidelines: { ...c.guidelines, ...patch } }));
  const visible = practices.filter((p) => !p.archived || g.practiceIds.includes(p.id));
  const categories = [...new Set(visible.map((p) => p.category))];
  const field = (path: string) => err?.details.find((d) => d.path.startsWith(`content.${path}`))?.message;
  const notice = content.cancellationNoticeHours;
  const [noticeProblem, setNoticeProblem] = useState<string | undefined>();
  // After a refused save, focus goes to the first answer that needs another look (or the message).
  const [refused, setRefused] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, save.error, refused);

  return (
    <form
      ref={formRef}
      className="form agreement-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!Number.isInteger(notice) || notice < 0 || notice > 336) {
          setNoticeProblem(t('noticeProblem'));
          setRefused((n) => n + 1);
          return;
        }
        setNoticeProblem(undefined);
        save.mutate();
      }}
    >
      <Alert tone="info">{t('newVersionInfo')}</Alert>
      <h3>{t('commitTitle')}</h3>
      <p className="field-hint">{t('onePerLine')}</p>
      {PARTIES_BY_FORMAT[format].map((party) => (
        <TextArea
          key={party}
          label={partyLabel(t, party)}
          rows={5}
          value={commitText[party] ?? ''}
          onChange={(e) => setCommitText((texts) => ({ ...texts, [party]: e.target.value }))}
          error={field(`commitments.${party}`)}
        />
      ))}

      <h3>{t('guideTitle')}</h3>
      <FieldSet legend={t('practices')}>
        {categories.map((cat) => (
          <div key={cat} className="practice-group">
            <p className="group-title">{cat}</p>
            {visible
              .filter((p) => p.category === cat)
              .map((p) => (
                <Checkbox
                  key={p.id}
                  label={p.name}
                  checked={g.practiceIds.includes(p.id)}
                  onChange={(e) => setG({ practiceIds: e.target.checked ? [...g.practiceIds, p.id] : g.practiceIds.filter((x) => x !== p.id) })}
                />
              ))}
          </div>
        ))}
      </FieldSet>
      <TextArea label={t('observed')} value={g.observation} onChange={(e) => setG({ observation: e.target.value })} error={field('guidelines.observation')} />
      <FieldSet legend={t('howObservations')}>
        {(['live', 'recorded', 'both', 'undecided'] as const).map((m) => (
          <Radio key={m} name="observationMode" value={m} checked={g.observationMode === m} onChange={() => setG({ observationMode: m })} label={modeLabel(t, m)} />
        ))}
      </FieldSet>
      <TextArea label={t('sharing')} hint={t('sharingHint')} value={g.sharing} onChange={(e) => setG({ sharing: e.target.value })} />
      <TextArea label={t('supports')} value={g.supports} onChange={(e) => setG({ supports: e.target.value })} />
      <TextArea label={t('concerns')} value={g.concerns} onChange={(e) => setG({ concerns: e.target.value })} />

      <h3>{t('logistics')}</h3>
      <p className="field-hint">{t('logisticsHint')}</p>
      <TextField label={t('meet')} value={content.meetingCadence} onChange={(e) => setContent((c) => ({ ...c, meetingCadence: e.target.value }))} error={field('meetingCadence')} />
      <TextField label={t('cover')} value={content.coverageNeeds} onChange={(e) => setContent((c) => ({ ...c, coverageNeeds: e.target.value }))} error={field('coverageNeeds')} />
      <TextField
        id="agreement-notice-hours"
        label={t('noticeLabel')}
        type="number"
        inputMode="numeric"
        min={0}
        max={336}
        step={1}
        hint={t('noticeHint')}
        value={Number.isNaN(content.cancellationNoticeHours) ? '' : String(content.cancellationNoticeHours)}
        onChange={(e) => setContent((c) => ({ ...c, cancellationNoticeHours: e.target.value === '' ? Number.NaN : Number(e.target.value) }))}
        error={field('cancellationNoticeHours') ?? noticeProblem}
      />
      <TextField
        label={t('reviewLabel')}
        type="date"
        value={content.reviewOn ?? ''}
        onChange={(e) => setContent((c) => ({ ...c, reviewOn: e.target.value || null }))}
        error={field('reviewOn')}
      />

      <FieldSet legend={t('commTitle')} hint={t('commHint')} error={field('communicationPlan')}>
        {content.communicationPlan.map((row, i) => {
          const setRow = (patch: Partial<typeof row>) =>
            setContent((c) => ({ ...c, communicationPlan: c.communicationPlan.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
          return (
            <div key={i} className="comm-row card">
              <p className="group-title">{t('line', { n: i + 1 })}</p>
              <TextField label={t('whoLine', { n: i + 1 })} value={row.from} onChange={(e) => setRow({ from: e.target.value })} />
              <TextField label={t('tellsWhomLine', { n: i + 1 })} value={row.to} onChange={(e) => setRow({ to: e.target.value })} />
              <TextField label={t('whatLine', { n: i + 1 })} value={row.what} onChange={(e) => setRow({ what: e.target.value })} />
              <TextField label={t('howOftenLine', { n: i + 1 })} value={row.when} onChange={(e) => setRow({ when: e.target.value })} />
              <Button variant="quiet" onClick={() => setContent((c) => ({ ...c, communicationPlan: c.communicationPlan.filter((_, j) => j !== i) }))}>
                {t('removeLine', { n: i + 1 })}
              </Button>
            </div>
          );
        })}
        <Button
          variant="secondary"
          onClick={() => setContent((c) => ({ ...c, communicationPlan: [...c.communicationPlan, { from: '', to: '', what: '', when: '' }] }))}
        >
          {t('addLine')}
        </Button>
      </FieldSet>

      {conflict ? (
        <Alert tone="error" title={t('conflictTitle')}>
          <p>{err!.message}</p>
          <Button variant="secondary" onClick={() => client.invalidateQueries({ queryKey: agreementKey(partnershipId) }).then(() => onDone(0))}>
            {t('loadNewest')}
          </Button>
        </Alert>
      ) : (
        <ErrorAlert error={save.error} />
      )}
      <div className="button-row">
        <Button type="submit" busy={save.isPending}>
          {t('saveVersion')}
        </Button>
        <Button variant="secondary" onClick={() => onDone(0)}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
