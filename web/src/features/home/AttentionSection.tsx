import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import type { ReminderKind } from '../../../../shared/src/domain';
import type { Language, Values } from '../../../../shared/src/i18n';
import { type Attention, type Reminder, api } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading, Section } from '../../ui/Page';
import { formatDateTime } from '../../ui/format';
import { firstName } from '../goals/goalWords';
import { formatDay, formatWhen } from '../sessions/sessionWords';
import { m } from './messages';

/** Every mutation marks this stale (see main.tsx), so Home never shows something already done. */
export const ATTENTION_KEY = ['attention'] as const;

type T = (key: keyof typeof m.en, values?: Values) => string;

/** Stands for a date in a sentence, so it can be marked up as a <time> wherever a language puts it. */
const MARK = '\u0001';

const listFormats: Partial<Record<Language, Intl.ListFormat>> = {};

/** "Carmen Diaz", or "Carmen Diaz and Sam Lee" ("Carmen Diaz y Sam Lee"). */
function names(people: string[], language: Language): string {
  return (listFormats[language] ??= new Intl.ListFormat(language, { style: 'long', type: 'conjunction' })).format(people);
}

/** A calendar day (YYYY-MM-DD) in the reader's words, without shifting it by time zone. */
function day(date: string, language: Language): string {
  return formatDay(`${date}T12:00:00`, language);
}

/**
 * How long a request has waited, as the values of `requestWaiting` (as messages/messageWords.ts
 * counts it; kept here so Home does not download the messages tab's words).
 */
function waited(hours: number | null): { unit: 'none' | 'hours' | 'days'; count: number } {
  if (hours === null || hours < 1) return { unit: 'none', count: 0 };
  if (hours < 24) return { unit: 'hours', count: Math.floor(hours) };
  return { unit: 'days', count: Math.floor(hours / 24) };
}

/** Today's calendar day in the browser's time zone. */
function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const link = {
  overview: (id: string) => `/partnerships/${id}`,
  agreement: (id: string) => `/partnerships/${id}/agreement`,
  sessions: (id: string) => `/partnerships/${id}/sessions`,
  goals: (id: string) => `/partnerships/${id}/goals`,
  messages: (id: string) => `/partnerships/${id}/messages`,
  observations: (id: string) => `/partnerships/${id}/observations`,
};

/** Where a reminder leads. */
const REMINDER_LINK: Record<ReminderKind, (id: string) => string> = {
  session: link.sessions,
  agreement_review: link.agreement,
  step_due: link.goals,
};

/** "What needs your attention": one request, grouped into short lists that each lead to the right tab. */
export function AttentionSection() {
  const t = useT(m);
  // Fresh for a few seconds: the answer fetched while the app loaded (main.tsx) is not asked for
  // again as Home appears; anything done in the app refreshes it (main.tsx's MutationCache).
  const attention = useQuery({ queryKey: ATTENTION_KEY, queryFn: () => api.get<Attention>('/api/attention'), staleTime: 10_000 });
  const a = attention.data;
  // Every field of the answer is a list: nothing needs me when all are empty.
  const empty = !!a && Object.values(a).every((list) => list.length === 0);

  return (
    <Section title={t('attention')} id="attention" className="attention-panel">
      {attention.isPending ? <Loading what={t('loadingAttention')} /> : null}
      <ErrorAlert error={attention.error} />
      {empty ? <p className="all-clear">{t('allClear')}</p> : null}
      {a && !empty ? <AttentionLists a={a} /> : null}
    </Section>
  );
}

function AttentionLists({ a }: { a: Attention }) {
  const t = useT(m);
  const { language } = useLanguage();
  const now = today();
  const reviews = [...a.reviewsDue].sort((x, y) => x.reviewOn.localeCompare(y.reviewOn));
  const mySteps = a.overdueSteps.filter((s) => s.mine);
  const theirSteps = a.overdueSteps.filter((s) => !s.mine);
  const askedOfMe = a.openRequests.filter((r) => r.mine);
  const askedByMe = a.openRequests.filter((r) => !r.mine);
  return (
    <>
      {a.reminders.length > 0 ? <Reminders reminders={a.reminders} /> : null}

      <Group title={t('invitations')} id="invitations" items={a.invitations} keyOf={(i) => i.partnershipId}>
        {(i) => (
          <>
            <Link to={link.overview(i.partnershipId)}>{t('invitedYou', { known: i.invitedBy ? 'yes' : 'no', name: i.invitedBy ?? '', format: i.format })}</Link>
            <p className="meta">{t('invitationHint')}</p>
          </>
        )}
      </Group>

      <Group
        title={t('toSign')}
        id="to-sign"
        intro={t('toSignIntro')}
        items={a.agreementsToSign}
        keyOf={(s) => s.partnershipId}
      >
        {(s) => <Link to={link.agreement(s.partnershipId)}>{s.partners.length ? t('signWith', { names: names(s.partners, language) }) : t('signYours')}</Link>}
      </Group>

      <Group title={t('reviews')} id="reviews" items={reviews} keyOf={(r) => r.partnershipId}>
        {(r) => (
          <>
            <Link to={link.agreement(r.partnershipId)}>{r.partners.length ? t('reviewWith', { names: names(r.partners, language) }) : t('reviewYours')}</Link>
            <p className="meta">
              {r.reviewOn < now ? (
                <>
                  <strong className="overdue-tag">{t('overdue')}</strong> {t('plannedFor', { day: day(r.reviewOn, language) })}
                </>
              ) : (
                <>{t('reviewBy', { day: day(r.reviewOn, language) })}</>
              )}
            </p>
          </>
        )}
      </Group>

      <Group title={t('week')} id="week" items={a.upcomingSessions} keyOf={(s) => s.meetingId}>
        {(s) => (
          <>
            <Link to={link.sessions(s.partnershipId)}>
              {t('session', { kind: s.kind, alone: s.partners.length ? 'no' : 'yes', names: names(s.partners, language) })}
            </Link>
            <p className="meta">
              <time dateTime={s.startsAt}>{formatWhen(s, language)}</time>
              {s.location ? ` · ${s.location}` : ''}
            </p>
          </>
        )}
      </Group>

      <Group title={t('decide')} id="decide" intro={t('decideIntro')} items={a.goalsToDecide} keyOf={(g) => g.goalId}>
        {(g) => <Link to={link.goals(g.partnershipId)}>{t('proposed', { name: firstName(g.proposedBy), title: g.title })}</Link>}
      </Group>

      <Group title={t('plans')} id="plans" intro={t('plansIntro')} items={a.plansToConfirm} keyOf={(plan) => plan.planId}>
        {(plan) => (
          <Link to={link.observations(plan.partnershipId)}>
            {plan.meetingStartsAt ? t('planFor', { day: formatDay(plan.meetingStartsAt, language) }) : t('plan')}
          </Link>
        )}
      </Group>

      {a.openRequests.length > 0 ? (
        <Section title={t('requests')} id="requests" level={3} className="attention-group">
          {askedOfMe.length > 0 ? (
            <>
              <h4 id="requests-mine">{t('askedOfYou')}</h4>
              <p className="meta">{t('askedOfYouHint')}</p>
              <RequestList t={t} language={language} requests={askedOfMe} labelledBy="requests-mine" />
            </>
          ) : null}
          {askedByMe.length > 0 ? (
            <>
              <h4 id="requests-theirs">{t('askedByYou')}</h4>
              <RequestList t={t} language={language} requests={askedByMe} labelledBy="requests-theirs" />
            </>
          ) : null}
        </Section>
      ) : null}

      {a.overdueSteps.length > 0 ? (
        <Section title={t('overdueSteps')} id="overdue" level={3} className="attention-group">
          <p className="meta">{t('overdueStepsHint')}</p>
          {mySteps.length > 0 ? (
            <>
              <h4 id="overdue-mine">{t('yours')}</h4>
              <StepList t={t} language={language} steps={mySteps} labelledBy="overdue-mine" />
            </>
          ) : null}
          {theirSteps.length > 0 ? (
            <>
              <h4 id="overdue-theirs">{t('partners')}</h4>
              <StepList t={t} language={language} steps={theirSteps} labelledBy="overdue-theirs" />
            </>
          ) : null}
        </Section>
      ) : null}
    </>
  );
}

/** One group of Home: a heading, an optional line of guidance, and a list; nothing at all when the list is empty. */
function Group<T>({ title, id, intro, items, keyOf, children }: { title: string; id: string; intro?: string; items: T[]; keyOf: (item: T) => string; children: (item: T) => ReactNode }) {
  if (items.length === 0) return null;
  return (
    <Section title={title} id={id} level={3} className="attention-group">
      {intro ? <p className="meta">{intro}</p> : null}
      <ul className="attention-list">
        {items.map((item) => (
          <li key={keyOf(item)}>{children(item)}</li>
        ))}
      </ul>
    </Section>
  );
}

/** Open resource requests: asked of me ("Priya asked you…") or by me ("You asked Morgan…"), with how long they have waited. */
function RequestList({ t, language, requests, labelledBy }: { t: T; language: Language; requests: Attention['openRequests']; labelledBy: string }) {
  return (
    <ul className="attention-list" aria-labelledby={labelledBy}>
      {requests.map((r) => {
        const [beforeWhen, afterWhen] = t('requestWaiting', { ...waited(r.waitedHours), when: MARK }).split(MARK);
        return (
          <li key={r.messageId}>
            <Link to={link.messages(r.partnershipId)}>{r.mine ? t('askedYou', { name: firstName(r.askedBy) }) : t('youAsked', { name: firstName(r.askedOf) })}</Link>
            <p className="meta">
              {beforeWhen}
              <time dateTime={r.since}>{formatDateTime(r.since, language)}</time>
              {afterWhen}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

function StepList({ t, language, steps, labelledBy }: { t: T; language: Language; steps: Attention['overdueSteps']; labelledBy: string }) {
  return (
    <ul className="attention-list" aria-labelledby={labelledBy}>
      {steps.map((s, i) => (
        <li key={`${s.goalId}-${i}`}>
          <Link to={link.goals(s.partnershipId)}>{s.description}</Link>
          <p className="meta">
            <strong className="overdue-tag">{t('overdue')}</strong>{' '}
            {t('stepDue', { day: day(s.dueOn, language), goal: s.goalTitle, mine: s.mine ? 'yes' : 'no', responsible: s.responsible })}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** In-app reminders, each leading to the right tab, each with a Dismiss button. */
function Reminders({ reminders }: { reminders: Reminder[] }) {
  const t = useT(m);
  const { language } = useLanguage();
  const client = useQueryClient();
  const [notice, setNotice] = useState('');
  const items = [...reminders].sort((x, y) => x.dueAt.localeCompare(y.dueAt));
  const dismiss = useMutation({
    mutationFn: (r: Reminder) => api.post<void>(`/api/me/reminders/${r.id}/dismissal`),
    onSuccess: (_, r) => {
      const index = items.findIndex((x) => x.id === r.id);
      const rest = items.filter((x) => x.id !== r.id);
      client.setQueryData<Attention>(ATTENTION_KEY, (old) => (old ? { ...old, reminders: old.reminders.filter((x) => x.id !== r.id) } : old));
      client.invalidateQueries({ queryKey: ATTENTION_KEY });
      setNotice(t('dismissed'));
      // Keep the keyboard in the list: on the next reminder's button, or the panel's heading when none is left.
      const next = rest[Math.min(index, rest.length - 1)];
      requestAnimationFrame(() => {
        const target = next ? document.getElementById(dismissId(next.id)) : document.getElementById('attention-title');
        if (target && !next) target.setAttribute('tabindex', '-1');
        target?.focus();
      });
    },
  });
  return (
    <Section title={t('reminders')} id="reminders-due" level={3} className="attention-group">
      <ul className="attention-list reminder-list">
        {items.map((r) => (
          <li key={r.id} className="reminder">
            <div className="reminder-text">
              <Link to={REMINDER_LINK[r.kind](r.partnershipId)}>{r.text}</Link>
              <p className="meta">
                <time dateTime={r.dueAt}>{formatDateTime(r.dueAt, language)}</time>
              </p>
            </div>
            <Button
              id={dismissId(r.id)}
              variant="secondary"
              className="reminder-dismiss"
              busy={dismiss.isPending && dismiss.variables?.id === r.id}
              onClick={() => {
                setNotice('');
                dismiss.mutate(r);
              }}
            >
              {t('dismiss')}
              <span className="visually-hidden"> {t('theReminder', { text: r.text })}</span>
            </Button>
          </li>
        ))}
      </ul>
      <ErrorAlert error={dismiss.error} />
      <div role="status" className="reminder-notice">
        {notice ? <p className="meta">{notice}</p> : null}
      </div>
    </Section>
  );
}

const dismissId = (id: string) => `dismiss-${id}`;
