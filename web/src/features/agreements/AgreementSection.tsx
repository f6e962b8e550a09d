import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { type AgreementResponse, type AgreementVersion, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading, Section } from '../../ui/Page';
import { focusSaved } from '../../ui/focus';
import { formatDateTime } from '../../ui/format';
import { usePartnership } from '../partnerships/usePartnership';
import { AgreementForm } from './AgreementForm';
import { AgreementView, MARK } from './AgreementView';
import { agreementKey, useAgreement, usePractices } from './useAgreement';
import { SupervisorSignature } from '../supervision/SupervisorSignature';
import { useLanguage, useT } from '../../i18n';
import { m } from './messages';

/** The partnership's agreement: read it, sign the exact version shown, edit, print or download. */
export function AgreementSection() {
  const t = useT(m);
  const { language } = useLanguage();
  const p = usePartnership();
  const client = useQueryClient();
  const agreement = useAgreement(p.id);
  const practices = usePractices();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState('');
  const sign = useMutation({
    mutationFn: (v: AgreementVersion) => api.post<AgreementResponse>(`/api/partnerships/${p.id}/agreement/signatures`, { version: v.version, contentHash: v.contentHash }),
    onSuccess: (next) => {
      client.setQueryData(agreementKey(p.id), next);
      client.invalidateQueries({ queryKey: ['partnership', p.id] });
      client.invalidateQueries({ queryKey: ['partnerships'] });
      setNotice(next.current?.waitingFor.length ? t('signed') : t('signedByAll'));
    },
  });
  if (agreement.isPending) return <Loading what={t('loading')} />;
  if (agreement.error) return <ErrorAlert error={agreement.error} />;
  const a = agreement.data;
  const current = a.current;
  const everyoneSigned = !!current && current.waitingFor.length === 0;

  if (editing) {
    return (
      <Section title={t('editTitle')} id="agreement">
        <AgreementForm
          partnershipId={p.id}
          format={p.format}
          agreement={a}
          practices={practices.data?.items ?? []}
          onDone={(version) => {
            setEditing(false);
            setNotice(version ? t('savedVersion', { version }) : '');
            // Saved: focus the notice that names the new version; cancelled: back to "Edit".
            focusSaved(version ? 'agreement-saved' : 'agreement-edit');
          }}
        />
      </Section>
    );
  }

  return (
    <Section title={t('title')} id="agreement">
      {notice ? (
        <div id="agreement-saved">
          <Alert tone="success">{notice}</Alert>
        </div>
      ) : null}
      <ErrorAlert error={sign.error} />
      {!current ? <p>{t('noneYet')}</p> : null}
      {current ? (
        <p className={everyoneSigned ? 'signed-banner' : 'waiting-banner'}>
          <strong>{everyoneSigned ? t('signedByEveryone') : t('waitingFor', { names: current.waitingFor.map((w) => w.name).join(', ') })}</strong>
        </p>
      ) : null}
      <div className="button-row no-print">
        {a.abilities.sign && current ? (
          <Button busy={sign.isPending} onClick={() => sign.mutate(current)}>
            {t('sign', { version: current.version })}
          </Button>
        ) : null}
        {a.abilities.edit ? (
          <Button id="agreement-edit" variant="secondary" onClick={() => setEditing(true)}>
            {t('edit')}
          </Button>
        ) : null}
        {current ? (
          <Button variant="secondary" onClick={() => printAgreement(p.id, p.abilities.readContent)}>
            {t('print')}
          </Button>
        ) : null}
        {current && p.abilities.readContent ? (
          <a className="btn btn-secondary" href={`/api/partnerships/${p.id}/agreement.pdf`} download>
            {t('downloadPdf')}
          </a>
        ) : null}
      </div>
      {a.abilities.sign && current ? (
        <p className="field-hint no-print">{t('signHint')}</p>
      ) : null}
      {!p.abilities.readContent ? (
        <p className="muted">{t('logisticsOnly')}</p>
      ) : null}
      {current ? <AgreementView version={current} practices={practices.data?.items ?? []} /> : null}
      <SupervisorSignature partnershipId={p.id} agreement={a} agreementKey={agreementKey(p.id)} />
      {a.versions.length > 1 ? (
        <Section title={t('earlierVersions')} id="versions" level={3}>
          <ul>
            {a.versions
              .filter((v) => v.version !== current?.version)
              .map((v) => {
                const [before, after] = t('versionLine', { link: MARK, date: formatDateTime(v.createdAt, language), signed: v.signedByAll ? 'yes' : 'no' }).split(MARK);
                return (
                  <li key={v.version}>
                    {before}
                    <Link to={`/partnerships/${p.id}/agreement/versions/${v.version}`}>{t('versionLink', { version: v.version })}</Link>
                    {after}
                  </li>
                );
              })}
          </ul>
        </Section>
      ) : null}
    </Section>
  );
}

/**
 * Members' prints go into the coachee's access log, like downloads do. The
 * print dialog opens whether or not that note reached the server: the record
 * is a courtesy to the coachee, not a gate on reading your own agreement.
 */
async function printAgreement(partnershipId: string, isMember: boolean) {
  if (isMember) {
    const recorded = api.post(`/api/partnerships/${partnershipId}/agreement/prints`, {}).catch(() => undefined);
    // Wait a moment for the record, never longer: a slow or failed request does not hold up printing.
    await Promise.race([recorded, new Promise((resolve) => setTimeout(resolve, 1500))]);
  }
  window.print();
}

/** A read-only earlier version. */
export function AgreementVersionPage() {
  const t = useT(m);
  const p = usePartnership();
  const { version = '' } = useParams();
  const practices = usePractices();
  const v = useQuery({
    queryKey: ['agreement', p.id, 'version', version],
    queryFn: () => api.get<AgreementVersion>(`/api/partnerships/${p.id}/agreement/versions/${encodeURIComponent(version)}`),
  });
  return (
    <Section title={t('versionTitle', { version })} id="agreement-version">
      <p className="no-print">
        <Link to={`/partnerships/${p.id}/agreement`}>{t('backToCurrent')}</Link>
      </p>
      <Alert tone="info">{t('earlierNote')}</Alert>
      {v.isPending ? <Loading what={t('loadingVersion')} /> : null}
      <ErrorAlert error={v.error} />
      {v.data ? <AgreementView version={v.data} practices={practices.data?.items ?? []} /> : null}
    </Section>
  );
}
