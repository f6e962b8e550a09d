import type { Values } from '../../../../shared/src/i18n';
import type { AgreementVersion, Practice } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { Section } from '../../ui/Page';
import { formatDate, formatDateTime, shortHash } from '../../ui/format';
import { type Key, m } from './messages';

type T = (key: Key, values?: Values) => string;

/** Stands for a link or markup in a sentence, so it can sit wherever a language puts it. */
export const MARK = '\u0001';

const PARTIES = ['coach', 'coachee', 'peer', 'self', 'mentor', 'supervisor'] as const;
/** "The coach", "Each peer coach": whose commitments these are, in the reader's language. */
export const partyLabel = (t: T, party: string) => ((PARTIES as readonly string[]).includes(party) ? t(`party_${party as (typeof PARTIES)[number]}`) : party);

const MODES = ['live', 'recorded', 'both', 'undecided'] as const;
/** How observations happen, as agreed. */
export const modeLabel = (t: T, mode: string) => ((MODES as readonly string[]).includes(mode) ? t(`mode_${mode as (typeof MODES)[number]}`) : mode);

/** One version of an agreement, read-only: what everyone promised and what they decided together. */
export function AgreementView({ version, practices }: { version: AgreementVersion; practices: Practice[] }) {
  const t = useT(m);
  const { language } = useLanguage();
  const c = version.content;
  const [metaBefore, metaAfter] = t('versionMeta', { version: version.version, name: version.createdBy, date: formatDateTime(version.createdAt, language), fingerprint: MARK }).split(MARK);
  const commitments = c.commitments ? Object.entries(c.commitments).filter(([, lines]) => lines.length > 0) : [];
  const chosen = c.guidelines ? practices.filter((p) => c.guidelines!.practiceIds.includes(p.id)) : [];
  return (
    <div className="agreement">
      <p className="meta">
        {metaBefore}
        <code title={version.contentHash}>{shortHash(version.contentHash)}</code>
        {metaAfter}
      </p>
      {commitments.length > 0 ? (
        <Section title={t('commitTitle')} id={`commit-${version.version}`} level={3}>
          {commitments.map(([party, lines]) => (
            <div key={party} className="commitment">
              <h4>{partyLabel(t, party)}</h4>
              <ul>
                {lines.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </div>
          ))}
        </Section>
      ) : null}
      {c.guidelines ? (
        <Section title={t('guideTitle')} id={`guide-${version.version}`} level={3}>
          <dl className="facts stacked">
            <div>
              <dt>{t('practices')}</dt>
              <dd>{chosen.length ? chosen.map((p) => p.name).join('; ') : t('notChosen')}</dd>
            </div>
            <div>
              <dt>{t('observed')}</dt>
              <dd>{c.guidelines.observation || t('notDecided')}</dd>
            </div>
            <div>
              <dt>{t('howObservations')}</dt>
              <dd>{modeLabel(t, c.guidelines.observationMode)}</dd>
            </div>
            <div>
              <dt>{t('sharing')}</dt>
              <dd>{c.guidelines.sharing || t('sharingDefault')}</dd>
            </div>
            <div>
              <dt>{t('supports')}</dt>
              <dd>{c.guidelines.supports || '—'}</dd>
            </div>
            <div>
              <dt>{t('concerns')}</dt>
              <dd>{c.guidelines.concerns || '—'}</dd>
            </div>
          </dl>
        </Section>
      ) : null}
      <Section title={t('logistics')} id={`logistics-${version.version}`} level={3}>
        <dl className="facts stacked">
          <div>
            <dt>{t('meet')}</dt>
            <dd>{c.meetingCadence || t('notAgreed')}</dd>
          </div>
          <div>
            <dt>{t('cover')}</dt>
            <dd>{c.coverageNeeds || t('noneNoted')}</dd>
          </div>
          <div>
            <dt>{t('notice')}</dt>
            <dd>{noticeText(t, c.cancellationNoticeHours)}</dd>
          </div>
          <div>
            <dt>{t('review')}</dt>
            <dd>{c.reviewOn ? formatDate(c.reviewOn, language) : t('notSet')}</dd>
          </div>
        </dl>
      </Section>
      <Section title={t('commTitle')} id={`comm-${version.version}`} level={3}>
        {c.communicationPlan && c.communicationPlan.length > 0 ? (
          <div className="table-wrap">
            <table className="responsive-table">
              <caption className="visually-hidden">{t('commCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('who')}</th>
                  <th scope="col">{t('tellsWhom')}</th>
                  <th scope="col">{t('what')}</th>
                  <th scope="col">{t('howOften')}</th>
                </tr>
              </thead>
              <tbody>
                {c.communicationPlan.map((row, i) => (
                  <tr key={i}>
                    <td data-label={t('who')}>{row.from}</td>
                    <td data-label={t('tellsWhom')}>{row.to}</td>
                    <td data-label={t('what')}>{row.what}</td>
                    <td data-label={t('howOften')}>{row.when}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t('noComm')}</p>
        )}
      </Section>
      <Section title={t('signatures')} id={`sig-${version.version}`} level={3}>
        {version.signatures.length ? (
          <ul>
            {version.signatures.map((s) => (
              <li key={s.personId}>
                {t('signedOn', { name: s.name, date: formatDateTime(s.signedAt, language) })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('nobodySigned')}</p>
        )}
        {version.waitingFor.length ? (
          <p>{t('stillToSign', { names: version.waitingFor.map((w) => w.name).join(', ') })}</p>
        ) : (
          <p className="success-text">{t('everyoneSigned')}</p>
        )}
      </Section>
    </div>
  );
}

/** "24 hours (1 day)" — how much notice the partners agreed to give before cancelling. */
export function noticeText(t: T, hours: number | undefined): string {
  const h = hours ?? 24;
  if (h === 0) return t('noNotice');
  if (h % 24 === 0) return t('noticeHoursDays', { hours: h, days: h / 24 });
  return t('noticeHours', { hours: h });
}
