import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../../../shared/src/i18n';
import { ApiError, type Organization, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { FieldSet, SelectField, TextField } from '../../ui/Field';
import { Loading, PageTitle } from '../../ui/Page';
import { formatDate } from '../../ui/format';
import { ME_KEY } from '../session/session';
import { TimeZoneField } from './TimeZoneField';

export const ORGANIZATION_KEY = ['organization'] as const;

export function useOrganization() {
  return useQuery({ queryKey: ORGANIZATION_KEY, queryFn: () => api.get<Organization>('/api/organization') });
}

/** The organization's name, time zone, school year and default language: program leaders change them, everyone else reads them. */
export function OrganizationPage() {
  const org = useOrganization();
  return (
    <div>
      <PageTitle title="Organization settings">Organization settings</PageTitle>
      {org.isPending ? <Loading what="your organization" /> : null}
      <ErrorAlert error={org.error} />
      {org.data ? org.data.abilities.update ? <SettingsForm org={org.data} /> : <SettingsFacts org={org.data} /> : null}
    </div>
  );
}

function SettingsFacts({ org }: { org: Organization }) {
  return (
    <>
      <p className="lead">How Tandem is set up for everyone at {org.name}. Your program leader can change it.</p>
      <dl className="facts">
        <div>
          <dt>Time zone</dt>
          <dd>{org.timeZone}</dd>
        </div>
        <div>
          <dt>School year</dt>
          <dd>{org.schoolYearStart && org.schoolYearEnd ? `${formatDate(org.schoolYearStart)} to ${formatDate(org.schoolYearEnd)}` : 'All year'}</dd>
        </div>
        <div>
          <dt>Language</dt>
          <dd>{LANGUAGE_NAMES[org.defaultLanguage]}</dd>
        </div>
      </dl>
    </>
  );
}

function SettingsForm({ org }: { org: Organization }) {
  const client = useQueryClient();
  const [name, setName] = useState(org.name);
  const [timeZone, setTimeZone] = useState(org.timeZone);
  const [start, setStart] = useState(org.schoolYearStart ?? '');
  const [end, setEnd] = useState(org.schoolYearEnd ?? '');
  const [language, setLanguage] = useState<Language>(org.defaultLanguage);
  const [saved, setSaved] = useState('');
  const problemRef = useRef<HTMLDivElement>(null);
  const save = useMutation({
    mutationFn: () =>
      api.patch<Organization>('/api/organization', { name, timeZone, schoolYearStart: start || null, schoolYearEnd: end || null, defaultLanguage: language }),
    onMutate: () => setSaved(''),
    onSuccess: (next) => {
      client.setQueryData(ORGANIZATION_KEY, next);
      // The header shows the organization's name.
      void client.invalidateQueries({ queryKey: ME_KEY });
      setSaved(`Saved. Reminders and times now use ${next.timeZone}.`);
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const fieldErrors = !!err?.details.length;
  useEffect(() => {
    if (save.error) problemRef.current?.focus();
  }, [save.error]);

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }

  return (
    <>
      <p className="lead">How Tandem works for everyone at {org.name}: the time zone of reminders and calendars, the school year, and the language.</p>
      <form className="form" noValidate onSubmit={submit}>
        <TextField label="Organization name" required value={name} onChange={(e) => setName(e.target.value)} error={err?.fieldMessage('name')} />
        <TimeZoneField value={timeZone} onChange={setTimeZone} error={err?.fieldMessage('timeZone')} hint="Reminders, e-mails and agreement PDFs write times in this zone." />
        <FieldSet legend="School year" hint="Leave both days empty if your program runs all year." className="field-group">
          <TextField label="First day" type="date" value={start} onChange={(e) => setStart(e.target.value)} error={err?.fieldMessage('schoolYearStart')} />
          <TextField label="Last day" type="date" value={end} onChange={(e) => setEnd(e.target.value)} error={err?.fieldMessage('schoolYearEnd')} />
        </FieldSet>
        <SelectField
          label="Default language"
          hint="The language Tandem uses for people who have not chosen their own."
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
        <div ref={problemRef} tabIndex={-1} className="form-problems">
          {fieldErrors ? <Alert tone="error">Some answers need another look — see the messages above.</Alert> : <ErrorAlert error={save.error} />}
        </div>
        <div role="status">{saved ? <p className="success-text">{saved}</p> : null}</div>
        <Button type="submit" busy={save.isPending}>
          Save changes
        </Button>
      </form>
    </>
  );
}
