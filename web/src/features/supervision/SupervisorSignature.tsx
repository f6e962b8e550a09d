import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type AgreementResponse, api } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Section } from '../../ui/Page';
import { formatDateTime } from '../../ui/format';
import { m } from './messages';
import { myCheckinsKey } from './types';

/**
 * The supervisor's part of the current agreement: who signed the supervisor's commitments and
 * when, who still has to, and — when the server says the reader may — the button to sign them.
 * Shown to the partners and to the coachee's supervisor alike.
 */
export function SupervisorSignature({ partnershipId, agreement, agreementKey }: { partnershipId: string; agreement: AgreementResponse; agreementKey: readonly unknown[] }) {
  const t = useT(m);
  const { language } = useLanguage();
  const client = useQueryClient();
  const [notice, setNotice] = useState('');
  const current = agreement.current;
  const part = current?.supervisor;
  const sign = useMutation({
    mutationFn: () => api.post<AgreementResponse>(`/api/partnerships/${partnershipId}/agreement/supervisor-signatures`, { version: current!.version, commitmentsHash: part!.commitmentsHash }),
    onSuccess: (next) => {
      client.setQueryData(agreementKey, next);
      client.invalidateQueries({ queryKey: ['partnership', partnershipId] });
      client.invalidateQueries({ queryKey: myCheckinsKey });
      setNotice(t('signedAsSupervisor'));
    },
  });
  if (!current || !part) return null;
  return (
    <Section title={t('partTitle')} id="supervisor-part" level={3} className="supervisor-part">
      <p className="muted">{t('partIntro')}</p>
      <div role="status">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      <ErrorAlert error={sign.error} />
      {part.signatures.length ? (
        <ul>
          {part.signatures.map((s) => (
            <li key={s.personId}>{t('supervisorSigned', { name: s.name, date: formatDateTime(s.signedAt, language) })}</li>
          ))}
        </ul>
      ) : null}
      {part.waitingFor.length ? <p>{t('supervisorWaiting', { names: part.waitingFor.map((w) => w.name).join(', ') })}</p> : null}
      {!part.signatures.length && !part.waitingFor.length ? <p>{t('noSupervisor')}</p> : null}
      {agreement.abilities.signAsSupervisor ? (
        <div className="button-row no-print">
          <Button busy={sign.isPending} onClick={() => sign.mutate()}>
            {t('signAsSupervisor')}
          </Button>
        </div>
      ) : null}
    </Section>
  );
}
