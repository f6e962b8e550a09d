import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, type Site, type Team, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { Loading, PageTitle, Section } from '../../ui/Page';

const KIND_LABEL: Record<string, string> = { school: 'School', center: 'Early-learning center', campus: 'Campus', home_visiting: 'Home-visiting program' };

/** Program leaders: the places coaching happens, and the teams within them. */
export function SitesPage() {
  const client = useQueryClient();
  const sites = useQuery({ queryKey: ['sites'], queryFn: () => api.get<{ items: Site[] }>('/api/sites') });
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => api.get<{ items: Team[] }>('/api/teams') });
  const [name, setName] = useState('');
  const [kind, setKind] = useState('school');
  const [teamName, setTeamName] = useState('');
  const [teamSite, setTeamSite] = useState('');
  const addSite = useMutation({
    mutationFn: () => api.post<Site>('/api/sites', { name, kind }),
    onSuccess: () => {
      setName('');
      client.invalidateQueries({ queryKey: ['sites'] });
    },
  });
  const addTeam = useMutation({
    mutationFn: () => api.post<Team>('/api/teams', { name: teamName, siteId: teamSite || null }),
    onSuccess: () => {
      setTeamName('');
      client.invalidateQueries({ queryKey: ['teams'] });
    },
  });
  const siteErr = addSite.error instanceof ApiError ? addSite.error : null;
  const teamErr = addTeam.error instanceof ApiError ? addTeam.error : null;
  const allTeams = teams.data?.items ?? [];
  return (
    <div>
      <PageTitle title="Sites and teams">Sites and teams</PageTitle>
      {sites.isPending ? <Loading what="sites" /> : null}
      <ErrorAlert error={sites.error ?? teams.error} />
      <ul className="card-grid plain-list">
        {(sites.data?.items ?? []).map((s) => {
          const own = allTeams.filter((t) => t.siteId === s.id);
          return (
            <li key={s.id} className="card">
              <h2 className="h3">{s.name}</h2>
              <p className="meta">{KIND_LABEL[s.kind] ?? s.kind}</p>
              {own.length ? <p>Teams: {own.map((t) => t.name).join(', ')}</p> : <p className="muted">No teams yet.</p>}
            </li>
          );
        })}
      </ul>
      {allTeams.some((t) => !t.siteId) ? <p>Teams across sites: {allTeams.filter((t) => !t.siteId).map((t) => t.name).join(', ')}</p> : null}
      <Section title="Add a site" id="add-site">
        {addSite.isSuccess ? <Alert tone="success">Site added.</Alert> : null}
        <ErrorAlert error={addSite.error} />
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            addSite.mutate();
          }}
        >
          <TextField label="Site name" required value={name} onChange={(e) => setName(e.target.value)} error={siteErr?.fieldMessage('name')} />
          <SelectField label="Kind of site" value={kind} onChange={(e) => setKind(e.target.value)}>
            {Object.entries(KIND_LABEL).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </SelectField>
          <Button type="submit" busy={addSite.isPending}>
            Add site
          </Button>
        </form>
      </Section>
      <Section title="Add a team" id="add-team">
        <p className="muted">A grade level, a department, a classroom group — whatever helps you organize people.</p>
        {addTeam.isSuccess ? <Alert tone="success">Team added.</Alert> : null}
        <ErrorAlert error={addTeam.error} />
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            addTeam.mutate();
          }}
        >
          <TextField label="Team name" required value={teamName} onChange={(e) => setTeamName(e.target.value)} error={teamErr?.fieldMessage('name')} />
          <SelectField label="Site" value={teamSite} onChange={(e) => setTeamSite(e.target.value)}>
            <option value="">Across sites</option>
            {(sites.data?.items ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
          <Button type="submit" busy={addTeam.isPending}>
            Add team
          </Button>
        </form>
      </Section>
    </div>
  );
}
