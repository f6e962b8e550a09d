import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import type { Format, ReminderKind, Responsible } from '../../../../shared/src/domain';
import { type Attention, type Reminder, api } from '../../api';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading, Section } from '../../ui/Page';
import { formatDateTime } from '../../ui/format';
import { waitedText } from '../messages/messageWords';
import { firstName } from '../goals/goalWords';
import { KIND_LABEL, formatDay, formatWhen } from '../sessions/sessionWords';

/** Every mutation marks this stale (see main.tsx), so Home never shows something already done. */
export const ATTENTION_KEY = ['attention'] as const;

const FORMAT_INVITE: Record<Format, string> = {
  expert: 'an expert coaching partnership',
  peer: 'a peer coaching partnership',
  self: 'a self-coaching partnership',
};

const CARRIED_BY: Record<Responsible, string> = {
  coachee: 'the coachee',
  coach: 'the coach',
  mentor: 'the mentor coach',
  peer: 'the peer coach',
  both: 'both of you',
};

const listFormat = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });

/** "Carmen Diaz", or "Carmen Diaz and Sam Lee". */
function names(people: string[]): string {
  return listFormat.format(people);
}

/** A calendar day (YYYY-MM-DD) in the reader's words, without shifting it by time zone. */
function day(date: string): string {
  return formatDay(`${date}T12:00:00`);
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
  const attention = useQuery({ queryKey: ATTENTION_KEY, queryFn: () => api.get<Attention>('/api/attention') });
  const a = attention.data;
  // Every field of the answer is a list: nothing needs me when all are empty.
  const empty = !!a && Object.values(a).every((list) => list.length === 0);

  return (
    <Section title="What needs your attention" id="attention" className="attention-panel">
      {attention.isPending ? <Loading what="what needs your attention" /> : null}
      <ErrorAlert error={attention.error} />
      {empty ? <p className="all-clear">Nothing needs you right now.</p> : null}
      {a && !empty ? <AttentionLists a={a} /> : null}
    </Section>
  );
}

function AttentionLists({ a }: { a: Attention }) {
  const now = today();
  const reviews = [...a.reviewsDue].sort((x, y) => x.reviewOn.localeCompare(y.reviewOn));
  const mySteps = a.overdueSteps.filter((s) => s.mine);
  const theirSteps = a.overdueSteps.filter((s) => !s.mine);
  const askedOfMe = a.openRequests.filter((r) => r.mine);
  const askedByMe = a.openRequests.filter((r) => !r.mine);
  return (
    <>
      {a.reminders.length > 0 ? <Reminders reminders={a.reminders} /> : null}

      <Group title="Invitations to answer" id="invitations" items={a.invitations} keyOf={(i) => i.partnershipId}>
        {(i) => (
          <>
            <Link to={link.overview(i.partnershipId)}>
              {i.invitedBy} invited you to {FORMAT_INVITE[i.format]}
            </Link>
            <p className="meta">Read what they wrote, then accept or decline.</p>
          </>
        )}
      </Group>

      <Group
        title="Agreements waiting for your signature"
        id="to-sign"
        intro="Open each one and read it through; when you are happy with it, sign the version you read."
        items={a.agreementsToSign}
        keyOf={(s) => s.partnershipId}
      >
        {(s) => <Link to={link.agreement(s.partnershipId)}>{s.partners.length ? `Read and sign the agreement with ${names(s.partners)}` : 'Read and sign your agreement'}</Link>}
      </Group>

      <Group title="Reviews coming up" id="reviews" items={reviews} keyOf={(r) => r.partnershipId}>
        {(r) => (
          <>
            <Link to={link.agreement(r.partnershipId)}>{r.partners.length ? `Review how coaching is going with ${names(r.partners)}` : 'Review how your coaching is going'}</Link>
            <p className="meta">
              {r.reviewOn < now ? (
                <>
                  <strong className="overdue-tag">Overdue</strong> it was planned for {day(r.reviewOn)}
                </>
              ) : (
                <>By {day(r.reviewOn)}</>
              )}
            </p>
          </>
        )}
      </Group>

      <Group title="This week’s sessions" id="week" items={a.upcomingSessions} keyOf={(m) => m.meetingId}>
        {(m) => (
          <>
            <Link to={link.sessions(m.partnershipId)}>
              {KIND_LABEL[m.kind]}
              {m.partners.length ? ` with ${names(m.partners)}` : ''}
            </Link>
            <p className="meta">
              <time dateTime={m.startsAt}>{formatWhen(m)}</time>
              {m.location ? ` · ${m.location}` : ''}
            </p>
          </>
        )}
      </Group>

      <Group
        title="Goals waiting for your decision"
        id="decide"
        intro="You decide which goals you take on. Open one to take it on, or to set it aside."
        items={a.goalsToDecide}
        keyOf={(g) => g.goalId}
      >
        {(g) => (
          <Link to={link.goals(g.partnershipId)}>
            {firstName(g.proposedBy)} proposed: {g.title}
          </Link>
        )}
      </Group>

      <Group
        title="Observation plans to confirm"
        id="plans"
        intro="Read what will be looked for and how, and confirm the plan when it is right for you — or suggest changes first."
        items={a.plansToConfirm}
        keyOf={(plan) => plan.planId}
      >
        {(plan) => (
          <Link to={link.observations(plan.partnershipId)}>
            {plan.meetingStartsAt ? `An observation plan for ${formatDay(plan.meetingStartsAt)} waits for your confirmation` : 'An observation plan waits for your confirmation'}
          </Link>
        )}
      </Group>

      {a.openRequests.length > 0 ? (
        <Section title="Resource requests" id="requests" level={3} className="attention-group">
          {askedOfMe.length > 0 ? (
            <>
              <h4 id="requests-mine">Asked of you</h4>
              <p className="meta">Open the messages to read each request; mark it fulfilled once you have sent what was asked for.</p>
              <RequestList requests={askedOfMe} labelledBy="requests-mine" />
            </>
          ) : null}
          {askedByMe.length > 0 ? (
            <>
              <h4 id="requests-theirs">Asked by you</h4>
              <RequestList requests={askedByMe} labelledBy="requests-theirs" />
            </>
          ) : null}
        </Section>
      ) : null}

      {a.overdueSteps.length > 0 ? (
        <Section title="Overdue steps" id="overdue" level={3} className="attention-group">
          <p className="meta">Plans change. Open the goal to mark a step done, move its date, or drop it.</p>
          {mySteps.length > 0 ? (
            <>
              <h4 id="overdue-mine">Yours</h4>
              <StepList steps={mySteps} labelledBy="overdue-mine" />
            </>
          ) : null}
          {theirSteps.length > 0 ? (
            <>
              <h4 id="overdue-theirs">Your partners’</h4>
              <StepList steps={theirSteps} labelledBy="overdue-theirs" />
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
function RequestList({ requests, labelledBy }: { requests: Attention['openRequests']; labelledBy: string }) {
  return (
    <ul className="attention-list" aria-labelledby={labelledBy}>
      {requests.map((r) => (
        <li key={r.messageId}>
          <Link to={link.messages(r.partnershipId)}>{r.mine ? `${firstName(r.askedBy)} asked you for a resource` : `You asked ${firstName(r.askedOf)} for a resource`}</Link>
          <p className="meta">
            Waiting {waitedText(r.waitedHours)} · asked <time dateTime={r.since}>{formatDateTime(r.since)}</time>
          </p>
        </li>
      ))}
    </ul>
  );
}

function StepList({ steps, labelledBy }: { steps: Attention['overdueSteps']; labelledBy: string }) {
  return (
    <ul className="attention-list" aria-labelledby={labelledBy}>
      {steps.map((s, i) => (
        <li key={`${s.goalId}-${i}`}>
          <Link to={link.goals(s.partnershipId)}>{s.description}</Link>
          <p className="meta">
            <strong className="overdue-tag">Overdue</strong> was due {day(s.dueOn)} · goal “{s.goalTitle}”{s.mine ? '' : ` · carried by ${CARRIED_BY[s.responsible]}`}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** In-app reminders, each leading to the right tab, each with a Dismiss button. */
function Reminders({ reminders }: { reminders: Reminder[] }) {
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
      setNotice('Reminder dismissed.');
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
    <Section title="Reminders" id="reminders-due" level={3} className="attention-group">
      <ul className="attention-list reminder-list">
        {items.map((r) => (
          <li key={r.id} className="reminder">
            <div className="reminder-text">
              <Link to={REMINDER_LINK[r.kind](r.partnershipId)}>{r.text}</Link>
              <p className="meta">
                <time dateTime={r.dueAt}>{formatDateTime(r.dueAt)}</time>
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
              Dismiss<span className="visually-hidden"> the reminder: {r.text}</span>
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
