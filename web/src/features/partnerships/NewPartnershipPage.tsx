import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { FORMATS, FORMAT_SHAPE, type Format, type MemberRole, type Origin } from '../../../../shared/src/domain';
import { ApiError, type Me, type PartnershipDetail, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox, FieldSet, Radio, SelectField, TextArea } from '../../ui/Field';
import { useFocusFirstError } from '../../ui/focus';
import { PageTitle } from '../../ui/Page';
import { useLabels } from '../../ui/format';
import { PersonPicker } from '../directory/PersonPicker';
import { useLanguage, useT } from '../../i18n';
import { NotForYou as NotForYouPage } from '../../ui/NotForYou';
import { hasRole, useSignedIn } from '../session/session';
import { m } from './start/messages';

interface Row {
  personId: string;
  name: string;
  role: MemberRole;
}

/** How a partnership can begin, in the order offered; only a program leader records one as assigned. */
const ORIGIN_CHOICES: Array<{ value: Origin; leaderOnly?: boolean }> = [{ value: 'self_initiated' }, { value: 'volunteered' }, { value: 'assigned', leaderOnly: true }];

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
  return <NotForYouPage title={t('title')} lead={t('notForYou')} next={t('notForYouNext')} backHome={t('backHome')} />;
}

function StartPartnership({ me }: { me: Me }) {
  const t = useT(m);
  const labels = useLabels();
  const { language } = useLanguage();
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
  // A refused start: focus the first answer with a problem (the dual-role box included), or the message.
  const ref = useRef<HTMLDivElement>(null);
  useFocusFirstError(ref, create.error);

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate();
  }

  // "1 coach, 1 coachee, 0–1 mentor coach": each role's count as a plural in the reader's language.
  const shape = new Intl.ListFormat(language, { style: 'long', type: 'unit' }).format(
    FORMAT_SHAPE[format].map(([role, min, max]) => t('shapeRole', { role, min, max, exact: min === max ? 'yes' : 'no' })),
  );

  return (
    <div ref={ref}>
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      <p className="lead">{t('lead')}</p>
      {err && !isDualRoleError ? <ErrorAlert error={err} /> : null}
      <form className="form" noValidate onSubmit={submit}>
        <FieldSet legend={t('formatLegend')}>
          {FORMATS.map((f) => (
            <Radio key={f} name="format" value={f} checked={format === f} onChange={() => setFormat(f)} label={labels.format(f)} hint={labels.formatExplain(f)} />
          ))}
        </FieldSet>
        <FieldSet legend={t('originLegend')} error={err?.fieldMessage('origin')}>
          {ORIGIN_CHOICES.filter((o) => !o.leaderOnly || leader).map((o) => (
            <Radio key={o.value} name="origin" value={o.value} checked={origin === o.value} onChange={() => setOrigin(o.value)} label={t('origin', { origin: o.value })} hint={t('originHint', { origin: o.value })} />
          ))}
        </FieldSet>
        <FieldSet legend={t('membersLegend')} hint={t('shapeHint', { roles: shape })} error={err?.fieldMessage('members')}>
          {rows.length === 0 ? <p className="muted">{t('nobodyYet')}</p> : null}
          <ul className="member-rows">
            {rows.map((r) => (
              <li key={r.personId} className="member-row">
                <span className="member-name">{r.personId === me.personId ? t('nameYou', { name: r.name }) : r.name}</span>
                <SelectField
                  label={t('roleOf', { name: r.name })}
                  className="inline-field"
                  value={r.role}
                  onChange={(e) => setRows((rs) => rs.map((x) => (x.personId === r.personId ? { ...x, role: e.target.value as MemberRole } : x)))}
                >
                  {rolesFor(format).map((role) => (
                    <option key={role} value={role}>
                      {labels.memberRole(role)}
                    </option>
                  ))}
                </SelectField>
                <Button variant="quiet" onClick={() => setRows((rs) => rs.filter((x) => x.personId !== r.personId))}>
                  {t('remove', { name: r.name })}
                </Button>
              </li>
            ))}
          </ul>
          <PersonPicker
            label={t('addColleague')}
            hint={t('addColleagueHint')}
            exclude={rows.map((r) => r.personId)}
            onPick={(p) => {
              const allowed = rolesFor(format);
              const taken = new Set(rows.map((r) => r.role));
              const role = allowed.find((x) => !taken.has(x) || x === 'peer') ?? allowed[0];
              setRows((rs) => [...rs, { personId: p.id, name: p.name, role }]);
            }}
          />
        </FieldSet>
        <TextArea label={t('message')} rows={3} value={message} onChange={(e) => setMessage(e.target.value)} error={err?.fieldMessage('message')} />
        {dualRoleWarning ? (
          <Alert tone="warning" title={t('dualTitle')}>
            <p>{dualRoleWarning}</p>
            <Checkbox
              label={t('dualAcknowledge')}
              checked={acknowledged}
              onChange={(e) => setAcknowledged(e.target.checked)}
              error={isDualRoleError && !acknowledged ? t('dualTick') : undefined}
            />
          </Alert>
        ) : null}
        <Button type="submit" busy={create.isPending}>
          {t('send')}
        </Button>
      </form>
    </div>
  );
}
