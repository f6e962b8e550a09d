import type { AgreementVersion, Practice } from '../../api';
import { Section } from '../../ui/Page';
import { formatDate, formatDateTime, shortHash } from '../../ui/format';

export const PARTY_LABEL: Record<string, string> = {
  coach: 'The coach',
  coachee: 'The coachee',
  peer: 'Each peer coach',
  self: 'The self-coach',
  mentor: 'The mentor coach',
  supervisor: 'The supervisor',
};

export const MODE_LABEL: Record<string, string> = {
  live: 'Live, in the room',
  recorded: 'Recorded on video or audio',
  both: 'Live and recorded',
  undecided: 'Not decided yet',
};

/** One version of an agreement, read-only: what everyone promised and what they decided together. */
export function AgreementView({ version, practices }: { version: AgreementVersion; practices: Practice[] }) {
  const c = version.content;
  const commitments = c.commitments ? Object.entries(c.commitments).filter(([, lines]) => lines.length > 0) : [];
  const chosen = c.guidelines ? practices.filter((p) => c.guidelines!.practiceIds.includes(p.id)) : [];
  return (
    <div className="agreement">
      <p className="meta">
        Version {version.version}, saved by {version.createdBy} on {formatDateTime(version.createdAt)} · fingerprint{' '}
        <code title={version.contentHash}>{shortHash(version.contentHash)}</code>
      </p>
      {commitments.length > 0 ? (
        <Section title="What each of us commits to" id={`commit-${version.version}`} level={3}>
          {commitments.map(([party, lines]) => (
            <div key={party} className="commitment">
              <h4>{PARTY_LABEL[party] ?? party}</h4>
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
        <Section title="How we will work together" id={`guide-${version.version}`} level={3}>
          <dl className="facts stacked">
            <div>
              <dt>Practices we focus on</dt>
              <dd>{chosen.length ? chosen.map((p) => p.name).join('; ') : 'Not chosen yet'}</dd>
            </div>
            <div>
              <dt>What will be observed, and when</dt>
              <dd>{c.guidelines.observation || 'Not decided yet'}</dd>
            </div>
            <div>
              <dt>How observations happen</dt>
              <dd>{MODE_LABEL[c.guidelines.observationMode]}</dd>
            </div>
            <div>
              <dt>What is shared, and with whom</dt>
              <dd>{c.guidelines.sharing || 'Nothing leaves the partnership unless the coachee shares it.'}</dd>
            </div>
            <div>
              <dt>Support the coach offers</dt>
              <dd>{c.guidelines.supports || '—'}</dd>
            </div>
            <div>
              <dt>How we handle concerns</dt>
              <dd>{c.guidelines.concerns || '—'}</dd>
            </div>
          </dl>
        </Section>
      ) : null}
      <Section title="Logistics" id={`logistics-${version.version}`} level={3}>
        <dl className="facts stacked">
          <div>
            <dt>How often we meet</dt>
            <dd>{c.meetingCadence || 'Not agreed yet'}</dd>
          </div>
          <div>
            <dt>Cover needed</dt>
            <dd>{c.coverageNeeds || 'None noted'}</dd>
          </div>
          <div>
            <dt>Notice needed to cancel</dt>
            <dd>{noticeText(c.cancellationNoticeHours)}</dd>
          </div>
          <div>
            <dt>We revisit how coaching is going on</dt>
            <dd>{c.reviewOn ? formatDate(c.reviewOn) : 'Not set'}</dd>
          </div>
        </dl>
      </Section>
      <Section title="Communication plan" id={`comm-${version.version}`} level={3}>
        {c.communicationPlan && c.communicationPlan.length > 0 ? (
          <div className="table-wrap">
            <table className="responsive-table">
              <caption className="visually-hidden">Who tells whom what, and how often</caption>
              <thead>
                <tr>
                  <th scope="col">Who</th>
                  <th scope="col">Tells whom</th>
                  <th scope="col">What</th>
                  <th scope="col">How often</th>
                </tr>
              </thead>
              <tbody>
                {c.communicationPlan.map((row, i) => (
                  <tr key={i}>
                    <td data-label="Who">{row.from}</td>
                    <td data-label="Tells whom">{row.to}</td>
                    <td data-label="What">{row.what}</td>
                    <td data-label="How often">{row.when}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">No communication plan yet.</p>
        )}
      </Section>
      <Section title="Signatures" id={`sig-${version.version}`} level={3}>
        {version.signatures.length ? (
          <ul>
            {version.signatures.map((s) => (
              <li key={s.personId}>
                {s.name} signed on {formatDateTime(s.signedAt)}
              </li>
            ))}
          </ul>
        ) : (
          <p>Nobody has signed this version yet.</p>
        )}
        {version.waitingFor.length ? <p>Still to sign: {version.waitingFor.map((w) => w.name).join(', ')}.</p> : <p className="success-text">Everyone has signed this version.</p>}
      </Section>
    </div>
  );
}

/** "24 hours (1 day)" — how much notice the partners agreed to give before cancelling. */
export function noticeText(hours: number | undefined): string {
  const h = hours ?? 24;
  if (h === 0) return 'None — cancelling at any time is fine';
  const hoursText = `${h} ${h === 1 ? 'hour' : 'hours'}`;
  if (h % 24 === 0) return `${hoursText} (${h / 24} ${h === 24 ? 'day' : 'days'})`;
  return hoursText;
}
