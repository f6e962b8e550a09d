import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Format } from '../../../../shared/src/domain';
import { ApiError, type AgreementTemplate, type CommitmentSet, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextArea } from '../../ui/Field';
import { useT } from '../../i18n';
import { Loading, PageTitle, Section } from '../../ui/Page';
import { useLabels } from '../../ui/format';
import { m } from './messages';

const PARTIES: Record<Format, Array<keyof CommitmentSet>> = {
  expert: ['coach', 'coachee', 'mentor', 'supervisor'],
  peer: ['peer', 'mentor', 'supervisor'],
  self: ['self', 'mentor', 'supervisor'],
};

/** Program leaders: the commitments every new agreement of a format starts from. */
export function TemplatesPage() {
  const t = useT(m);
  const templates = useQuery({ queryKey: ['templates'], queryFn: () => api.get<{ items: AgreementTemplate[] }>('/api/agreement-templates') });
  return (
    <div>
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      <p className="lead">{t('lead')}</p>
      {templates.isPending ? <Loading what={t('loading')} /> : null}
      <ErrorAlert error={templates.error} />
      {(templates.data?.items ?? []).map((template) => (
        <TemplateForm key={template.format} template={template} />
      ))}
    </div>
  );
}

function TemplateForm({ template }: { template: AgreementTemplate }) {
  const t = useT(m);
  const labels = useLabels();
  const client = useQueryClient();
  const [text, setText] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(template.commitments).map(([k, v]) => [k, v.join('\n')])));
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
      return api.put<AgreementTemplate>(`/api/agreement-templates/${template.format}`, { commitments });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['templates'] }),
  });
  const err = save.error instanceof ApiError ? save.error : null;
  return (
    <Section title={labels.format(template.format)} id={`template-${template.format}`}>
      <p className="meta">{t('lastChanged', { date: labels.dateTime(template.updatedAt) })}</p>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        {PARTIES[template.format].map((party) => (
          <TextArea
            key={party}
            label={t('partyField', { party, format: template.format })}
            rows={5}
            value={text[party] ?? ''}
            onChange={(e) => setText((x) => ({ ...x, [party]: e.target.value }))}
            error={err?.details.find((d) => d.path.startsWith(`commitments.${party}`))?.message}
          />
        ))}
        <ErrorAlert error={save.error} />
        {save.isSuccess ? <Alert tone="success">{t('saved')}</Alert> : null}
        <Button type="submit" busy={save.isPending}>
          {t('save', { format: template.format })}
        </Button>
      </form>
    </Section>
  );
}
