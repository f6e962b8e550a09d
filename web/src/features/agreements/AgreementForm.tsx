import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Format } from '../../../../shared/src/domain';
import { ApiError, type AgreementContent, type AgreementResponse, type CommitmentSet, type Practice, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox, FieldSet, Radio, TextArea, TextField } from '../../ui/Field';
import { MODE_LABEL, PARTY_LABEL } from './AgreementView';
import { agreementKey } from './useAgreement';

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

  return (
    <form
      className="form agreement-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!Number.isInteger(notice) || notice < 0 || notice > 336) {
          setNoticeProblem('Use a whole number of hours from 0 to 336.');
          document.getElementById('agreement-notice-hours')?.focus();
          return;
        }
        setNoticeProblem(undefined);
        save.mutate();
      }}
    >
      <Alert tone="info">Saving creates a new version. Signatures belong to the version people read, so everyone will need to sign the new one.</Alert>
      <h3>What each of us commits to</h3>
      <p className="field-hint">One commitment per line.</p>
      {PARTIES_BY_FORMAT[format].map((party) => (
        <TextArea
          key={party}
          label={PARTY_LABEL[party]}
          rows={5}
          value={commitText[party] ?? ''}
          onChange={(e) => setCommitText((t) => ({ ...t, [party]: e.target.value }))}
          error={field(`commitments.${party}`)}
        />
      ))}

      <h3>How we will work together</h3>
      <FieldSet legend="Practices we focus on">
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
      <TextArea label="What will be observed, and when" value={g.observation} onChange={(e) => setG({ observation: e.target.value })} error={field('guidelines.observation')} />
      <FieldSet legend="How observations happen">
        {(['live', 'recorded', 'both', 'undecided'] as const).map((m) => (
          <Radio key={m} name="observationMode" value={m} checked={g.observationMode === m} onChange={() => setG({ observationMode: m })} label={MODE_LABEL[m]} />
        ))}
      </FieldSet>
      <TextArea label="What is shared, and with whom" hint="Only the coachee decides what leaves the partnership." value={g.sharing} onChange={(e) => setG({ sharing: e.target.value })} />
      <TextArea label="Support the coach offers" value={g.supports} onChange={(e) => setG({ supports: e.target.value })} />
      <TextArea label="How we handle concerns" value={g.concerns} onChange={(e) => setG({ concerns: e.target.value })} />

      <h3>Logistics</h3>
      <p className="field-hint">Supervisors can see these, so they can protect the time.</p>
      <TextField label="How often we meet" value={content.meetingCadence} onChange={(e) => setContent((c) => ({ ...c, meetingCadence: e.target.value }))} error={field('meetingCadence')} />
      <TextField label="Cover needed" value={content.coverageNeeds} onChange={(e) => setContent((c) => ({ ...c, coverageNeeds: e.target.value }))} error={field('coverageNeeds')} />
      <TextField
        id="agreement-notice-hours"
        label="Notice needed to cancel (hours)"
        type="number"
        inputMode="numeric"
        min={0}
        max={336}
        step={1}
        hint="Cancelling with less notice than this is marked as short notice, so you can both notice a pattern. 24 hours is a common choice; up to 336 (two weeks)."
        value={Number.isNaN(content.cancellationNoticeHours) ? '' : String(content.cancellationNoticeHours)}
        onChange={(e) => setContent((c) => ({ ...c, cancellationNoticeHours: e.target.value === '' ? Number.NaN : Number(e.target.value) }))}
        error={field('cancellationNoticeHours') ?? noticeProblem}
      />
      <TextField
        label="Date to revisit how coaching is going"
        type="date"
        value={content.reviewOn ?? ''}
        onChange={(e) => setContent((c) => ({ ...c, reviewOn: e.target.value || null }))}
        error={field('reviewOn')}
      />

      <FieldSet legend="Communication plan" hint="Who tells whom what, and how often." error={field('communicationPlan')}>
        {content.communicationPlan.map((row, i) => {
          const setRow = (patch: Partial<typeof row>) =>
            setContent((c) => ({ ...c, communicationPlan: c.communicationPlan.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
          return (
            <div key={i} className="comm-row card">
              <p className="group-title">Line {i + 1}</p>
              <TextField label={`Who (line ${i + 1})`} value={row.from} onChange={(e) => setRow({ from: e.target.value })} />
              <TextField label={`Tells whom (line ${i + 1})`} value={row.to} onChange={(e) => setRow({ to: e.target.value })} />
              <TextField label={`What (line ${i + 1})`} value={row.what} onChange={(e) => setRow({ what: e.target.value })} />
              <TextField label={`How often (line ${i + 1})`} value={row.when} onChange={(e) => setRow({ when: e.target.value })} />
              <Button variant="quiet" onClick={() => setContent((c) => ({ ...c, communicationPlan: c.communicationPlan.filter((_, j) => j !== i) }))}>
                Remove line {i + 1}
              </Button>
            </div>
          );
        })}
        <Button
          variant="secondary"
          onClick={() => setContent((c) => ({ ...c, communicationPlan: [...c.communicationPlan, { from: '', to: '', what: '', when: '' }] }))}
        >
          Add a line
        </Button>
      </FieldSet>

      {conflict ? (
        <Alert tone="error" title="Someone else saved first">
          <p>{err!.message}</p>
          <Button variant="secondary" onClick={() => client.invalidateQueries({ queryKey: agreementKey(partnershipId) }).then(() => onDone(0))}>
            Load the newest version
          </Button>
        </Alert>
      ) : (
        <ErrorAlert error={save.error} />
      )}
      <div className="button-row">
        <Button type="submit" busy={save.isPending}>
          Save as a new version
        </Button>
        <Button variant="secondary" onClick={() => onDone(0)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
