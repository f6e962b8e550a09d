import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ORG_ROLES, type OrgRole } from '../../../../shared/src/domain';
import { ApiError, type InvitationLink, type Page, type Person, type Site, type SupervisionLink, api, query } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { CopyField } from '../../ui/CopyField';
import { Checkbox, FieldSet, SelectField, TextField } from '../../ui/Field';
import { focusSaved, useFocusFirstError } from '../../ui/focus';
import { Loading, PageTitle, Section } from '../../ui/Page';
import { ShowMore } from '../../ui/ShowMore';
import { formatDateTime, useLabels } from '../../ui/format';
import { useLanguage, useT } from '../../i18n';
import { hasRole, useSignedIn } from '../session/session';
import { ImportPeople } from './ImportPeople';
import { m } from './messages';

function useSites() {
  return useQuery({ queryKey: ['sites'], queryFn: () => api.get<{ items: Site[] }>('/api/sites') });
}

/** Program leaders: find, add, import and change people; invitation links; who supervises whom. */
export function PeoplePage() {
  const t = useT(m);
  const labels = useLabels();
  const me = useSignedIn();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<OrgRole | ''>('');
  const [openId, setOpenId] = useState<string | null>(null);
  const sites = useSites();
  const people = useInfiniteQuery({
    queryKey: ['people', search, role],
    queryFn: ({ pageParam }) => api.get<Page<Person>>(`/api/people${query({ q: search, role, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: hasRole(me, 'leader'),
  });
  if (!hasRole(me, 'leader')) {
    return (
      <div>
        <PageTitle title={t('title')}>{t('title')}</PageTitle>
        <p>{t('onlyLeaders')}</p>
      </div>
    );
  }
  const items = people.data?.pages.flatMap((p) => p.items) ?? [];
  const siteName = (id: string | null) => sites.data?.items.find((s) => s.id === id)?.name ?? '—';
  return (
    <div>
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q.trim());
        }}
      >
        <TextField label={t('searchLabel')} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        <SelectField label={t('role')} value={role} onChange={(e) => setRole(e.target.value as OrgRole | '')}>
          <option value="">{t('anyRole')}</option>
          {ORG_ROLES.map((r) => (
            <option key={r} value={r}>
              {labels.orgRole(r)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">
          {t('search')}
        </Button>
      </form>
      {people.isPending ? <Loading what={t('loading')} /> : null}
      <ErrorAlert error={people.error} />
      {!people.isPending && items.length === 0 ? <p>{t('nobodyMatches')}</p> : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="responsive-table">
            <caption className="visually-hidden">{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('email')}</th>
                <th scope="col">{t('roles')}</th>
                <th scope="col">{t('site')}</th>
                <th scope="col">{t('account')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <PersonRow key={p.id} p={p} siteName={siteName(p.siteId)} open={openId === p.id} onToggle={() => setOpenId(openId === p.id ? null : p.id)} sites={sites.data?.items ?? []} all={items} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ShowMore hasMore={!!people.hasNextPage} loading={people.isFetchingNextPage} onMore={() => people.fetchNextPage()} what={t('more')} />
      <AddPerson sites={sites.data?.items ?? []} />
      <ImportPeople />
    </div>
  );
}

function PersonRow({ p, siteName, open, onToggle, sites, all }: { p: Person; siteName: string; open: boolean; onToggle: () => void; sites: Site[]; all: Person[] }) {
  const t = useT(m);
  const labels = useLabels();
  return (
    <>
      <tr className={p.active ? undefined : 'inactive'}>
        <td data-label={t('name')}>
          {p.name}
          {p.title ? <span className="muted"> · {p.title}</span> : null}
        </td>
        <td data-label={t('email')}>{p.email}</td>
        <td data-label={t('roles')}>{p.roles.map(labels.orgRole).join(', ')}</td>
        <td data-label={t('site')}>{siteName}</td>
        <td data-label={t('account')}>{t('accountState', { state: !p.active ? 'inactive' : p.hasAccount ? 'signedUp' : 'notYet' })}</td>
        <td data-label={t('actions')}>
          <Button variant="secondary" aria-expanded={open} onClick={onToggle}>
            {open ? t('close') : t('manage')}
            <span className="visually-hidden"> {t('rowButtonHidden', { open: open ? 'yes' : 'no', name: p.name })}</span>
          </Button>
        </td>
      </tr>
      {open ? (
        <tr className="detail-row">
          <td colSpan={6}>
            <ManagePerson p={p} sites={sites} all={all} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function RoleChecks({ roles, setRoles, error, legend }: { roles: OrgRole[]; setRoles: (r: OrgRole[]) => void; error?: string; legend: string }) {
  const labels = useLabels();
  return (
    <FieldSet legend={legend} error={error}>
      <div className="check-grid">
        {ORG_ROLES.map((r) => (
          <Checkbox key={r} label={labels.orgRole(r)} checked={roles.includes(r)} onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))} />
        ))}
      </div>
    </FieldSet>
  );
}

function ManagePerson({ p, sites, all }: { p: Person; sites: Site[]; all: Person[] }) {
  const t = useT(m);
  const { language } = useLanguage();
  const client = useQueryClient();
  const [roles, setRoles] = useState<OrgRole[]>(p.roles);
  const [siteId, setSiteId] = useState(p.siteId ?? '');
  const [active, setActive] = useState(p.active);
  const [saved, setSaved] = useState(false);
  const [link, setLink] = useState<InvitationLink | null>(null);
  useEffect(() => setSaved(false), [roles, siteId, active]);
  const update = useMutation({
    mutationFn: () => api.patch<Person>(`/api/people/${p.id}`, { roles, siteId: siteId || null, active }),
    onSuccess: () => {
      setSaved(true);
      client.invalidateQueries({ queryKey: ['people'] });
    },
  });
  const invite = useMutation({
    mutationFn: () => api.post<InvitationLink>(`/api/people/${p.id}/invitations`),
    onSuccess: setLink,
  });
  const err = update.error instanceof ApiError ? update.error : null;
  const formRef = useRef<HTMLFormElement>(null);
  const inviteRef = useRef<HTMLDivElement>(null);
  useFocusFirstError(formRef, update.error);
  useFocusFirstError(inviteRef, invite.error);
  function submit(e: FormEvent) {
    e.preventDefault();
    update.mutate();
  }
  return (
    <div className="manage">
      <h2 className="h3">{t('manageTitle', { name: p.name })}</h2>
      <form ref={formRef} className="form" noValidate onSubmit={submit}>
        <RoleChecks legend={t('rolesOf', { name: p.name })} roles={roles} setRoles={setRoles} error={err?.fieldMessage('roles')} />
        <SiteSelect sites={sites} value={siteId} onChange={setSiteId} />
        <Checkbox label={t('active')} checked={active} onChange={(e) => setActive(e.target.checked)} />
        <ErrorAlert error={update.error} />
        {saved ? <Alert tone="success">{t('saved')}</Alert> : null}
        <Button type="submit" busy={update.isPending}>
          {t('saveChanges')}
        </Button>
      </form>
      <h3>{t('invitationTitle')}</h3>
      <p>{t('invitationIntro', { name: p.name })}</p>
      <div ref={inviteRef}>
        <ErrorAlert error={invite.error} />
      </div>
      {link ? (
        <>
          <CopyField label={t('invitationLinkFor', { name: p.name })} value={link.url} />
          <p className="field-hint">{t('linkWorksUntil', { date: formatDateTime(link.expiresAt, language) })}</p>
        </>
      ) : (
        <Button variant="secondary" busy={invite.isPending} onClick={() => invite.mutate()} disabled={!p.active}>
          {t('createLink')}
        </Button>
      )}
      <Supervisors p={p} all={all} />
    </div>
  );
}

function Supervisors({ p, all }: { p: Person; all: Person[] }) {
  const t = useT(m);
  const client = useQueryClient();
  const links = useQuery({ queryKey: ['supervision-links'], queryFn: () => api.get<{ items: SupervisionLink[] }>('/api/supervision-links') });
  const supervisors = useQuery({ queryKey: ['people', 'supervisors'], queryFn: () => api.get<Page<Person>>(`/api/people${query({ role: 'supervisor', limit: 100 })}`) });
  const [choice, setChoice] = useState('');
  const mine = (links.data?.items ?? []).filter((l) => l.superviseeId === p.id);
  const candidates = supervisors.data?.items ?? [];
  const nameOf = (id: string) => candidates.find((c) => c.id === id)?.name ?? all.find((c) => c.id === id)?.name ?? t('someone');
  const refresh = () => {
    client.invalidateQueries({ queryKey: ['supervision-links'] });
    client.invalidateQueries({ queryKey: ['people'] });
  };
  const add = useMutation({ mutationFn: () => api.post('/api/supervision-links', { supervisorId: choice, superviseeId: p.id }), onSuccess: () => { setChoice(''); refresh(); } });
  const remove = useMutation({ mutationFn: (id: string) => api.delete(`/api/supervision-links/${id}`), onSuccess: refresh });
  const ref = useRef<HTMLDivElement>(null);
  useFocusFirstError(ref, add.error, remove.error);
  return (
    <div ref={ref}>
      <h3>{t('supervisedBy')}</h3>
      {mine.length === 0 ? <p className="muted">{t('nobodyRecorded')}</p> : null}
      <ul>
        {mine.map((l) => (
          <li key={l.id}>
            {nameOf(l.supervisorId)}{' '}
            <Button variant="quiet" onClick={() => remove.mutate(l.id)} busy={remove.isPending && remove.variables === l.id}>
              {t('remove')}<span className="visually-hidden"> {t('removeHidden', { name: nameOf(l.supervisorId) })}</span>
            </Button>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (choice) add.mutate();
        }}
      >
        <SelectField label={t('addSupervisorFor', { name: p.name })} value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">{t('chooseSupervisor')}</option>
          {candidates
            .filter((c) => c.id !== p.id && !mine.some((l) => l.supervisorId === c.id))
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
        </SelectField>
        <Button type="submit" variant="secondary" busy={add.isPending} disabled={!choice}>
          {t('addSupervisor')}
        </Button>
      </form>
      <ErrorAlert error={add.error ?? remove.error} />
    </div>
  );
}

function AddPerson({ sites }: { sites: Site[] }) {
  const t = useT(m);
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [title, setTitle] = useState('');
  const [roles, setRoles] = useState<OrgRole[]>(['coachee']);
  const [siteId, setSiteId] = useState('');
  const [added, setAdded] = useState<Person | null>(null);
  const [link, setLink] = useState<InvitationLink | null>(null);
  const create = useMutation({
    mutationFn: () => api.post<Person>('/api/people', { name, email, roles, siteId: siteId || null, title: title.trim() || null }),
    onSuccess: (p) => {
      setAdded(p);
      setLink(null);
      setName('');
      setEmail('');
      setTitle('');
      client.invalidateQueries({ queryKey: ['people'] });
      // Focus the notice that names who was added: their invitation link is made right there.
      focusSaved('person-added');
    },
  });
  const invite = useMutation({ mutationFn: (id: string) => api.post<InvitationLink>(`/api/people/${id}/invitations`), onSuccess: setLink });
  const err = create.error instanceof ApiError ? create.error : null;
  const formRef = useRef<HTMLFormElement>(null);
  const addedRef = useRef<HTMLDivElement>(null);
  useFocusFirstError(formRef, create.error);
  useFocusFirstError(addedRef, invite.error);
  return (
    <Section title={t('addTitle')} id="add-person">
      {added ? (
        <div id="person-added" ref={addedRef}>
          <Alert tone="success" title={t('added', { name: added.name })}>
            {link ? (
              <CopyField label={t('invitationLinkFor', { name: added.name })} value={link.url} />
            ) : (
              <Button variant="secondary" busy={invite.isPending} onClick={() => invite.mutate(added.id)}>
                {t('createLinkFor', { name: added.name })}
              </Button>
            )}
            <ErrorAlert error={invite.error} />
          </Alert>
        </div>
      ) : null}
      <form
        ref={formRef}
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <ErrorAlert error={create.error} />
        <TextField label={t('fullName')} required autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} error={err?.fieldMessage('name')} />
        <TextField label={t('email')} type="email" required autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} error={err?.fieldMessage('email')} />
        <TextField label={t('jobTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={err?.fieldMessage('title')} />
        <RoleChecks legend={t('roles')} roles={roles} setRoles={setRoles} error={err?.fieldMessage('roles')} />
        <SiteSelect sites={sites} value={siteId} onChange={setSiteId} />
        <Button type="submit" busy={create.isPending}>
          {t('addPerson')}
        </Button>
      </form>
    </Section>
  );
}

/** The site picker of the add and manage forms. */
function SiteSelect({ sites, value, onChange }: { sites: Array<{ id: string; name: string }>; value: string; onChange: (id: string) => void }) {
  const t = useT(m);
  return (
    <SelectField label={t('site')} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('noSite')}</option>
      {sites.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </SelectField>
  );
}
