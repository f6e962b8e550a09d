import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Format } from '../../../../shared/src/domain';
import { ApiError, type AgreementTemplate, type CommitmentSet, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextArea } from '../../ui/Field';
import { Loading, PageTitle, Section } from '../../ui/Page';
import { FORMAT_LABEL, formatDateTime } from '../../ui/format';
import { PARTY_LABEL } from '../agreements/AgreementView';

const PARTIES: Record<Format, Array<keyof CommitmentSet>> = {
  expert: ['coach', 'coachee', 'mentor', 'supervisor'],
  peer: ['peer', 'mentor', 'supervisor'],
  self: ['self', 'mentor', 'supervisor'],
};

/** Program leaders: the commitments every new agreement of a format starts from. */
export function TemplatesPage() {
  const templates = useQuery({ queryKey: ['templates'], queryFn: () => api.get<{ items: AgreementTemplate[] }>('/api/agreement-templates') });
  return (
    <div>
      <PageTitle title="Agreement templates">Agreement templates</PageTitle>
      <p className="lead">Each new partnership’s agreement starts from these commitments. Partners can still change them together.</p>
      {templates.isPending ? <Loading what="templates" /> : null}
      <ErrorAlert error={templates.error} />
      {(templates.data?.items ?? []).map((t) => (
        <TemplateForm key={t.format} t={t} />
      ))}
    </div>
  );
}

function TemplateForm({ t }: { t: AgreementTemplate }) {
  const client = useQueryClient();
  const [text, setText] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(t.commitments).map(([k, v]) => [k, v.join('\n')])));
  const save = useMutation({
    mutationFn: () => {
      const commitments = Object.fromEntries(
        Object.entries(text).map(([k, v]) => [
          k,
          v
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean),
        ]),
      );
      return api.put<AgreementTemplate>(`/api/agreement-templates/${t.format}`, { commitments });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['templates'] }),
  });
  const err = save.error instanceof ApiError ? save.error : null;
  return (
    <Section title={FORMAT_LABEL[t.format]} id={`template-${t.format}`}>
      <p className="meta">Last changed {formatDateTime(t.updatedAt)}. One commitment per line.</p>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        {PARTIES[t.format].map((party) => (
          <TextArea
            key={party}
            label={`${PARTY_LABEL[party]} (${FORMAT_LABEL[t.format].toLowerCase()})`}
            rows={5}
            value={text[party] ?? ''}
            onChange={(e) => setText((x) => ({ ...x, [party]: e.target.value }))}
            error={err?.details.find((d) => d.path.startsWith(`commitments.${party}`))?.message}
          />
        ))}
        <ErrorAlert error={save.error} />
        {save.isSuccess ? <Alert tone="success">Template saved. New agreements will start from it.</Alert> : null}
        <Button type="submit" busy={save.isPending}>
          Save the {FORMAT_LABEL[t.format].toLowerCase()} template
        </Button>
      </form>
    </Section>
  );
}
