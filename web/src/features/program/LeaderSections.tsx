import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import { FORMATS, type Format } from '../../../../shared/src/domain';
import { PROGRAM_WELCOME_MAX } from '../../../../shared/src/program';
import { ApiError, api } from '../../api';
import { useT } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox, FieldSet, SelectField, TextArea } from '../../ui/Field';
import { Loading, Section } from '../../ui/Page';
import { useFocusFirstError } from '../../ui/focus';
import { useLabels } from '../../ui/format';
import { hasRole, useSignedIn } from '../session/session';
import { m } from './messages';
import {
  type PartnerEnrolmentBody,
  type ProgramPageData,
  type TestimonialForReview,
  type Volunteer,
  programKey,
  reviewKey,
  useProgramWrite,
  useTestimonialsForReview,
  useVolunteers,
  volunteersKey,
} from './programApi';

/** The program leader's part of the page (and a coach's list of teachers who chose them), each shown by the page's abilities. */
export function LeaderSections({ page }: { page: ProgramPageData }) {
  return (
    <>
      {page.abilities.reviewEnrolments ? <Volunteers page={page} /> : null}
      {page.abilities.reviewTestimonials ? <Review /> : null}
      {page.abilities.editWelcome ? <Welcome page={page} /> : null}
    </>
  );
}

function Welcome({ page }: { page: ProgramPageData }) {
  const t = useT(m);
  const [welcome, setWelcome] = useState(page.welcome ?? '');
  const [notice, setNotice] = useState('');
  const ref = useRef<HTMLFormElement>(null);
  const save = useProgramWrite(
    (body: { welcome: string }) => api.put<ProgramPageData>('/api/program/welcome', body),
    () => setNotice(t('savedWelcome')),
  );
  useFocusFirstError(ref, save.error);
  const err = save.error instanceof ApiError ? save.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ welcome });
  };
  return (
    <Section title={t('leaderHeading')} id="program-leader">
      <form ref={ref} onSubmit={submit} noValidate>
        <TextArea label={t('welcomeLabel')} hint={t('welcomeHint')} value={welcome} onChange={(e) => setWelcome(e.currentTarget.value)} maxLength={PROGRAM_WELCOME_MAX} error={err?.fieldMessage('welcome')} />
        {err && !err.details.length ? <ErrorAlert error={save.error} /> : null}
        <Button type="submit" busy={save.isPending}>
          {t('saveWelcome')}
        </Button>
        <div role="status" aria-live="polite">
          {notice ? <Alert tone="success">{notice}</Alert> : null}
        </div>
      </form>
    </Section>
  );
}

function Volunteers({ page }: { page: ProgramPageData }) {
  const t = useT(m);
  const me = useSignedIn();
  const list = useVolunteers(true);
  const [notice, setNotice] = useState('');
  const leader = hasRole(me, 'leader');
  return (
    <Section title={t('volunteersHeading')} id="volunteers">
      <p>{leader ? t('volunteersLead', { coach: page.coaches.length > 0 ? 'yes' : 'no' }) : t('volunteersCoachLead')}</p>
      <div role="status" aria-live="polite">
        {notice ? <Alert tone="success">{notice}</Alert> : null}
      </div>
      {list.isPending ? <Loading what={t('loadingVolunteers')} /> : null}
      <ErrorAlert error={list.error} />
      {list.data && list.data.items.length === 0 ? <p className="muted">{t('noVolunteers')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <ul className="program-volunteers">
          {list.data.items.map((v) => (
            <li key={v.id}>
              <VolunteerCard v={v} page={page} others={list.data.items.filter((o) => o.id !== v.id && o.status === 'volunteered')} onStarted={(name) => setNotice(t('started', { name }))} />
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

/**
 * One teacher who volunteered, and (for whoever may) starting their partnership. A peer
 * partnership pairs them with other teachers still waiting, chosen here; its coach is the mentor.
 */
function VolunteerCard({ v, page, others, onStarted }: { v: Volunteer; page: ProgramPageData; others: Volunteer[]; onStarted: (name: string) => void }) {
  const t = useT(m);
  const labels = useLabels();
  const client = useQueryClient();
  const [format, setFormat] = useState<Format>(v.format ?? 'expert');
  const [coachId, setCoachId] = useState(v.preferredCoachId ?? page.coaches[0]?.personId ?? '');
  const [peerIds, setPeerIds] = useState<string[]>([]);
  const start = useMutation({
    mutationFn: (body: PartnerEnrolmentBody) => api.post<Volunteer>(`/api/program/enrolments/${v.id}/partnership`, body),
    onSuccess: async () => {
      onStarted(v.name);
      await Promise.all([client.invalidateQueries({ queryKey: volunteersKey }), client.invalidateQueries({ queryKey: ['partnerships'] })]);
    },
  });
  const err = start.error instanceof ApiError ? start.error : null;
  const headingId = `volunteer-${v.id}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    start.mutate({ format, coachId, peerIds: format === 'peer' ? peerIds : [] });
  };
  return (
    <article className="card volunteer" aria-labelledby={headingId}>
      <h3 id={headingId}>{v.site ? t('coachAt', { name: v.name, site: v.site }) : v.name}</h3>
      <p className="muted">{t('asked', { date: labels.date(v.createdAt) })}</p>
      <p>
        {t('volunteerPrefs', {
          format: v.format ? t(`format_${v.format}`) : t('noPreference'),
          coach: v.preferredCoachName ?? t('anyCoach'),
          starts: v.starts ? t('starts', { starts: v.starts }) : t('noPreference'),
        })}
      </p>
      {v.status === 'partnered' && v.partnershipId ? (
        <p>
          <span className="badge">{t('partnered')}</span> <Link to={`/partnerships/${v.partnershipId}`}>{t('openPartnership')}</Link>
        </p>
      ) : null}
      {v.abilities.partner ? (
        <form onSubmit={submit} noValidate className="partner-form">
          <SelectField label={t('partnerFormat')} value={format} onChange={(e) => setFormat(e.currentTarget.value as Format)} error={err?.fieldMessage('format')}>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`format_${f}`)}
              </option>
            ))}
          </SelectField>
          {format === 'peer' ? (
            <FieldSet legend={t('partnerPeers')} hint={others.length ? t('partnerPeersHint') : t('partnerPeersNone')} error={err?.fieldMessage('peerIds')}>
              {others.map((o) => (
                <Checkbox
                  key={o.id}
                  label={o.site ? t('coachAt', { name: o.name, site: o.site }) : o.name}
                  checked={peerIds.includes(o.personId)}
                  onChange={(e) => setPeerIds(e.currentTarget.checked ? [...peerIds, o.personId] : peerIds.filter((x) => x !== o.personId))}
                />
              ))}
            </FieldSet>
          ) : null}
          <SelectField label={format === 'expert' ? t('partnerCoach') : t('partnerMentor')} value={coachId} onChange={(e) => setCoachId(e.currentTarget.value)} error={err?.fieldMessage('coachId')}>
            {page.coaches.map((c) => (
              <option key={c.personId} value={c.personId}>
                {c.name}
              </option>
            ))}
          </SelectField>
          {err && (!err.details.length || !['format', 'coachId', 'peerIds'].some((f) => err.fieldMessage(f))) ? <ErrorAlert error={start.error} /> : null}
          <Button type="submit" busy={start.isPending}>
            {t('startPartnership')}
          </Button>
        </form>
      ) : null}
    </article>
  );
}

function Review() {
  const t = useT(m);
  const list = useTestimonialsForReview(true);
  const [notice, setNotice] = useState('');
  return (
    <Section title={t('reviewHeading')} id="review">
      <p>{t('reviewLead')}</p>
      <div role="status" aria-live="polite">
        {notice ? <Alert tone="success">{notice}</Alert> : null}
      </div>
      {list.isPending ? <Loading what={t('loadingReview')} /> : null}
      <ErrorAlert error={list.error} />
      {list.data && list.data.items.length === 0 ? <p className="muted">{t('noReview')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <ul className="program-review">
          {list.data.items.map((x) => (
            <li key={x.id}>
              <ReviewCard x={x} onDone={setNotice} />
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

function ReviewCard({ x, onDone }: { x: TestimonialForReview; onDone: (text: string) => void }) {
  const t = useT(m);
  const labels = useLabels();
  const client = useQueryClient();
  const decide = useMutation({
    mutationFn: (approved: boolean) => api.put<TestimonialForReview>(`/api/program/testimonials/${x.id}/approval`, { approved }),
    onSuccess: async (_r, approved) => {
      onDone(t(approved ? 'approved' : 'unapproved'));
      await Promise.all([client.invalidateQueries({ queryKey: reviewKey }), client.invalidateQueries({ queryKey: programKey, exact: true })]);
    },
  });
  return (
    <figure className="card testimonial">
      <blockquote>
        <p className="pre-line">{x.text}</p>
      </blockquote>
      <figcaption>{t('reviewBy', { name: x.authorName, consent: x.consent })}</figcaption>
      {x.approvedAt ? <p className="muted">{t('approvedOn', { date: labels.date(x.approvedAt) })}</p> : null}
      {x.abilities.approve ? (
        <Button variant={x.approvedAt ? 'secondary' : 'primary'} busy={decide.isPending} onClick={() => decide.mutate(!x.approvedAt)}>
          {x.approvedAt ? t('unapprove') : t('approve')}
        </Button>
      ) : null}
      <ErrorAlert error={decide.error} />
    </figure>
  );
}
