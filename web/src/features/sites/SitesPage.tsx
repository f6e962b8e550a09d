import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ApiError, type Site, type Team, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { focusSaved, useFocusFirstError } from '../../ui/focus';
import { useT } from '../../i18n';
import { Loading, PageTitle, Section } from '../../ui/Page';
import { m } from './messages';

/** The kinds of site, in the order the picker offers them (the messages' `kind` select names them). */
const SITE_KINDS = ['school', 'center', 'campus', 'home_visiting'] as const;

/** The element id of one site's name, where focus goes after it is added. */
const siteDomId = (id: string) => `site-${id}`;

/** Program leaders: the places coaching happens, and the teams within them. */
export function SitesPage() {
  const t = useT(m);
  const client = useQueryClient();
  const sites = useQuery({ queryKey: ['sites'], queryFn: () => api.get<{ items: Site[] }>('/api/sites') });
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => api.get<{ items: Team[] }>('/api/teams') });
  const [name, setName] = useState('');
  const [kind, setKind] = useState('school');
  const [teamName, setTeamName] = useState('');
  const [teamSite, setTeamSite] = useState('');
  const addSite = useMutation({
    mutationFn: () => api.post<Site>('/api/sites', { name, kind }),
    onSuccess: (site) => {
      setName('');
      client.invalidateQueries({ queryKey: ['sites'] });
      focusSaved(siteDomId(site.id));
    },
  });
  const addTeam = useMutation({
    mutationFn: () => api.post<Team>('/api/teams', { name: teamName, siteId: teamSite || null }),
    onSuccess: () => {
      setTeamName('');
      client.invalidateQueries({ queryKey: ['teams'] });
      focusSaved('team-added');
    },
  });
  const siteErr = addSite.error instanceof ApiError ? addSite.error : null;
  const teamErr = addTeam.error instanceof ApiError ? addTeam.error : null;
  const allTeams = teams.data?.items ?? [];
  const siteForm = useRef<HTMLFormElement>(null);
  const teamForm = useRef<HTMLFormElement>(null);
  useFocusFirstError(siteForm, addSite.error);
  useFocusFirstError(teamForm, addTeam.error);
  return (
    <div>
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      {sites.isPending ? <Loading what={t('loading')} /> : null}
      <ErrorAlert error={sites.error ?? teams.error} />
      <ul className="card-grid plain-list">
        {(sites.data?.items ?? []).map((s) => {
          const own = allTeams.filter((team) => team.siteId === s.id);
          return (
            <li key={s.id} className="card">
              <h2 id={siteDomId(s.id)} className="h3">
                {s.name}
              </h2>
              <p className="meta">{t('kind', { kind: s.kind })}</p>
              {own.length ? <p>{t('teams', { teams: own.map((team) => team.name).join(', ') })}</p> : <p className="muted">{t('noTeams')}</p>}
            </li>
          );
        })}
      </ul>
      {allTeams.some((team) => !team.siteId) ? (
        <p>
          {t('teamsAcross', {
            teams: allTeams
              .filter((team) => !team.siteId)
              .map((team) => team.name)
              .join(', '),
          })}
        </p>
      ) : null}
      <Section title={t('addSiteTitle')} id="add-site">
        {addSite.isSuccess ? <Alert tone="success">{t('siteAdded')}</Alert> : null}
        <form
          ref={siteForm}
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            addSite.mutate();
          }}
        >
          <ErrorAlert error={addSite.error} />
          <TextField label={t('siteName')} required value={name} onChange={(e) => setName(e.target.value)} error={siteErr?.fieldMessage('name')} />
          <SelectField label={t('siteKind')} value={kind} onChange={(e) => setKind(e.target.value)}>
            {SITE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t('kind', { kind: k })}
              </option>
            ))}
          </SelectField>
          <Button type="submit" busy={addSite.isPending}>
            {t('addSite')}
          </Button>
        </form>
      </Section>
      <Section title={t('addTeamTitle')} id="add-team">
        <p className="muted">{t('teamIntro')}</p>
        {addTeam.isSuccess ? (
          <div id="team-added">
            <Alert tone="success">{t('teamAdded')}</Alert>
          </div>
        ) : null}
        <form
          ref={teamForm}
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            addTeam.mutate();
          }}
        >
          <ErrorAlert error={addTeam.error} />
          <TextField label={t('teamName')} required value={teamName} onChange={(e) => setTeamName(e.target.value)} error={teamErr?.fieldMessage('name')} />
          <SelectField label={t('site')} value={teamSite} onChange={(e) => setTeamSite(e.target.value)}>
            <option value="">{t('acrossSites')}</option>
            {(sites.data?.items ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
          <Button type="submit" busy={addTeam.isPending}>
            {t('addTeam')}
          </Button>
        </form>
      </Section>
    </div>
  );
}
