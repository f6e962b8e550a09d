import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../../../shared/src/i18n';
import { ApiError, type Organization, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { FieldSet, SelectField, TextField } from '../../ui/Field';
import { useFocusFirstError } from '../../ui/focus';
import { useLanguage, useT } from '../../i18n';
import { Loading, PageTitle } from '../../ui/Page';
import { formatDate } from '../../ui/format';
import { ME_KEY } from '../session/session';
import { TimeZoneField } from './TimeZoneField';
import { m } from './messages';

export const ORGANIZATION_KEY = ['organization'] as const;

export function useOrganization() {
  return useQuery({ queryKey: ORGANIZATION_KEY, queryFn: () => api.get<Organization>('/api/organization') });
}

/** The organization's name, time zone, school year and default language: program leaders change them, everyone else reads them. */
export function OrganizationPage() {
  const t = useT(m);
  const org = useOrganization();
  return (
    <div>
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      {org.isPending ? <Loading what={t('loading')} /> : null}
      <ErrorAlert error={org.error} />
      {org.data ? org.data.abilities.update ? <SettingsForm org={org.data} /> : <SettingsFacts org={org.data} /> : null}
    </div>
  );
}

function SettingsFacts({ org }: { org: Organization }) {
  const t = useT(m);
  const { language } = useLanguage();
  return (
    <>
      <p className="lead">{t('factsLead', { name: org.name })}</p>
      <dl className="facts">
        <div>
          <dt>{t('timeZone')}</dt>
          <dd>{org.timeZone}</dd>
        </div>
        <div>
          <dt>{t('schoolYear')}</dt>
          <dd>
            {org.schoolYearStart && org.schoolYearEnd
              ? t('yearRange', { start: formatDate(org.schoolYearStart, language), end: formatDate(org.schoolYearEnd, language) })
              : t('allYear')}
          </dd>
        </div>
        <div>
          <dt>{t('language')}</dt>
          <dd>{LANGUAGE_NAMES[org.defaultLanguage]}</dd>
        </div>
      </dl>
    </>
  );
}

function SettingsForm({ org }: { org: Organization }) {
  const t = useT(m);
  const client = useQueryClient();
  const [name, setName] = useState(org.name);
  const [timeZone, setTimeZone] = useState(org.timeZone);
  const [start, setStart] = useState(org.schoolYearStart ?? '');
  const [end, setEnd] = useState(org.schoolYearEnd ?? '');
  const [language, setLanguage] = useState<Language>(org.defaultLanguage);
  const [saved, setSaved] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const save = useMutation({
    mutationFn: () =>
      api.patch<Organization>('/api/organization', { name, timeZone, schoolYearStart: start || null, schoolYearEnd: end || null, defaultLanguage: language }),
    onMutate: () => setSaved(''),
    onSuccess: (next) => {
      client.setQueryData(ORGANIZATION_KEY, next);
      // The header shows the organization's name.
      void client.invalidateQueries({ queryKey: ME_KEY });
      // Worded now, in the language the leader pressed Save in: a new default language may switch the page a moment later.
      setSaved(t('saved', { zone: next.timeZone }));
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const fieldErrors = !!err?.details.length;
  // After a refused save, focus goes to the first answer that needs another look (or the message).
  useFocusFirstError(formRef, save.error);

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }

  return (
    <>
      <p className="lead">{t('formLead', { name: org.name })}</p>
      <form ref={formRef} className="form" noValidate onSubmit={submit}>
        <TextField label={t('orgName')} required value={name} onChange={(e) => setName(e.target.value)} error={err?.fieldMessage('name')} />
        <TimeZoneField value={timeZone} onChange={setTimeZone} error={err?.fieldMessage('timeZone')} hint={t('timeZoneHint')} />
        <FieldSet legend={t('schoolYear')} hint={t('schoolYearHint')} className="field-group">
          <TextField label={t('firstDay')} type="date" value={start} onChange={(e) => setStart(e.target.value)} error={err?.fieldMessage('schoolYearStart')} />
          <TextField label={t('lastDay')} type="date" value={end} onChange={(e) => setEnd(e.target.value)} error={err?.fieldMessage('schoolYearEnd')} />
        </FieldSet>
        <SelectField
          label={t('defaultLanguage')}
          hint={t('defaultLanguageHint')}
          value={language}
          onChange={(e) => setLanguage(e.target.value as Language)}
          error={err?.fieldMessage('defaultLanguage')}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </SelectField>
        <div tabIndex={-1} className="form-problems" data-error-summary>
          {fieldErrors ? <Alert tone="error">{t('needsAnotherLook')}</Alert> : <ErrorAlert error={save.error} />}
        </div>
        <div role="status">{saved ? <p className="success-text">{saved}</p> : null}</div>
        <Button type="submit" busy={save.isPending}>
          {t('saveChanges')}
        </Button>
      </form>
    </>
  );
}
