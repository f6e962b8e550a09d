import { type FormEvent, useState } from 'react';
import { COACHING_ROLE_KEYS, COACHING_ROLE_TEXT, type CoachingRoleKey, MEETING_ITEM_KINDS, type MeetingItemKind } from '../../../../shared/src/admin-meetings';
import { ApiError, api } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox, FieldSet, TextArea, TextField } from '../../ui/Field';
import { useSignedIn } from '../session/session';
import type { AdminMeeting } from './live';
import { m } from './messages';
import { ConflictNote, WordsForm, useMeetingWrite } from './writes';

/**
 * Step 5: the ten coaching roles with what each means; my own picks; what the group picked (a
 * tally with names); the 3–5 roles the group settled on, for everyone or per team or subject;
 * and the lists beside them: challenges, strengths to build on, confidentiality agreements.
 */
export function RolesPanel({ meeting }: { meeting: AdminMeeting }) {
  const t = useT(m);
  const { language } = useLanguage();
  const roleText = COACHING_ROLE_TEXT[language];
  const me = useSignedIn();
  const open = meeting.status !== 'ended';
  const mine = meeting.roles.picks.find((p) => p.personId === me.personId)?.roles ?? [];
  const [picks, setPicks] = useState<CoachingRoleKey[]>(mine);
  const [saved, setSaved] = useState(false);
  const savePicks = useMeetingWrite(
    meeting,
    (roles: CoachingRoleKey[]) => api.put<AdminMeeting>(`/api/admin-meetings/${meeting.id}/role-picks`, { roles }),
    () => setSaved(true),
  );
  const names = (ids: string[]) => ids.map((id) => meeting.participants.find((p) => p.personId === id)?.name ?? '').filter(Boolean).join(', ');
  const toggle = (list: CoachingRoleKey[], role: CoachingRoleKey, on: boolean) => (on ? COACHING_ROLE_KEYS.filter((r) => r === role || list.includes(r)) : list.filter((r) => r !== role));

  return (
    <div className="meeting-panel roles-panel">
      <p className="muted">{t('rolesIntro')}</p>
      {meeting.abilities.contribute && open ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            setSaved(false);
            savePicks.mutation.mutate(picks);
          }}
        >
          <FieldSet legend={t('myPicks')}>
            {COACHING_ROLE_KEYS.map((r) => (
              <Checkbox key={r} label={roleText[r].name} hint={roleText[r].description} checked={picks.includes(r)} onChange={(e) => setPicks((p) => toggle(p, r, e.target.checked))} />
            ))}
          </FieldSet>
          <Button type="submit" variant="secondary" busy={savePicks.mutation.isPending}>
            {t('savePicks')}
          </Button>
          {saved ? <Alert tone="success">{t('picksSaved')}</Alert> : null}
          <ErrorAlert error={savePicks.error} />
        </form>
      ) : (
        <dl className="role-list">
          {COACHING_ROLE_KEYS.map((r) => (
            <div key={r}>
              <dt>{roleText[r].name}</dt>
              <dd>{roleText[r].description}</dd>
            </div>
          ))}
        </dl>
      )}

      <h3>{t('tally')}</h3>
      <ul className="plain-list tally-list">
        {[...meeting.roles.tally]
          .sort((a, b) => b.count - a.count)
          .map((row) => (
            <li key={row.role} className="tally-row">
              <span className="tally-name">{roleText[row.role].name}</span>{' '}
              <span className="muted">{t('tallyWho', { count: row.count, names: names(row.personIds) })}</span>
              <span className="tally-bar" aria-hidden="true" style={{ width: `${(row.count / Math.max(1, meeting.participants.length)) * 100}%` }} />
            </li>
          ))}
      </ul>

      <h3>{t('settled')}</h3>
      {meeting.roles.sets.length === 0 ? <p className="muted">{t('noSets')}</p> : null}
      <ul className="plain-list">
        {meeting.roles.sets.map((set) => (
          <RoleSet key={set.id} meeting={meeting} set={set} />
        ))}
      </ul>
      {meeting.abilities.settleRoles && open ? <NewRoleSet meeting={meeting} /> : null}

      {MEETING_ITEM_KINDS.map((kind) => (
        <ItemList key={kind} meeting={meeting} kind={kind} />
      ))}
    </div>
  );
}

function RoleSet({ meeting, set }: { meeting: AdminMeeting; set: AdminMeeting['roles']['sets'][number] }) {
  const t = useT(m);
  const { language } = useLanguage();
  const remove = useMeetingWrite(meeting, () => api.delete<AdminMeeting>(`/api/admin-meeting-role-sets/${set.id}`));
  return (
    <li className="card role-set">
      <p className="role-set-scope">{set.scope ? t('scopeOf', { scope: set.scope }) : t('wholeGroup')}</p>
      <ul>
        {set.roles.map((r) => (
          <li key={r}>{COACHING_ROLE_TEXT[language][r].name}</li>
        ))}
      </ul>
      {meeting.abilities.settleRoles && meeting.status !== 'ended' ? (
        <Button variant="quiet" busy={remove.mutation.isPending} onClick={() => remove.mutation.mutate(undefined)}>
          {t('removeSet')}
        </Button>
      ) : null}
      <ErrorAlert error={remove.error} />
    </li>
  );
}

function NewRoleSet({ meeting }: { meeting: AdminMeeting }) {
  const t = useT(m);
  const { language } = useLanguage();
  const [scope, setScope] = useState('');
  const [roles, setRoles] = useState<CoachingRoleKey[]>([]);
  const add = useMeetingWrite(
    meeting,
    (body: { scope: string; roles: CoachingRoleKey[] }) => api.post<AdminMeeting>(`/api/admin-meetings/${meeting.id}/role-sets`, body),
    () => {
      setScope('');
      setRoles([]);
    },
  );
  const err = add.error instanceof ApiError ? add.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutation.mutate({ scope, roles });
  };
  return (
    <form className="form" noValidate onSubmit={submit}>
      <h4>{t('newSet')}</h4>
      <TextField label={t('scope')} hint={t('scopeHint')} maxLength={100} value={scope} onChange={(e) => setScope(e.target.value)} error={err?.fieldMessage('scope')} />
      <FieldSet legend={t('setRoles')} error={err?.fieldMessage('roles')} className="compact-checks">
        {COACHING_ROLE_KEYS.map((r) => (
          <Checkbox key={r} label={COACHING_ROLE_TEXT[language][r].name} checked={roles.includes(r)} onChange={(e) => setRoles((list) => (e.target.checked ? COACHING_ROLE_KEYS.filter((x) => x === r || list.includes(x)) : list.filter((x) => x !== r)))} />
        ))}
      </FieldSet>
      <Button type="submit" variant="secondary" busy={add.mutation.isPending}>
        {t('recordSet')}
      </Button>
      {err && !err.fieldMessage('roles') && !err.fieldMessage('scope') ? <ErrorAlert error={err} /> : null}
    </form>
  );
}

function ItemList({ meeting, kind }: { meeting: AdminMeeting; kind: MeetingItemKind }) {
  const t = useT(m);
  const [text, setText] = useState('');
  const add = useMeetingWrite(
    meeting,
    (words: string) => api.post<AdminMeeting>(`/api/admin-meetings/${meeting.id}/items`, { kind, text: words }),
    () => setText(''),
  );
  const remove = useMeetingWrite(meeting, (id: string) => api.delete<AdminMeeting>(`/api/admin-meeting-items/${id}`));
  const items = meeting.items.filter((i) => i.kind === kind);
  const err = add.error instanceof ApiError ? add.error : null;
  return (
    <div className={`item-list item-list-${kind}`}>
      <h3>{t(`kind_${kind}`)}</h3>
      {items.length === 0 ? <p className="muted">{t('kindEmpty')}</p> : null}
      <ul className="plain-list">
        {items.map((i) => (
          <Item key={i.id} meeting={meeting} item={i} removing={remove.mutation.isPending && remove.mutation.variables === i.id} onRemove={() => remove.mutation.mutate(i.id)} />
        ))}
      </ul>
      <ConflictNote show={remove.conflict} />
      <ErrorAlert error={remove.error} />
      {meeting.abilities.contribute && meeting.status !== 'ended' ? (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            add.mutation.mutate(text);
          }}
        >
          <TextArea label={t(`newItem_${kind}`)} rows={2} maxLength={1000} value={text} onChange={(e) => setText(e.target.value)} error={err?.fieldMessage('text')} />
          <Button type="submit" variant="secondary" busy={add.mutation.isPending}>
            {t('addItem')}
          </Button>
          {err && !err.fieldMessage('text') ? <ErrorAlert error={err} /> : null}
        </form>
      ) : null}
    </div>
  );
}

type MeetingItem = AdminMeeting['items'][number];

/** One entry of a list; its author (or whoever runs the meeting) changes its words or removes it. */
function Item({ meeting, item, removing, onRemove }: { meeting: AdminMeeting; item: MeetingItem; removing: boolean; onRemove: () => void }) {
  const t = useT(m);
  const [editing, setEditing] = useState(false);
  const [words, setWords] = useState(item.text);
  // Against the version the change started from (a 409 if someone changed it meanwhile).
  const [base, setBase] = useState(item.version);
  const update = useMeetingWrite(
    meeting,
    (body: { text: string; baseVersion: number }) => api.patch<AdminMeeting>(`/api/admin-meeting-items/${item.id}`, body),
    () => setEditing(false),
  );
  const err = update.error instanceof ApiError ? update.error : null;
  const short = item.text.length > 40 ? `${item.text.slice(0, 40)}…` : item.text;
  return (
    <li className="meeting-item">
      <span className="meeting-item-text">{item.text}</span> <span className="meta">({t('itemBy', { name: item.authorName })})</span>
      {item.abilities.edit && !editing ? (
        <span className="button-row">
          <Button
            variant="quiet"
            onClick={() => {
              setWords((w) => (update.conflict ? w : item.text));
              setBase(item.version);
              setEditing(true);
            }}
          >
            {t('changeItem', { text: short })}
          </Button>
          <Button variant="quiet" busy={removing} onClick={onRemove}>
            {t('removeItem', { text: short })}
          </Button>
        </span>
      ) : null}
      {item.abilities.edit && editing ? (
        <WordsForm
          className="form meeting-item-edit"
          label={t('itemWords')}
          maxLength={1000}
          words={words}
          setWords={setWords}
          error={err?.fieldMessage('text')}
          busy={update.mutation.isPending}
          onSave={() => update.mutation.mutate({ text: words, baseVersion: update.conflict ? item.version : base })}
          onCancel={() => setEditing(false)}
        />
      ) : null}
      <ConflictNote show={update.conflict} />
      {err && !err.fieldMessage('text') ? <ErrorAlert error={err} /> : null}
    </li>
  );
}
