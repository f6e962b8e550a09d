import { useState } from 'react';
import { COACHING_ROLE_TEXT, MEETING_ITEM_KINDS, TOPIC_TEXT } from '../../../../shared/src/admin-meetings';
import { ApiError, api } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField, TextArea, TextField } from '../../ui/Field';
import { useLabels } from '../../ui/format';
import type { AdminMeeting } from './live';
import { m } from './messages';
import { ConflictNote, useMeetingWrite } from './writes';

type Version = NonNullable<AdminMeeting['agreement']['latest']>;

/**
 * Step 7 and after: who writes the agreement and by when; the version put together from the
 * answers, to review; who has signed and who not yet; signing (the version's content hash, so a
 * signature is for exactly what was read); print (print CSS) and the PDF.
 */
export function AgreementPanel({ meeting }: { meeting: AdminMeeting }) {
  const t = useT(m);
  const l = useLabels();
  const a = meeting.agreement;
  const latest = a.latest;
  return (
    <div className="meeting-panel agreement-panel">
      <p id="agreement-plan">{a.drafterName && a.dueOn ? t('planIs', { name: a.drafterName, date: l.date(a.dueOn) }) : t('noPlan')}</p>
      {meeting.abilities.planAgreement ? <PlanForm meeting={meeting} /> : null}
      {meeting.abilities.draftAgreement ? <Assemble meeting={meeting} /> : null}
      {latest ? <AgreementVersionView meeting={meeting} version={latest} /> : <p className="muted">{t('noVersion')}</p>}
    </div>
  );
}

function PlanForm({ meeting }: { meeting: AdminMeeting }) {
  const t = useT(m);
  const a = meeting.agreement;
  const [drafterId, setDrafterId] = useState(a.drafterId ?? '');
  const [dueOn, setDueOn] = useState(a.dueOn ?? '');
  const write = useMeetingWrite(meeting, () => api.put<AdminMeeting>(`/api/admin-meetings/${meeting.id}/agreement-plan`, { drafterId, dueOn, baseVersion: a.planVersion }));
  const err = write.error instanceof ApiError ? write.error : null;
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        write.mutation.mutate(undefined);
      }}
    >
      <div className="field-pair">
        <SelectField label={t('drafter')} value={drafterId} onChange={(e) => setDrafterId(e.target.value)} error={err?.fieldMessage('drafterId')}>
          <option value="" disabled>
            —
          </option>
          {meeting.participants.map((p) => (
            <option key={p.personId} value={p.personId}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t('dueOn')} type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} error={err?.fieldMessage('dueOn')} />
      </div>
      <Button type="submit" variant="secondary" busy={write.mutation.isPending}>
        {t('planSave')}
      </Button>
      <ConflictNote show={write.conflict} />
      {err && !err.fieldMessage('drafterId') && !err.fieldMessage('dueOn') ? <ErrorAlert error={err} /> : null}
    </form>
  );
}

function Assemble({ meeting }: { meeting: AdminMeeting }) {
  const t = useT(m);
  const a = meeting.agreement;
  const [introduction, setIntroduction] = useState(a.latest?.content.introduction ?? '');
  const write = useMeetingWrite(meeting, () => api.post<AdminMeeting>(`/api/admin-meetings/${meeting.id}/agreement-versions`, { introduction: introduction.trim() ? introduction : null, baseVersion: a.currentVersion }));
  const err = write.error instanceof ApiError ? write.error : null;
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        write.mutation.mutate(undefined);
      }}
    >
      <TextArea label={t('introduction')} rows={3} maxLength={5000} value={introduction} onChange={(e) => setIntroduction(e.target.value)} error={err?.fieldMessage('introduction')} />
      <p className="field-hint">{t('assembleHint')}</p>
      <Button type="submit" busy={write.mutation.isPending}>
        {a.currentVersion > 0 ? t('assembleAgain') : t('assemble')}
      </Button>
      <ConflictNote show={write.conflict} />
      {err && !err.fieldMessage('introduction') ? <ErrorAlert error={err} /> : null}
    </form>
  );
}

function AgreementVersionView({ meeting, version }: { meeting: AdminMeeting; version: Version }) {
  const t = useT(m);
  const l = useLabels();
  const { language } = useLanguage();
  const c = version.content;
  const sign = useMeetingWrite(meeting, () => api.post<AdminMeeting>(`/api/admin-meetings/${meeting.id}/agreement-signatures`, { version: version.version, contentHash: version.contentHash }));
  const agreedTopics = c.topics.filter((x) => x.status === 'agreed');
  return (
    <article className="agreement-document" aria-labelledby="agreement-document-title">
      <h3 id="agreement-document-title">
        {c.title} · {c.schoolYear}
      </h3>
      <p className="meta">{t('versionOf', { version: version.version, name: version.createdByName, date: l.dateTime(version.createdAt) })}</p>
      {c.introduction ? <p className="agreement-intro">{c.introduction}</p> : null}
      <h4>{t('sectionParticipants')}</h4>
      <ul>
        {c.participants.map((p) => (
          <li key={p.personId}>
            {p.name} <span className="muted">· {t(`role_${p.role}`)}</span>
          </li>
        ))}
      </ul>
      {c.roleSets.length > 0 ? (
        <>
          <h4>{t('sectionRoles')}</h4>
          <ul>
            {c.roleSets.map((s, i) => (
              <li key={i}>
                {s.scope ? t('scopeOf', { scope: s.scope }) : t('wholeGroup')}: {s.roles.map((r) => COACHING_ROLE_TEXT[language][r].name).join(', ')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {MEETING_ITEM_KINDS.map((kind) => {
        const list = kind === 'challenge' ? c.challenges : kind === 'strength' ? c.strengths : c.confidentiality;
        return list.length > 0 ? (
          <div key={kind}>
            <h4>{t(`kind_${kind}`)}</h4>
            <ul>
              {list.map((i) => (
                <li key={i.id}>{i.text}</li>
              ))}
            </ul>
          </div>
        ) : null;
      })}
      {agreedTopics.length > 0 ? (
        <>
          <h4>{t('sectionTopics')}</h4>
          <dl className="agreement-topics">
            {agreedTopics.map((x) => (
              <div key={x.key}>
                <dt>{TOPIC_TEXT[language][x.key]}</dt>
                <dd>
                  {x.text}
                  {x.namesMayBeUsed !== null ? ` ${x.namesMayBeUsed ? t('namesAgreedYes') : t('namesAgreedNo')}` : ''}
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      {c.norms.length > 0 ? (
        <>
          <h4>{t('sectionNorms')}</h4>
          <ul>
            {c.norms.map((n) => (
              <li key={n.id}>{n.text}</li>
            ))}
          </ul>
        </>
      ) : null}

      <div className="agreement-signatures">
        <h4>{t('signedBy')}</h4>
        {version.signatures.length === 0 ? <p className="muted">{t('nobody')}</p> : null}
        <ul id="agreement-signed">
          {version.signatures.map((s) => (
            <li key={s.personId}>{t('signedOn', { name: s.name, date: l.dateTime(s.signedAt) })}</li>
          ))}
        </ul>
        {version.waitingFor.length > 0 ? (
          <p>
            {t('waitingFor')}: {version.waitingFor.map((p) => p.name).join(', ')}
          </p>
        ) : (
          <Alert tone="success">{t('signedAll')}</Alert>
        )}
      </div>
      {meeting.abilities.signAgreement ? (
        <div className="agreement-sign">
          <p className="field-hint">{t('signHint')}</p>
          <Button busy={sign.mutation.isPending} onClick={() => sign.mutation.mutate(undefined)}>
            {t('sign', { version: version.version })}
          </Button>
          <ConflictNote show={sign.conflict} />
          <ErrorAlert error={sign.error} />
        </div>
      ) : null}
      {meeting.abilities.exportAgreement ? (
        <div className="button-row agreement-export">
          <Button variant="secondary" onClick={() => window.print()}>
            {t('print')}
          </Button>
          <a className="btn btn-secondary" href={`/api/admin-meetings/${meeting.id}/agreement.pdf`} download>
            {t('pdf')}
          </a>
        </div>
      ) : null}
    </article>
  );
}
