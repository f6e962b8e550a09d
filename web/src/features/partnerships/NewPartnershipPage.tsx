import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { FORMATS, FORMAT_SHAPE, type Format, type MemberRole, type Origin } from '../../../../shared/src/domain';
import { ApiError, type Me, type PartnershipDetail, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox, FieldSet, Radio, SelectField, TextArea } from '../../ui/Field';
import { PageTitle } from '../../ui/Page';
import { FORMAT_EXPLAIN, FORMAT_LABEL, MEMBER_ROLE_LABEL } from '../../ui/format';
import { PersonPicker } from '../directory/PersonPicker';
import { useT } from '../../i18n';
import { hasRole, useSignedIn } from '../session/session';
import { m } from './messages';

interface Row {
  personId: string;
  name: string;
  role: MemberRole;
}

const ORIGIN_CHOICES: Array<{ value: Origin; label: string; hint: string; leaderOnly?: boolean }> = [
  { value: 'self_initiated', label: 'The coachee asked for coaching', hint: 'The person being coached started this.' },
  { value: 'volunteered', label: 'Volunteered', hint: 'Someone offered, and everyone joins by choice.' },
  { value: 'assigned', label: 'Assigned by the program', hint: 'Recorded honestly, so the program can see how partnerships begin.', leaderOnly: true },
];

function defaultRoleFor(format: Format, me: Me): MemberRole {
  if (format === 'peer') return 'peer';
  if (format === 'self') return 'self';
  return hasRole(me, 'coach') ? 'coach' : 'coachee';
}

function rolesFor(format: Format): MemberRole[] {
  return FORMAT_SHAPE[format].map(([role]) => role);
}

/**
 * Start a partnership (or ask for coaching): format, how it began, who is in it, a message.
 * Someone the policy does not let start one (a supervisor who takes no part in coaching)
 * who opens the address is told who starts partnerships instead of being shown a form.
 */
export function NewPartnershipPage() {
  const me = useSignedIn();
  return me.abilities.startPartnership ? <StartPartnership me={me} /> : <NotForYou />;
}

function NotForYou() {
  const t = useT(m);
  return (
    <div>
      <PageTitle title={t('startTitle')}>{t('startTitle')}</PageTitle>
      <p className="lead">{t('startNotForYou')}</p>
      <p>{t('startNotForYouNext')}</p>
      <p>
        <Link to="/">{t('startBackHome')}</Link>
      </p>
    </div>
  );
}

function StartPartnership({ me }: { me: Me }) {
  const t = useT(m);
  const leader = hasRole(me, 'leader');
  const client = useQueryClient();
  const navigate = useNavigate();
  const [format, setFormat] = useState<Format>('expert');
  const [origin, setOrigin] = useState<Origin>('volunteered');
  const [rows, setRows] = useState<Row[]>(() => (leader ? [] : [{ personId: me.personId, name: me.name, role: defaultRoleFor('expert', me) }]));
  const [message, setMessage] = useState('');
  const [dualRoleWarning, setDualRoleWarning] = useState<string | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);

  // Roles must fit the chosen format.
  useEffect(() => {
    const allowed = rolesFor(format);
    setRows((rs) => rs.map((r) => (allowed.includes(r.role) ? r : { ...r, role: r.personId === me.personId ? defaultRoleFor(format, me) : allowed[allowed.length > 1 ? 1 : 0] })));
  }, [format, me]);

  const create = useMutation({
    mutationFn: () =>
      api.post<PartnershipDetail>('/api/partnerships', {
        format,
        origin,
        members: rows.map((r) => ({ personId: r.personId, role: r.role })),
        acknowledgeDualRole: acknowledged,
        message: message.trim() || undefined,
      }),
    onSuccess: (p) => {
      client.invalidateQueries({ queryKey: ['partnerships'] });
      navigate(`/partnerships/${p.id}`);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fieldMessage('acknowledgeDualRole')) setDualRoleWarning(e.message);
    },
  });
  const err = create.error instanceof ApiError ? create.error : null;
  const isDualRoleError = !!err?.fieldMessage('acknowledgeDualRole');

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate();
  }

  const shape = FORMAT_SHAPE[format]
    .map(([role, min, max]) => `${min === max ? min : `${min}–${max}`} ${MEMBER_ROLE_LABEL[role].toLowerCase()}${max > 1 ? 's' : ''}`)
    .join(', ');

  return (
    <div>
      <PageTitle title={t('startTitle')}>{t('startTitle')}</PageTitle>
      <p className="lead">Coaching works when everyone is there by choice. Everyone you add gets an invitation they can accept or decline.</p>
      {err && !isDualRoleError ? <ErrorAlert error={err} /> : null}
      <form className="form" noValidate onSubmit={submit}>
        <FieldSet legend="Which kind of partnership?">
          {FORMATS.map((f) => (
            <Radio key={f} name="format" value={f} checked={format === f} onChange={() => setFormat(f)} label={FORMAT_LABEL[f]} hint={FORMAT_EXPLAIN[f]} />
          ))}
        </FieldSet>
        <FieldSet legend="How did it begin?" error={err?.fieldMessage('origin')}>
          {ORIGIN_CHOICES.filter((o) => !o.leaderOnly || leader).map((o) => (
            <Radio key={o.value} name="origin" value={o.value} checked={origin === o.value} onChange={() => setOrigin(o.value)} label={o.label} hint={o.hint} />
          ))}
        </FieldSet>
        <FieldSet legend="Who is in it?" hint={`This kind needs: ${shape}.`} error={err?.fieldMessage('members')}>
          {rows.length === 0 ? <p className="muted">Nobody added yet.</p> : null}
          <ul className="member-rows">
            {rows.map((r) => (
              <li key={r.personId} className="member-row">
                <span className="member-name">
                  {r.name}
                  {r.personId === me.personId ? ' (you)' : ''}
                </span>
                <SelectField
                  label={`Role of ${r.name}`}
                  className="inline-field"
                  value={r.role}
                  onChange={(e) => setRows((rs) => rs.map((x) => (x.personId === r.personId ? { ...x, role: e.target.value as MemberRole } : x)))}
                >
                  {rolesFor(format).map((role) => (
                    <option key={role} value={role}>
                      {MEMBER_ROLE_LABEL[role]}
                    </option>
                  ))}
                </SelectField>
                <Button variant="quiet" onClick={() => setRows((rs) => rs.filter((x) => x.personId !== r.personId))}>
                  Remove {r.name}
                </Button>
              </li>
            ))}
          </ul>
          <PersonPicker
            label="Add a colleague"
            hint="Type part of a name."
            exclude={rows.map((r) => r.personId)}
            onPick={(p) => {
              const allowed = rolesFor(format);
              const taken = new Set(rows.map((r) => r.role));
              const role = allowed.find((x) => !taken.has(x) || x === 'peer') ?? allowed[0];
              setRows((rs) => [...rs, { personId: p.id, name: p.name, role }]);
            }}
          />
        </FieldSet>
        <TextArea label="A message to the people you invite (optional)" rows={3} value={message} onChange={(e) => setMessage(e.target.value)} error={err?.fieldMessage('message')} />
        {dualRoleWarning ? (
          <Alert tone="warning" title="Supervision and coaching overlap here">
            <p>{dualRoleWarning}</p>
            <Checkbox
              label="Everyone involved knows about the dual role, and we want to go ahead."
              checked={acknowledged}
              onChange={(e) => setAcknowledged(e.target.checked)}
              error={isDualRoleError && !acknowledged ? 'Tick this box to continue.' : undefined}
            />
          </Alert>
        ) : null}
        <Button type="submit" busy={create.isPending}>
          Send the invitations
        </Button>
      </form>
    </div>
  );
}
